/**
 * Accounting for events and replaying the ones that did not succeed, as an operator would from
 * n8n's Executions list: every event must show up as exactly one execution that n8n settled
 * (success, error or crashed); a customer's events are replayed in the CRM's order from its first
 * unsuccessful one on, so an older event never lands after a newer one.
 */
import { sleep } from '../../../scripts/n8n';
import { pool } from './checks';
import { executionsByEvent, type Phase } from './context';
import { postEvent } from './burst';
import type { ExecutionSummary } from './executions';

const SETTLED = new Set(['success', 'error', 'crashed', 'canceled']);

export interface Accounting {
	byEvent: Map<string, ExecutionSummary[]>;
	/** Executions of these events n8n has not settled (still new, running, waiting). */
	unsettled: ExecutionSummary[];
	statuses: Record<string, number>;
}

/** Reads the executions of these events until n8n has settled all of them, or the time is up. */
export async function settle(phase: Phase, eventIds: string[], timeoutMs: number): Promise<Accounting> {
	const deadline = Date.now() + timeoutMs;
	for (;;) {
		const byEvent = await executionsByEvent(phase);
		const executions = eventIds.flatMap((id) => byEvent.get(id) ?? []);
		const unsettled = executions.filter((x) => !SETTLED.has(x.status));
		if (unsettled.length === 0 || Date.now() > deadline) {
			const statuses: Record<string, number> = {};
			for (const x of executions) statuses[x.status] = (statuses[x.status] ?? 0) + 1;
			return { byEvent, unsettled, statuses };
		}
		await sleep(3000);
	}
}

export function succeeded(accounting: Accounting, eventId: string): boolean {
	return (accounting.byEvent.get(eventId) ?? []).some((x) => x.status === 'success');
}

/** Replays each stream from its first unsuccessful event on; returns how many were sent and how many answered 200. */
export async function replay<E extends { eventId: string }>(
	phase: Phase,
	streams: E[][],
	webhookPath: (event: E) => string,
	accounting: Accounting,
): Promise<{ sent: number; ok: number }> {
	let sent = 0;
	let ok = 0;
	await pool(streams, 10, async (stream) => {
		const first = stream.findIndex((e) => !succeeded(accounting, e.eventId));
		if (first < 0) return;
		for (const event of stream.slice(first)) {
			sent++;
			if ((await postEvent(phase, webhookPath(event), event)).status === 200) ok++;
		}
	});
	return { sent, ok };
}
