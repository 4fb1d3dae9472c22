/**
 * What the concurrency checks run against, in either mode, and how they account for events: each
 * event must end as executions n8n settled, read back over n8n's REST API as an operator sees them
 * (the Executions list, then each execution's run data for the event it ran and its error).
 */
import type { Sandbox } from '../../../sandbox';
import { sleep, type N8nRest } from '../../../scripts/n8n';
import type { Checks } from '../checks';
import { post, type PostResult } from '../queue/checks';
import { readExecutions, type ExecutionSummary } from '../queue/executions';
import { WEBHOOK_NODE } from './workflows';

export interface Target {
	/** regular: `n8n start`, one process runs every execution; queue: main + workers. */
	mode: 'regular' | 'queue';
	baseUrl: string;
	rest: N8nRest;
	sb: Sandbox;
	checks: Checks;
	/** A figure for the suite's summary. */
	measure(key: string, value: string | number): void;
	/** Request Options for the Evo Voice node of each workflow the burst builds, as set in the editor (the bench turns Confirm Changes off). */
	requestOptions?: Record<string, unknown>;
	/** Queue mode: the workers, and which of them ran each execution (from their logs). */
	workers?: { names: string[]; ranOn(): Map<string, string[]> };
}

const SETTLED = new Set(['success', 'error', 'crashed', 'canceled']);

/** POSTs one event; a just-activated webhook can answer 404 for a moment (a 404 starts no execution). */
export async function postEvent(target: Target, path: string, event: object): Promise<PostResult> {
	let answer = await post(target.baseUrl, path, event, 120_000);
	for (let attempt = 0; answer.status === 404 && attempt < 20; attempt++) {
		await sleep(500);
		answer = await post(target.baseUrl, path, event, 120_000);
	}
	return answer;
}

/** The customer ID a webhook answered with (the Evo Voice node's output), if it answered one. */
export function answeredId(answer: PostResult): string | undefined {
	try {
		const body = JSON.parse(answer.text) as { id?: unknown };
		return typeof body?.id === 'string' ? body.id : undefined;
	} catch {
		return undefined;
	}
}

/** Creates a workflow over REST and activates (2.x: publishes) it; returns its ID. */
export async function activate(target: Target, workflow: object): Promise<string> {
	const { id } = await target.rest.call<{ id: string }>('POST', '/rest/workflows', workflow);
	await target.rest.activateWorkflow(id);
	return id;
}

export interface Accounting {
	/** The executions of each event, by the eventId in the body the webhook received. */
	byEvent: Map<string, ExecutionSummary[]>;
	/** Executions whose data no longer names an event (a worker died before saving it). */
	unnamed: ExecutionSummary[];
	unsettled: ExecutionSummary[];
	statuses: Record<string, number>;
}

/**
 * Waits until the workflows have `expected` executions, all settled (or the time is up), then reads
 * each one. The list alone is cheap; the run data is read once, at the end.
 */
export async function settle(target: Target, workflowIds: string[], expected: number, timeoutMs = 120_000): Promise<Accounting> {
	const deadline = Date.now() + timeoutMs;
	for (;;) {
		const listed = await target.rest.allExecutions(workflowIds);
		const done = listed.length >= expected && listed.every((x) => SETTLED.has(x.status ?? ''));
		if (done || Date.now() > deadline) break;
		await sleep(2000);
	}
	const all = await readExecutions(target.rest, workflowIds, [WEBHOOK_NODE]);
	const byEvent = new Map<string, ExecutionSummary[]>();
	const unnamed: ExecutionSummary[] = [];
	const statuses: Record<string, number> = {};
	for (const execution of all) {
		statuses[execution.status] = (statuses[execution.status] ?? 0) + 1;
		const eventId = execution.body?.eventId;
		if (typeof eventId === 'string') byEvent.set(eventId, [...(byEvent.get(eventId) ?? []), execution]);
		else unnamed.push(execution);
	}
	return { byEvent, unnamed, unsettled: all.filter((x) => !SETTLED.has(x.status)), statuses };
}

export const succeeded = (accounting: Accounting, eventId: string): boolean =>
	(accounting.byEvent.get(eventId) ?? []).some((x) => x.status === 'success');

/** Requests the sandbox received between two counter snapshots, per event, by route. */
export function requestsPerEvent(before: Record<string, number>, after: Record<string, number>, events: number): string {
	const routes = Object.keys(after)
		.map((route) => [route, (after[route] - (before[route] ?? 0)) / events] as const)
		.filter(([, n]) => n > 0)
		.sort((a, b) => b[1] - a[1]);
	const total = routes.reduce((sum, [, n]) => sum + n, 0);
	return `${total.toFixed(2)} (${routes.map(([route, n]) => `${route} ${n.toFixed(2)}`).join(', ')})`;
}

/** Queue mode: how many executions each worker ran, and how many no worker or two workers claim. */
export function workerSpread(target: Target, executions: ExecutionSummary[]) {
	const ranOn = target.workers!.ranOn();
	const perWorker = new Map(target.workers!.names.map((name) => [name, 0]));
	let unattributed = 0;
	let twice = 0;
	for (const x of executions) {
		const names = ranOn.get(x.id) ?? [];
		if (names.length === 0) unattributed++;
		if (names.length > 1) twice++;
		for (const name of names) perWorker.set(name, (perWorker.get(name) ?? 0) + 1);
	}
	return { ranOn, perWorker, unattributed, twice };
}
