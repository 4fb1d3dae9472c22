/**
 * The CRM traffic of issue #20 ("CRM sync under real traffic"): a webhook per change, each its own
 * execution, many at once. Each event adds one tag and sets one billing value, so each carries two
 * deltas the customer must keep; tags and values are unique, so the final state tells exactly
 * which event's changes survived. Everything is deterministic (a seeded shuffle) except timing.
 */
import { randomUUID } from 'crypto';

import type { CustomerInfo, Sandbox, Tag } from '../../../sandbox';
import { prng } from '../../../sandbox/faults';

export const ACCOUNT = 'acc-reseller';
export const CUSTOMERS = 20;
export const EVENTS_PER_CUSTOMER = 15;
/** Webhook calls in flight at once, as a CRM's delivery workers would send them. */
export const SENDERS = 20;
/** Every API route answers this much later: a real API's latency, which widens read-write windows. */
export const LATENCY_MS = 50;

// The API's billing items and the values of each (Evo Voice's BillingSettings DTO): 36 slots, so
// each of a customer's 15 events can own one slot that no other event of that customer writes.
const ITEMS = ['base', 'localNumbers', 'tollFreeNumbers', 'inboundVoiceCalls', 'outboundVoiceCalls', 'inboundFaxes', 'outboundFaxes', 'inboundSmsMessages', 'outboundSmsMessages'];
const VALUES = ['allowance', 'baseCost', 'rawUnitMultiplier', 'unitCost'];
export const SLOTS = ITEMS.flatMap((item) => VALUES.map((value) => ({ item, value })));
export type Slot = (typeof SLOTS)[number];

const pad = (n: number, width: number) => String(n).padStart(width, '0');
export const customerId = (c: number) => `cus-conc-${pad(c, 2)}`;
export const crmId = (c: number) => `crm-conc-${pad(c, 2)}`;
const tagId = (n: number) => `tag-conc-${pad(n, 3)}`;
/** What a slot holds before the burst: an integer (allowance takes only those), below every event's amount. */
const seedAmount = (c: number, slot: number) => c * 36 + slot;

export interface BurstEvent {
	eventId: string;
	crmId: string;
	customerId: string;
	tag: string;
	item: string;
	value: string;
	/** Unique over the burst: a slot holding it can only have been written by this event. */
	amount: number;
}

/** A reproducible shuffle (the sandbox's mulberry32 draws), so that a run's order can be replayed. */
export function shuffle<T>(items: T[], seed: number): T[] {
	const out = [...items];
	const random = prng(seed);
	for (let i = out.length - 1; i > 0; i--) {
		const j = Math.floor(random() * (i + 1));
		[out[i], out[j]] = [out[j], out[i]];
	}
	return out;
}

const customerNumbers = () => Array.from({ length: CUSTOMERS }, (_, k) => k + 1);

/** 300 events, shuffled over all customers so that one customer's events overlap in time. */
export function burstEvents(seed = 20): BurstEvent[] {
	const events = customerNumbers().flatMap((c) =>
		Array.from({ length: EVENTS_PER_CUSTOMER }, (_, k) => {
			const n = (c - 1) * EVENTS_PER_CUSTOMER + k + 1;
			// Customer c's events start at a different slot than c-1's, so all 36 slots get used.
			const slot = SLOTS[(k + c * 7) % SLOTS.length];
			return { eventId: randomUUID(), crmId: crmId(c), customerId: customerId(c), tag: tagId(n), ...slot, amount: 10_000 + n };
		}),
	);
	return shuffle(events, seed);
}

function fullBilling(c: number): NonNullable<CustomerInfo['billingSettings']> {
	const billing: Record<string, Record<string, number>> = {};
	SLOTS.forEach(({ item, value }, slot) => ((billing[item] ??= {})[value] = seedAmount(c, slot)));
	return billing as NonNullable<CustomerInfo['billingSettings']>;
}

/**
 * The burst's 20 customers (full billing, a tag, a data value and a name no event touches) and its
 * 300 tags in the account's settings (the API refuses unknown tag IDs). Returns the undo.
 */
export function addBurstFixtures(sb: Sandbox, events: BurstEvent[]): { seeded: Map<string, CustomerInfo>; remove(): void } {
	const settings = sb.state.systemSettings[ACCOUNT];
	const vip = settings.tags.find((t) => t.id === 'tag-vip');
	if (!vip) throw new Error(`the sandbox's ${ACCOUNT} has no tag-vip to seed with`);
	const tags: Tag[] = events.map((e) => ({ id: e.tag, name: `CRM ${e.tag}`, color: 'Blue' }));
	settings.tags.push(...tags);
	const seeded = new Map<string, CustomerInfo>();
	for (const c of customerNumbers()) {
		if (sb.state.customers[customerId(c)]) throw new Error(`the sandbox already holds ${customerId(c)}`);
		const customer: CustomerInfo = {
			id: customerId(c), accountId: ACCOUNT, name: `Concurrency Customer ${pad(c, 2)}`, referenceId: crmId(c), isStaging: false,
			tags: [{ ...vip }], data: { Plan: { stringValue: 'Pro' } }, overrideBillingSettings: true, billingSettings: fullBilling(c),
			overrideAppSettings: false, dateCreated: '2024-01-01T00:00:00.000Z', dateLastModified: '2024-01-01T00:00:00.000Z',
			createdBy: 'concurrency-suite', lastModifiedBy: 'concurrency-suite',
		};
		sb.state.customers[customer.id] = customer;
		seeded.set(customer.id, structuredClone(customer));
	}
	return {
		seeded,
		remove() {
			for (const id of seeded.keys()) delete sb.state.customers[id];
			const added = new Set(tags.map((t) => t.id));
			settings.tags = settings.tags.filter((t) => !added.has(t.id));
		},
	};
}

/** Which changes of an event the customer shows now. */
export function applied(event: BurstEvent, now: CustomerInfo | undefined): { tag: boolean; value: boolean } {
	const billing = now?.billingSettings as Record<string, Record<string, unknown> | undefined> | undefined;
	return { tag: (now?.tags ?? []).some((t) => t.id === event.tag), value: billing?.[event.item]?.[event.value] === event.amount };
}

/**
 * What no event may change: the name, reference ID, data, the seeded tag, and every billing slot
 * none of the customer's events owns. Returns what differs, per customer.
 */
export function untouchedDamage(seeded: Map<string, CustomerInfo>, events: BurstEvent[], sb: Sandbox): string[] {
	const damage: string[] = [];
	for (const [id, was] of seeded) {
		const now = sb.state.customers[id];
		const owned = new Set(events.filter((e) => e.customerId === id).map((e) => `${e.item}.${e.value}`));
		const wasBilling = was.billingSettings as Record<string, Record<string, number>>;
		const nowBilling = (now?.billingSettings ?? {}) as Record<string, Record<string, number> | undefined>;
		const slots = SLOTS.filter(({ item, value }) => !owned.has(`${item}.${value}`) && nowBilling[item]?.[value] !== wasBilling[item][value]);
		const fields: string[] = (['name', 'referenceId', 'accountId'] as const).filter((key) => now?.[key] !== was[key]);
		if (JSON.stringify(now?.data) !== JSON.stringify(was.data)) fields.push('data');
		if (!(now?.tags ?? []).some((t) => t.id === 'tag-vip')) fields.push('tag-vip');
		if (slots.length || fields.length) damage.push(`${id}: ${[...fields, ...slots.map((s) => `${s.item}.${s.value}`)].join(', ')}`);
	}
	return damage;
}

/** A slot an event owns holds its seed value or that event's amount, never another event's. */
export function foreignValues(seeded: Map<string, CustomerInfo>, events: BurstEvent[], sb: Sandbox): string[] {
	const wrong: string[] = [];
	for (const event of events) {
		const was = (seeded.get(event.customerId)?.billingSettings as Record<string, Record<string, number>>)[event.item][event.value];
		const now = (sb.state.customers[event.customerId]?.billingSettings as Record<string, Record<string, number> | undefined> | undefined)?.[event.item]?.[event.value];
		if (now !== was && now !== event.amount) wrong.push(`${event.customerId} ${event.item}.${event.value} = ${now}`);
	}
	return wrong;
}
