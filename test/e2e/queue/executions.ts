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

/** Lists, then opens each execution (a few at a time) to read the event it ran and its errors. */
export async function readExecutions(rest: N8nRest, workflowIds: string[], webhookNodes: string[]): Promise<ExecutionSummary[]> {
	const listed = await rest.allExecutions(workflowIds);
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
