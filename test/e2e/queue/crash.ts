/**
 * A worker SIGKILLed mid-burst. No shutdown runs: its in-flight executions stop wherever they are
 * (before the read, between read and write, after the write). n8n marks such executions as failed
 * or crashed once their queue job lapses; none may vanish. Replaying, per customer, every event from
 * its first unsuccessful one on (in the CRM's order) must give the state the last event describes.
 * That holds because the CRM example's updates are absolute (full name, values and tag list):
 * running one twice, or a stale one again before a newer one, changes nothing in the end.
 */
import { pool, say } from './checks';
import { postEvent } from './burst';
import { addWorker } from './cluster';
import { workerOf, type Phase } from './context';
import { replay, settle, succeeded } from './replay';
import { bulkId, CRM_WORKFLOW_ID, CRM_PATH, crmEvents, range, RANGES, stateAfter, stateOf, type CrmEvent } from './workflows';

const EVENTS_PER_CUSTOMER = 3;

export async function crash(phase: Phase): Promise<void> {
	const { sb, checks, cluster } = phase;
	const customers = range(RANGES.crash);
	const events = new Map(customers.map((i) => [i, crmEvents(i, EVENTS_PER_CUSTOMER)]));
	const all = [...events.values()].flat();
	const victim = cluster.workers[0];
	const before = await phase.rest.allExecutions([CRM_WORKFLOW_ID]);
	const firstId = Math.max(0, ...before.map((x) => Number(x.id)));
	const answers = new Map<CrmEvent, number>();
	let answered = 0;
	let killedAt = -1;
	const started = Date.now();
	await pool(customers, 20, async (i) => {
		for (const event of events.get(i)!) {
			const answer = await postEvent(phase, CRM_PATH, event);
			answers.set(event, answer.status);
			// Kill once a third of the events are done, while the queue is full and both workers busy.
			if (++answered === Math.floor(all.length / 3) && killedAt < 0) {
				killedAt = Date.now() - started;
				victim.kill();
				say(`    SIGKILL ${victim.name} after ${answered} answers (${(killedAt / 1000).toFixed(1)}s)`);
			}
		}
	});
	checks.ok(`crash: ${victim.name} was killed mid-burst`, killedAt >= 0 && victim.exited());
	const notOk = all.filter((e) => answers.get(e) !== 200);
	say(`    ${all.length - notOk.length} of ${all.length} webhook calls answered 200; ${notOk.length} answered otherwise (${[...new Set(notOk.map((e) => answers.get(e)))].join(', ')})`);

	// Wait until n8n has settled every execution of these events (the killed worker's lapse first).
	const accounting = await settle(phase, all.map((e) => e.eventId), 150_000);
	const { byEvent, statuses } = accounting;
	const unsettled = () => accounting.unsettled;
	say(`    executions by status: ${JSON.stringify(statuses)}`);
	phase.measured['crash: executions by status'] = JSON.stringify(statuses);
	const ranOn = workerOf(phase);
	const onVictim = all.flatMap((e) => byEvent.get(e.eventId) ?? []).filter((x) => (ranOn.get(x.id) ?? []).includes(victim.name));
	say(`    ${onVictim.length} of these executions had started on ${victim.name}`);
	// n8n fails a job whose worker died ("job stalled more than maxStalledCount") and answers its webhook
	// with 500; such an execution may no longer hold the webhook's data, so it cannot name its event.
	// Each event without a named execution must be matched by one such unnamed, unsuccessful execution.
	const unnamed = [...byEvent.entries()].filter(([key]) => key.startsWith('(no event')).flatMap(([, x]) => x).filter((x) => Number(x.id) > firstId);
	const without = all.filter((e) => (byEvent.get(e.eventId) ?? []).length === 0);
	say(`    ${without.length} events whose execution no longer names them; ${unnamed.length} such executions (${unnamed.map((x) => `${x.id}:${x.status}`).join(', ')})`);
	phase.measured['crash: executions that lost their event data'] = unnamed.length;
	checks.ok('crash: no event has two executions', all.every((e) => (byEvent.get(e.eventId) ?? []).length <= 1));
	checks.ok('crash: every event is one execution (named, or one of the unnamed failed ones)', without.length === unnamed.length && unnamed.every((x) => x.status !== 'success'), () =>
		`${without.length} events without a named execution, ${unnamed.length} unnamed executions`,
	);
	checks.ok('crash: events without a named execution did not answer 200', without.every((e) => answers.get(e) !== 200));
	checks.ok('crash: every execution settled as success, error or crashed', unsettled().length === 0, () =>
		unsettled().slice(0, 5).map((x) => `${x.id}:${x.status}`).join(', '),
	);
	const failedEvents = all.filter((e) => !succeeded(accounting, e.eventId));
	phase.measured['crash: events to replay'] = failedEvents.length;
	phase.measured['crash: of those, answered 200 anyway'] = failedEvents.filter((e) => answers.get(e) === 200).length;

	// Capacity back, as an operator would restart the worker; then replay.
	await addWorker(cluster, { host: phase.host, tarball: phase.tarball, concurrency: 5 });
	const replayed = await replay(phase, customers.map((i) => events.get(i)!), () => CRM_PATH, accounting);
	say(`    replayed ${replayed.sent} events (each customer's first unsuccessful one and those after it)`);
	checks.equal('crash: every replayed event answered 200', replayed.ok, replayed.sent);
	const wrong = customers.filter((i) => JSON.stringify(stateOf(sb.state.customers[bulkId(i)])) !== JSON.stringify(stateAfter(events.get(i)!.at(-1)!)));
	checks.ok(`crash: after the replay all ${customers.length} customers are in their last event's state`, wrong.length === 0, () =>
		`${wrong.length} wrong, e.g. ${bulkId(wrong[0])}`,
	);
}
