/** What every phase of the queue suite works with. */
import type { Sandbox } from '../../../sandbox';
import type { N8nHost } from '../../../scripts/n8n/hosts';
import type { N8nRest } from '../../../scripts/n8n';
import type { Checks } from './checks';
import type { QueueCluster } from './cluster';
import { executionsInLog, readExecutions, type ExecutionSummary } from './executions';
import { CRM_WORKFLOW_ID, DELTA_WORKFLOW_IDS } from './workflows';

export interface Phase {
	host: N8nHost;
	tarball: string;
	sb: Sandbox;
	cluster: QueueCluster;
	rest: N8nRest;
	checks: Checks;
	/** Numbers the summary prints (lost-update rate, crash counts, …). */
	measured: Record<string, string | number>;
}

export const ALL_WORKFLOW_IDS = [CRM_WORKFLOW_ID, ...Object.values(DELTA_WORKFLOW_IDS)];

/** Every execution so far, keyed by the eventId of the event it ran (several when an event ran twice). */
export async function executionsByEvent(phase: Phase): Promise<Map<string, ExecutionSummary[]>> {
	const all = await readExecutions(phase.rest, ALL_WORKFLOW_IDS, ['CRM Contact Created or Updated', 'Event']);
	const byEvent = new Map<string, ExecutionSummary[]>();
	for (const execution of all) {
		const eventId = typeof execution.body?.eventId === 'string' ? execution.body.eventId : `(no event: execution ${execution.id})`;
		byEvent.set(eventId, [...(byEvent.get(eventId) ?? []), execution]);
	}
	return byEvent;
}

/** Which worker ran each execution, from the workers' logs. */
export function workerOf(phase: Phase): Map<string, string[]> {
	const ran = new Map<string, string[]>();
	for (const worker of phase.cluster.workers) {
		for (const id of executionsInLog(worker.output())) ran.set(id, [...(ran.get(id) ?? []), worker.name]);
	}
	return ran;
}
