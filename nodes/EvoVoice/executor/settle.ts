import { sleep } from 'n8n-workflow';

import type { Run } from './types';

/**
 * A merge base older than this is read again just before the write that rests on it. It bounds how
 * long a write can rest on a stale read, which is what confirming a change relies on (confirm.ts).
 */
export const FRESH_BASE_MS = 250;

/**
 * How long to wait before reading back. Another execution that read the record before this one
 * wrote, and writes after it, lays its write over a read at most FRESH_BASE_MS old and takes about
 * as long as the slowest answer here to land: waiting longer than that sees its write. A little
 * jitter keeps two executions that undo each other from doing it again in step.
 */
export function settleMs(run: Run): number {
	const wait = Math.max(run.settings.confirm.afterMs, FRESH_BASE_MS + 3 * run.client.slowestMs);
	return Math.round(wait * (1 + Math.random() * 0.25));
}

/** Waits until a settle time has passed since the latest of these moments (epoch ms): writes answered, customers created. */
export async function settleAfter(run: Run, moments: number[]): Promise<void> {
	await sleep(Math.max(0, Math.max(...moments) + settleMs(run) - Date.now()));
}
