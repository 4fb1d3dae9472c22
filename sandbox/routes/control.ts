// /__sandbox/* control endpoints for e2e runs and demos driving a sandbox in another process.
// They need no authentication, are never faulted, logged or counted, and would let anyone reset
// the data: the sandbox is meant for loopback only (it binds 127.0.0.1 by default).
import type { BurstResult, BurstSpec } from '../burst';
import type { ClockSpec, ClockState } from '../clock';
import { ApiError, queryInt, type Query, type Result } from '../http';
import type { FaultRule } from '../faults';
import type { SandboxSemantics, SemanticsOverrides } from '../modes';
import { makeCustomers } from '../seed';
import { redactedState } from '../state';
import type { Counters, RequestLogEntry, SandboxState, SeedData } from '../types';

export interface ControlApi {
	setFaults(rules: FaultRule[]): void;
	faultRules(): FaultRule[];
	setMaxCountPerPage(max: number | undefined): void;
	logEntries(): RequestLogEntry[];
	counters(): Counters;
	reset(seed?: SeedData): void;
	state(): SandboxState;
	/** Reads the clock, or sets it first when given a spec. */
	clock(spec?: ClockSpec): ClockState;
	burst(spec: BurstSpec): BurstResult;
	/** Reads the semantics, or replaces them first (the defaults overlaid with the overrides). */
	semantics(overrides?: SemanticsOverrides): SandboxSemantics;
}

/** Runs `fn`, turning its Error (a bad clock, burst or settings file) into a 400 that names the field. */
function checked<T>(fn: () => T): T {
	try {
		return fn();
	} catch (err) {
		throw new ApiError(400, 'ArgumentException', (err as Error).message);
	}
}

interface ResetBody {
	seed?: SeedData;
	/** Adds makeCustomers(count, accountId ?? 'acc-reseller') after the reset. */
	bulkCustomers?: { count: number; accountId?: string };
}

export function control(api: ControlApi, method: string, path: string, query: Query, body: unknown): Result {
	const route = `${method} ${path.replace(/\/+$/, '')}`;
	switch (route) {
		case 'GET /__sandbox/faults':
			return { status: 200, body: { faults: api.faultRules() } };
		case 'PUT /__sandbox/faults': {
			const rules = Array.isArray(body) ? body : (body as { faults?: unknown } | undefined)?.faults;
			try {
				api.setFaults((rules ?? []) as FaultRule[]);
			} catch (err) {
				throw new ApiError(400, 'ArgumentException', (err as Error).message);
			}
			return { status: 200, body: { faults: api.faultRules() } };
		}
		case 'PUT /__sandbox/paging': {
			const max = (body as { maxCountPerPage?: unknown } | undefined)?.maxCountPerPage;
			if (max !== undefined && max !== null && (typeof max !== 'number' || !Number.isInteger(max) || max < 1)) {
				throw new ApiError(400, 'ArgumentException', 'maxCountPerPage must be a whole number of 1 or more, or null');
			}
			api.setMaxCountPerPage(typeof max === 'number' ? max : undefined);
			return { status: 200, body: { maxCountPerPage: max ?? null } };
		}
		case 'GET /__sandbox/log': {
			const entries = api.logEntries();
			const limit = queryInt(query, 'limit', 0);
			return { status: 200, body: { entries: limit === undefined ? entries : entries.slice(-limit || entries.length) } };
		}
		case 'GET /__sandbox/counters':
			return { status: 200, body: api.counters() };
		case 'POST /__sandbox/reset': {
			const { seed, bulkCustomers } = (body ?? {}) as ResetBody;
			api.reset(seed);
			if (bulkCustomers?.count) {
				const state = api.state();
				for (const c of makeCustomers(bulkCustomers.count, bulkCustomers.accountId ?? 'acc-reseller')) state.customers[c.id] = c;
			}
			return { status: 200, body: { ok: true, customers: Object.keys(api.state().customers).length }, changed: true };
		}
		case 'GET /__sandbox/clock':
			return { status: 200, body: api.clock() };
		case 'PUT /__sandbox/clock':
			return { status: 200, body: checked(() => api.clock((body ?? {}) as ClockSpec)) };
		case 'POST /__sandbox/events':
			return { status: 200, body: checked(() => api.burst((body ?? {}) as BurstSpec)), changed: true };
		case 'GET /__sandbox/semantics':
			return { status: 200, body: api.semantics() };
		case 'PUT /__sandbox/semantics':
			return { status: 200, body: checked(() => api.semantics((body ?? {}) as SemanticsOverrides)) };
		case 'GET /__sandbox/state':
			return { status: 200, body: redactedState(api.state()) };
		default:
			throw new ApiError(404, 'NotFound', `No sandbox control endpoint ${route}`);
	}
}
