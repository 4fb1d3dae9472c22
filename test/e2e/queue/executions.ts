/**
 * Reading executions back the way an operator sees them: n8n's REST API (the editor's Executions
 * list, and each execution's run data), and the workers' own logs to tell which worker ran which.
 */
import { N8nRest, runErrors } from '../../../scripts/n8n';

export interface ExecutionSummary {
	id: string;
	workflowId: string;
	status: string;
	mode?: string;
	/** The body the webhook received (its eventId ties the execution to the event sent). */
	body?: Record<string, unknown>;
	errors: string[];
}

interface ListedExecution {
	id: string;
	workflowId?: string;
	status?: string;
	mode?: string;
}

const STATUSES = ['canceled', 'crashed', 'error', 'new', 'running', 'success', 'unknown', 'waiting'];

/**
 * Every execution of the given workflows, newest first, 100 a page (n8n's cap). n8n 2.41 pages by
 * the `nextCursor` it answers (and refuses `lastId`); older releases page by `lastId`, and only when
 * the filter names statuses (else they answer the latest page again).
 */
export async function listAllExecutions(rest: N8nRest, workflowIds: string[]): Promise<ListedExecution[]> {
	const all = new Map<string, ListedExecution>();
	for (const workflowId of workflowIds) {
		const filter = encodeURIComponent(JSON.stringify({ workflowId, status: STATUSES }));
		let next = '';
		for (;;) {
			const page = await rest.call<{ results?: ListedExecution[]; nextCursor?: string | null }>('GET', `/rest/executions?filter=${filter}&limit=100${next}`);
			const results = (page?.results ?? []).filter((r) => !all.has(r.id));
			for (const r of results) all.set(r.id, { ...r, workflowId });
			if (results.length === 0) break;
			if (page && 'nextCursor' in page) {
				if (!page.nextCursor) break;
				next = `&cursor=${encodeURIComponent(page.nextCursor)}`;
			} else {
				next = `&lastId=${results.reduce((min, r) => (Number(r.id) < Number(min) ? r.id : min), results[0].id)}`;
			}
		}
	}
	return [...all.values()];
}

/** Lists, then opens each execution (a few at a time) to read the event it ran and its errors. */
export async function readExecutions(rest: N8nRest, workflowIds: string[], webhookNodes: string[]): Promise<ExecutionSummary[]> {
	const listed = await listAllExecutions(rest, workflowIds);
	const out: ExecutionSummary[] = [];
	let next = 0;
	const worker = async () => {
		while (next < listed.length) {
			const entry = listed[next++];
			const execution = await rest.getExecution(entry.id);
			const runData = execution.run.data?.resultData?.runData ?? {};
			let body: Record<string, unknown> | undefined;
			for (const node of webhookNodes) {
				const first = runData[node]?.[0]?.data?.main?.[0]?.[0]?.json;
				if (first && typeof first.body === 'object') body = first.body as Record<string, unknown>;
			}
			// An execution that never ran on a worker holds the webhook's output only on its stack.
			const stack = (execution.run.data as { executionData?: { nodeExecutionStack?: Array<{ data?: { main?: Array<Array<{ json?: Record<string, unknown> }> | null> } }> } })
				.executionData?.nodeExecutionStack ?? [];
			for (const entry of stack) {
				const json = entry.data?.main?.[0]?.[0]?.json;
				if (!body && json && typeof json.body === 'object') body = json.body as Record<string, unknown>;
			}
			out.push({
				id: entry.id,
				workflowId: entry.workflowId ?? '',
				status: execution.status ?? entry.status ?? 'unknown',
				mode: entry.mode,
				body,
				errors: runErrors(execution.run),
			});
		}
	};
	await Promise.all(Array.from({ length: 8 }, worker));
	return out;
}

/**
 * The execution IDs a worker's log says it ran. n8n's job processor logs
 * "Worker started execution <id> (job <job>)" for every job it takes.
 */
export function executionsInLog(log: string): Set<string> {
	const ids = new Set<string>();
	for (const match of log.matchAll(/Worker started execution (\d+)/g)) ids.add(match[1]);
	return ids;
}
