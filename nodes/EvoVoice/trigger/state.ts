import type { IDataObject } from 'n8n-workflow';

import { isObject } from '../model/objects';
import type { EventName } from './events';

/**
 * What the trigger keeps between polls, in the node's static data (n8n stores it with the
 * workflow, and saves it when a poll hands over events). Small on purpose: a cursor, the clock
 * skew, and a bounded memory of the events delivered since the cursor.
 */
export interface TriggerState {
	/** The format of this object; anything else found there is ignored. */
	v: 1;
	/** The event the cursor belongs to: another event starts again from now. */
	event: EventName;
	/**
	 * The cursor, epoch ms on the server's clock: every event dated before it was delivered (or came
	 * before the trigger's start); the next poll reads events dated from it on.
	 */
	from: number;
	/** The server's clock minus n8n's at the last poll, ms: where "today" is for the day filter. */
	skew: number;
	/** Set once a list came back out of the order asked for: from then on every window is read whole. */
	unsorted?: true;
	/** The events delivered that are dated from `from` on: key → event date (ms). */
	seen: Record<string, number>;
}

/** Where the state lives in the node's static data. */
export const STATE_KEY = 'evoVoiceTrigger';

/**
 * The most delivered events remembered. Each costs about 40 bytes of static data with Evo Voice's
 * 24-character IDs, so the state stays under 250 KB; a poll delivers at most 1,000, so the memory
 * always holds several polls' worth.
 */
export const MAX_SEEN = 5_000;

const finite = (value: unknown): value is number => typeof value === 'number' && Number.isFinite(value);

/** The saved state for this event, or undefined when there is none (first activation) or it is unreadable. */
export function loadState(data: IDataObject, event: EventName): TriggerState | undefined {
	const raw = data[STATE_KEY];
	if (!isObject(raw) || raw.v !== 1 || raw.event !== event || !finite(raw.from) || !finite(raw.skew) || !isObject(raw.seen)) {
		return undefined;
	}
	const seen: Record<string, number> = {};
	for (const [key, at] of Object.entries(raw.seen)) if (finite(at)) seen[key] = at;
	return { v: 1, event, from: raw.from, skew: raw.skew, ...(raw.unsorted === true ? { unsorted: true } : {}), seen };
}

/** Replaces the saved state (one assignment: n8n notices the change and saves it). */
export function saveState(data: IDataObject, state: TriggerState): void {
	data[STATE_KEY] = state as unknown as IDataObject;
}

/**
 * The memory after a poll: what was remembered and is still dated from `from` on, plus what was
 * just delivered. Past MAX_SEEN the oldest are forgotten and the cursor moves past them (never
 * past `limit`, the first event still to deliver), so that a forgotten event can never come back.
 */
export function remember(
	seen: Record<string, number>,
	delivered: Array<{ key: string; at: number }>,
	from: number,
	limit = Infinity,
): { seen: Record<string, number>; from: number } {
	const entries = Object.entries(seen).filter(([, at]) => at >= from);
	for (const { key, at } of delivered) if (at >= from) entries.push([key, at]);
	if (entries.length <= MAX_SEEN) return { seen: Object.fromEntries(entries), from };
	entries.sort((a, b) => a[1] - b[1]);
	const cut = Math.min(entries[entries.length - MAX_SEEN - 1][1] + 1, limit);
	const next = Math.max(from, cut);
	return { seen: Object.fromEntries(entries.filter(([, at]) => at >= next)), from: next };
}
