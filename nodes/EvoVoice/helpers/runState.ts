import type { IExecuteData, IExecuteSingleFunctions } from 'n8n-workflow';

import type { CustomerField } from './mappers/fieldTypes';
import type { ReferenceCache } from './referenceIds/cache';
import type { ReferenceAnswer, ReferenceRequest } from './referenceIds/resolve';
import type { MergePlan } from './mappers/merge';
import { sleep } from 'n8n-workflow';

/**
 * What the items of one run of the node share. n8n's routing engine starts every item's request
 * at once and gives the node no place that sees them all; this state, keyed by the run's
 * `executeData` (one object per node run), is that place. It provides:
 * - a validation gate: no item is sent until every item of its batch has passed its checks;
 * - a limit on requests in flight, which n8n's batching alone cannot give;
 * - a ledger of what happened to each item, for the error that stops a run.
 */
export type ItemOutcome = 'pending' | 'applied' | 'failed' | 'notSent';

export interface RunState {
	items: number;
	outcomes: ItemOutcome[];
	invalid?: { itemIndex: number; message: string };
	stopped?: { itemIndex: number };
	gate: { passed: number; open?: Promise<void> };
	inFlight: number;
	queue: Array<() => void>;
	settled: number;
	onSettled: Array<() => void>;
	/** Items whose customer is given by reference ID: item index → what to look up. */
	lookups: Map<number, ReferenceRequest>;
	/** Items whose update must read the entity first: item index → what to merge. */
	plans: Map<number, MergePlan>;
	/** Item-independent settings, read once per run: each read of a parameter costs n8n time. */
	settings?: Record<string, unknown>;
	/** Account ID → its customer data field definitions, read once per run. */
	fieldDefinitions?: Map<string, Promise<CustomerField[]>>;
	/** Request key → its answer, resolved once per run for all items that ask. */
	references: Map<string, Promise<ReferenceAnswer>>;
	/** The cross-execution cache (null: none in this run). */
	referenceCache?: ReferenceCache | null;
}

const runs = new WeakMap<object, RunState>();

function itemCount(executeData: IExecuteData | undefined): number {
	const data = executeData?.data;
	const items = data?.main?.[0] ?? data?.ai_tool?.[0];
	return Array.isArray(items) ? items.length : 1;
}

/** A setting that is the same for every item (no expressions), read at its first use in the run. */
export function runSetting<T>(context: IExecuteSingleFunctions, name: string, fallback: T): T {
	const state = getRunState(context);
	state.settings ??= {};
	if (!(name in state.settings)) state.settings[name] = context.getNodeParameter(name, fallback);
	return state.settings[name] as T;
}

export function getRunState(context: IExecuteSingleFunctions): RunState {
	const executeData = context.getExecuteData() as IExecuteData | undefined;
	// Without executeData (not seen in n8n 1.x or 2.x) each item is its own run: safe, if unbatched.
	const key: object = executeData ?? context;
	let state = runs.get(key);
	if (!state) {
		const items = itemCount(executeData);
		state = {
			items,
			outcomes: new Array<ItemOutcome>(items).fill('pending'),
			gate: { passed: 0 },
			inFlight: 0,
			queue: [],
			settled: 0,
			onSettled: [],
			lookups: new Map(),
			references: new Map(),
			plans: new Map(),
		};
		runs.set(key, state);
	}
	return state;
}

/**
 * Resolves once every item the engine has handed out so far has been checked. The engine prepares
 * all items of a batch synchronously, so the next timer tick sees the whole batch.
 */
export function awaitGate(state: RunState): Promise<void> {
	state.gate.open ??= sleep(0).then(() => {
		state.gate.open = undefined;
	});
	return state.gate.open;
}

export async function acquireSlot(state: RunState, limit: number): Promise<void> {
	if (state.inFlight < limit) {
		state.inFlight++;
		return;
	}
	await new Promise<void>((resolve) => state.queue.push(resolve));
	state.inFlight++;
}

export function releaseSlot(state: RunState): void {
	state.inFlight--;
	state.queue.shift()?.();
}

export function settle(state: RunState, itemIndex: number, outcome: ItemOutcome): void {
	if (state.outcomes[itemIndex] !== 'pending') return;
	state.outcomes[itemIndex] = outcome;
	state.settled++;
	if (state.settled >= state.items) for (const callback of state.onSettled.splice(0)) callback();
}

/** "items 1–3, 7" from 0-based indexes, for people who count from 1. */
export function describeItems(indexes: number[]): string {
	const ranges: string[] = [];
	for (let i = 0; i < indexes.length; i++) {
		let j = i;
		while (j + 1 < indexes.length && indexes[j + 1] === indexes[j] + 1) j++;
		ranges.push(i === j ? `${indexes[i] + 1}` : `${indexes[i] + 1}–${indexes[j] + 1}`);
		i = j;
	}
	return `${indexes.length === 1 ? 'item' : 'items'} ${ranges.join(', ')}`;
}

export function summarize(state: RunState): string {
	const by = (outcome: ItemOutcome) =>
		state.outcomes.flatMap((o, i) => (o === outcome ? [i] : []));
	const parts: string[] = [];
	const applied = by('applied');
	const failed = by('failed');
	const notSent = [...by('notSent'), ...by('pending')].sort((a, b) => a - b);
	parts.push(applied.length ? `Applied (${applied.length}): ${describeItems(applied)}.` : 'Applied: none.');
	if (failed.length) parts.push(`Failed (${failed.length}): ${describeItems(failed)}.`);
	if (notSent.length) parts.push(`Not sent (${notSent.length}): ${describeItems(notSent)}.`);
	return parts.join(' ');
}
