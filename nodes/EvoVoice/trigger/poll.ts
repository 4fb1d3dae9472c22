import type { IDataObject, INodeExecutionData } from 'n8n-workflow';

import { dayWindow } from '../model/dates';
import type { Client } from '../transport/client';
import type { Occurrence } from './events';
import type { TriggerConfig } from './parameters';
import { readEvents, type ReadPlan } from './read';
import { loadState, remember, saveState, type TriggerState } from './state';

/**
 * One poll of an active trigger: read what is new since the cursor, deliver it oldest first (at
 * most Max Events per Poll), and move the cursor and the memory of delivered events. Nothing is
 * written to the static data unless the whole read succeeded, so a failed poll repeats as if it
 * had never run.
 */

export interface Found extends Occurrence {
	record: IDataObject;
}

export interface Selection {
	delivered: Found[];
	/** Events found but left for later polls (more than Max Events per Poll). */
	waiting: Found[];
}

const byDate = (a: Found, b: Found) => a.at - b.at || (a.key < b.key ? -1 : a.key > b.key ? 1 : 0);

/**
 * The events among `records` that are dated from `from` on and were not delivered before, once
 * each (a record read twice, across a page boundary, counts once), oldest first, ties by key.
 */
export function select(records: IDataObject[], config: TriggerConfig, from: number, seen: Record<string, number>): Selection {
	const fresh = new Map<string, Found>();
	for (const record of records) {
		const occurrence = config.spec.occurrence(record, config.filters);
		if (!occurrence || occurrence.at < from || seen[occurrence.key] !== undefined || fresh.has(occurrence.key)) continue;
		fresh.set(occurrence.key, { ...occurrence, record });
	}
	const all = [...fresh.values()].sort(byDate);
	return { delivered: all.slice(0, config.maxEvents), waiting: all.slice(config.maxEvents) };
}

/**
 * The cursor after a poll. All delivered: the server's now less the late-records window (a record
 * dated before it has had time to appear). Events still waiting: no further than the last one
 * delivered, so that the next poll reads the rest, in order.
 */
export function nextCursor(from: number, serverNow: number, lateMs: number, selection: Selection): number {
	const settled = serverNow - lateMs;
	const last = selection.delivered[selection.delivered.length - 1];
	return Math.max(from, selection.waiting.length && last ? Math.min(last.at, settled) : settled);
}

export function toItems(found: Found[], config: TriggerConfig): INodeExecutionData[] {
	return found.map(({ record }) => ({ json: config.simplify ? config.spec.simplify(record) : record }));
}

export async function pollEvents(data: IDataObject, client: Client, config: TriggerConfig): Promise<INodeExecutionData[][] | null> {
	const saved = loadState(data, config.event);
	const now = Date.now() + (saved?.skew ?? 0);
	// First activation: from now on the server's clock (known once it answers), or Look Back before it.
	const readFrom = saved?.from ?? now - config.lookBackMs - config.lateMs;
	const plan: ReadPlan = {
		spec: config.spec,
		filters: config.filters,
		from: readFrom,
		now,
		reachBackMs: config.reachBackMs,
		unsorted: saved?.unsorted === true || !config.sortedLists,
	};
	let read = await readEvents(client, plan);
	const serverNow = client.serverTimeMs ?? Date.now();
	const from = saved?.from ?? serverNow - config.lookBackMs;
	// The server's clock was not where the last poll left it (first activation, a clock that jumped):
	// read again with the window its answer shows, rather than miss the days between.
	if (from < readFrom || (config.spec.days && dayWindow(from, serverNow).endDate > dayWindow(readFrom, now).endDate)) {
		read = await readEvents(client, { ...plan, from, now: serverNow, unsorted: read.unsorted });
	}
	const selection = select(read.records, config, from, saved?.seen ?? {});
	const cursor = nextCursor(from, serverNow, config.lateMs, selection);
	const memory = remember(saved?.seen ?? {}, selection.delivered, cursor, selection.waiting[0]?.at);
	const state: TriggerState = {
		v: 1,
		event: config.event,
		from: memory.from,
		skew: serverNow - Date.now(),
		// Only what was seen: with Rely on Sorted Lists off every read is whole anyway.
		...(saved?.unsorted || (read.unsorted && config.sortedLists) ? { unsorted: true as const } : {}),
		seen: memory.seen,
	};
	saveState(data, state);
	return selection.delivered.length ? [toItems(selection.delivered, config)] : null;
}
