// A burst of events in one call: sb.events.burst(spec), POST /__sandbox/events, and the CLI's
// `events` command all take this spec. Events happen in this order: sessions, notifications,
// customers created, customers updated, sessions ended. Their stamps: the `at` list if given (one
// per event, in that order), else spacingMs apart with the last one now (default 1 ms apart, so
// a burst just happened and every stamp differs; spacingMs 0 gives them all the same instant).
import { instantOf } from './clock';
import { NOTIFICATION_TYPES } from './routes/notifications';
import type { CustomerInfo, FlowChannel, NotificationType, SandboxState } from './types';

export const FLOW_CHANNELS: FlowChannel[] = ['Voice', 'Chat', 'Fax'];

export interface BurstSpec {
	/** A count, or options; customers, channels and types are used round-robin. */
	sessions?: number | { count: number; customerIds?: string[]; channels?: FlowChannel[]; open?: number; durationMs?: number };
	notifications?: number | { count: number; customerIds?: string[]; types?: NotificationType[] };
	customersCreated?: number | { count: number; accountId?: string; parentCustomerId?: string };
	customersUpdated?: number | { count: number; customerIds?: string[] };
	/** Ends open sessions: these, or the N opened longest ago. */
	endSessions?: { ids?: string[]; oldestOpen?: number };
	spacingMs?: number;
	at?: (string | number)[];
}

export interface BurstResult {
	sessions: string[];
	notifications: string[];
	customersCreated: string[];
	customersUpdated: string[];
	sessionsEnded: string[];
	/** Stamps of the first and last event (ISO), absent for an empty burst. */
	first?: string;
	last?: string;
}

const MAX = 100_000;

function count(where: string, v: unknown): number {
	if (!Number.isInteger(v) || (v as number) < 0 || (v as number) > MAX) throw new Error(`${where} is ${JSON.stringify(v)}; expected a whole number 0..${MAX}`);
	return v as number;
}

function listOf<T extends string>(where: string, v: unknown, allowed?: readonly T[]): T[] | undefined {
	if (v === undefined) return undefined;
	if (!Array.isArray(v) || !v.length || v.some((x) => typeof x !== 'string' || (allowed && !allowed.includes(x as T)))) {
		throw new Error(`${where} is ${JSON.stringify(v)}; expected a non-empty list of ${allowed ? allowed.join(' | ') : 'IDs'}`);
	}
	return v as T[];
}

const spec = <T extends object>(v: number | T | undefined): Partial<T> & { count: number } =>
	(typeof v === 'number' ? { count: v } : { count: 0, ...v }) as Partial<T> & { count: number };

/** The default customers of generated events: those of acc-reseller (else of every account), in storage order. */
function defaultCustomers(state: SandboxState): string[] {
	const all = Object.values(state.customers);
	const own = all.filter((c: CustomerInfo) => c.accountId === 'acc-reseller');
	return (own.length ? own : all).map((c) => c.id);
}

/** What a burst makes events with (events.ts's Events): one kind at a time, each stamped `at`. */
export interface EventMaker {
	session(spec: { customerId?: string; channel?: FlowChannel; at: number; ended: boolean; durationMs?: number }): { id: string };
	notification(spec: { customerId?: string; type?: NotificationType; at: number }): { id: string };
	customerCreated(spec: { accountId?: string; parentCustomerId?: string; at: number }): { id: string };
	customerUpdated(id: string, spec: { at: number }): { id: string };
	endSession(id: string, spec: { at: number }): { id: string };
}

export function runBurst(events: EventMaker, state: SandboxState, nowMs: number, body: BurstSpec): BurstResult {
	if (typeof body !== 'object' || body === null || Array.isArray(body)) throw new Error('the burst must be an object');
	const known = ['sessions', 'notifications', 'customersCreated', 'customersUpdated', 'endSessions', 'spacingMs', 'at'];
	const unknown = Object.keys(body).find((k) => !known.includes(k));
	if (unknown) throw new Error(`unknown burst field '${unknown}'; known: ${known.join(', ')}`);
	const ses = spec(body.sessions);
	const ntf = spec(body.notifications);
	const created = spec(body.customersCreated);
	const updated = spec(body.customersUpdated);
	const nSessions = count('sessions.count', ses.count);
	const open = ses.open === undefined ? 0 : count('sessions.open', ses.open);
	if (open > nSessions) throw new Error(`sessions.open is ${open}, more than sessions.count ${nSessions}`);
	const sessionCustomers = listOf('sessions.customerIds', ses.customerIds) ?? defaultCustomers(state);
	const channels = listOf('sessions.channels', ses.channels, FLOW_CHANNELS) ?? FLOW_CHANNELS;
	const nNotifications = count('notifications.count', ntf.count);
	const ntfCustomers = listOf('notifications.customerIds', ntf.customerIds) ?? defaultCustomers(state);
	const types = listOf('notifications.types', ntf.types, NOTIFICATION_TYPES) ?? (['Email', 'Sms'] as NotificationType[]);
	const nCreated = count('customersCreated.count', created.count);
	const nUpdated = count('customersUpdated.count', updated.count);
	const updateIds = listOf('customersUpdated.customerIds', updated.customerIds) ?? defaultCustomers(state);
	const ends = body.endSessions ?? {};
	const endIds = listOf('endSessions.ids', ends.ids) ?? [];
	if (ends.oldestOpen !== undefined) {
		const oldest = Object.values(state.sessions).filter((s) => !s.ended).sort((a, b) => (a.dateCreated! < b.dateCreated! ? -1 : 1));
		endIds.push(...oldest.slice(0, count('endSessions.oldestOpen', ends.oldestOpen)).map((s) => s.id).filter((id) => !endIds.includes(id)));
	}
	// Everything is checked before the first event, so a bad burst changes nothing.
	for (const id of [...sessionCustomers, ...ntfCustomers, ...updateIds]) if (!state.customers[id]) throw new Error(`customer '${id}' does not exist`);
	for (const id of endIds) {
		if (!state.sessions[id]) throw new Error(`endSessions.ids: session '${id}' does not exist`);
		if (state.sessions[id].ended) throw new Error(`endSessions.ids: session '${id}' has already ended`);
	}
	if (nCreated && created.accountId !== undefined && !state.accounts[created.accountId]) throw new Error(`customersCreated.accountId '${created.accountId}' does not exist`);
	if (nCreated && created.parentCustomerId !== undefined && !state.customers[created.parentCustomerId]) {
		throw new Error(`customersCreated.parentCustomerId '${created.parentCustomerId}' does not exist`);
	}

	const total = nSessions + nNotifications + nCreated + nUpdated + endIds.length;
	const stamps = stampsOf(body, total, nowMs);
	let k = 0;
	const next = () => stamps[k++];
	const result: BurstResult = { sessions: [], notifications: [], customersCreated: [], customersUpdated: [], sessionsEnded: [] };
	for (let i = 0; i < nSessions; i++) {
		// `open` of them stay open, spread evenly through the burst.
		const leftOpen = Math.floor(((i + 1) * open) / nSessions) > Math.floor((i * open) / nSessions);
		const customerId = sessionCustomers.length ? sessionCustomers[i % sessionCustomers.length] : undefined;
		result.sessions.push(events.session({ customerId, channel: channels[i % channels.length], at: next(), ended: !leftOpen, durationMs: ses.durationMs }).id);
	}
	for (let i = 0; i < nNotifications; i++) {
		const customerId = ntfCustomers.length ? ntfCustomers[i % ntfCustomers.length] : undefined;
		result.notifications.push(events.notification({ customerId, type: types[i % types.length], at: next() }).id);
	}
	for (let i = 0; i < nCreated; i++) {
		result.customersCreated.push(events.customerCreated({ accountId: created.accountId, parentCustomerId: created.parentCustomerId, at: next() }).id);
	}
	for (let i = 0; i < nUpdated; i++) result.customersUpdated.push(events.customerUpdated(updateIds[i % updateIds.length], { at: next() }).id);
	for (const id of endIds) result.sessionsEnded.push(events.endSession(id, { at: next() }).id);
	if (total) {
		result.first = new Date(stamps[0]).toISOString();
		result.last = new Date(stamps[total - 1]).toISOString();
	}
	return result;
}

function stampsOf(body: BurstSpec, total: number, nowMs: number): number[] {
	if (body.at !== undefined) {
		if (!Array.isArray(body.at) || body.at.length !== total) {
			throw new Error(`at holds ${Array.isArray(body.at) ? body.at.length : 'no list of'} times for ${total} events; give one per event`);
		}
		return body.at.map((t, i) => instantOf(t, `at[${i}]`));
	}
	const spacing = body.spacingMs ?? 1;
	if (typeof spacing !== 'number' || !Number.isFinite(spacing) || spacing < 0) throw new Error(`spacingMs is ${JSON.stringify(body.spacingMs)}; expected a number >= 0`);
	return Array.from({ length: total }, (_, i) => nowMs - (total - 1 - i) * spacing);
}
