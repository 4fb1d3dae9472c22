/** The concurrency checks (../concurrency) on the queue cluster: main takes the webhooks, two workers run them. */
import { concurrencyBurst } from '../concurrency/burst';
import type { Target } from '../concurrency/accounting';
import { upsertDuplicates } from '../concurrency/upsert';
import { workerOf, type Phase } from './context';

function queueTarget(phase: Phase): Target {
	return {
		mode: 'queue',
		baseUrl: phase.cluster.main.baseUrl,
		rest: phase.rest,
		sb: phase.sb,
		checks: phase.checks,
		measure: (key, value) => (phase.measured[key] = value),
		workers: { names: phase.cluster.workers.map((w) => w.name), ranOn: () => workerOf(phase) },
	};
}

export const queueConcurrencyBurst = (phase: Phase) => concurrencyBurst(queueTarget(phase));
export const queueUpsertDuplicates = (phase: Phase) => upsertDuplicates(queueTarget(phase));
