/**
 * Issue #20's burst, the same in both modes: 300 CRM events for 20 customers (15 each, shuffled so
 * one customer's events overlap), 20 at once, each its own execution of a workflow that updates
 * the customer by reference ID (merge: add a tag, set a billing value; one workflow per billing
 * slot, see workflows.ts), the API answering 50 ms late. Every event whose execution succeeded must show both its changes in the end: n8n said it
 * was done, so nothing it did may be lost. Also checked: every event is exactly one execution,
 * what no event touches is kept, no value lands in another event's slot; in queue mode, the
 * executions are spread over both workers and one customer's events run on both.
 */
import { say } from '../checks';
import { pool } from '../queue/checks';
import type { PostResult } from '../queue/checks';
import { activate, answeredId, postEvent, requestsPerEvent, settle, succeeded, workerSpread, type Target } from './accounting';
import { addBurstFixtures, applied, burstEvents, CUSTOMERS, EVENTS_PER_CUSTOMER, foreignValues, LATENCY_MS, SENDERS, SLOTS, untouchedDamage, type BurstEvent } from './traffic';
import { burstPath, burstWorkflow } from './workflows';

export async function concurrencyBurst(target: Target): Promise<void> {
	const { sb, checks } = target;
	const label = `burst (${target.mode})`;
	const events = burstEvents();
	const fixtures = addBurstFixtures(sb, events);
	const workflowIds: string[] = [];
	try {
		await pool(SLOTS, 4, async (slot) => workflowIds.push(await activate(target, burstWorkflow(slot, target.requestOptions))));
		const answers = new Map<BurstEvent, PostResult>();
		const before = sb.counters().byRoute;
		sb.setFaults([{ route: '*', latencyMs: LATENCY_MS }]);
		const started = Date.now();
		const spans = new Map<BurstEvent, [number, number]>();
		await pool(events, SENDERS, async (event) => {
			const sent = Date.now();
			answers.set(event, await postEvent(target, burstPath(event), event));
			spans.set(event, [sent, Date.now()]);
		});
		const seconds = (Date.now() - started) / 1000;
		sb.setFaults([]);
		const perEvent = requestsPerEvent(before, sb.counters().byRoute, events.length);
		const ok200 = events.filter((e) => answers.get(e)?.status === 200);
		say(`    ${events.length} events for ${CUSTOMERS} customers (${EVENTS_PER_CUSTOMER} each), ${SENDERS} at once, API latency ${LATENCY_MS} ms: ${seconds.toFixed(1)}s, ${ok200.length} answered 200`);
		say(`    requests per event: ${perEvent}`);
		target.measure(`${label}: wall time`, `${seconds.toFixed(1)}s`);
		target.measure(`${label}: events answered 200`, `${ok200.length}/${events.length}`);
		target.measure(`${label}: requests per event`, perEvent);
		// Without overlap there is no race, and 0 lost would prove nothing.
		const overlapping = [...fixtures.seeded.keys()].filter((id) => overlaps(events.filter((e) => e.customerId === id).map((e) => spans.get(e)!)));
		target.measure(`${label}: customers whose events overlapped in time`, `${overlapping.length}/${CUSTOMERS}`);
		checks.equal(`${label}: every customer had events in flight at the same time`, overlapping.length, CUSTOMERS);
		const other = events.filter((e) => answers.get(e)?.status !== 200);
		if (other.length) say(`    not 200: ${other.slice(0, 3).map((e) => `${answers.get(e)?.status} ${answers.get(e)?.error ?? answers.get(e)?.text.slice(0, 200)}`).join('; ')}`);

		const accounting = await settle(target, workflowIds, events.length);
		const { byEvent } = accounting;
		say(`    executions by status: ${JSON.stringify(accounting.statuses)}`);
		target.measure(`${label}: executions by status`, JSON.stringify(accounting.statuses));
		const notOne = events.filter((e) => (byEvent.get(e.eventId) ?? []).length !== 1);
		checks.ok(`${label}: every event is exactly one execution`, notOne.length === 0 && accounting.unnamed.length === 0, () =>
			`${notOne.length} events without exactly one execution; ${accounting.unnamed.length} executions naming no event`,
		);
		checks.ok(`${label}: n8n settled every execution`, accounting.unsettled.length === 0, () => accounting.unsettled.slice(0, 5).map((x) => `${x.id}:${x.status}`).join(', '));
		const failures = events.flatMap((e) => byEvent.get(e.eventId) ?? []).filter((x) => x.status !== 'success');
		if (failures.length) say(`    not successful: ${failures.slice(0, 3).map((x) => `${x.id} ${x.status} ${x.errors.join(' | ').slice(0, 200)}`).join('; ')}`);
		checks.ok(`${label}: an event answered 200 is a successful execution`, ok200.every((e) => succeeded(accounting, e.eventId)));
		const wrongAnswer = ok200.filter((e) => answeredId(answers.get(e)!) !== e.customerId);
		checks.ok(`${label}: every 200 answer is the event's customer`, wrongAnswer.length === 0, () => `${wrongAnswer.length}, e.g. ${answers.get(wrongAnswer[0])?.text.slice(0, 200)}`);

		// The point of issue #20: what n8n reports done must be in the final state.
		const done = events.filter((e) => succeeded(accounting, e.eventId));
		const lost = done.filter((e) => {
			const now = applied(e, sb.state.customers[e.customerId]);
			return !now.tag || !now.value;
		});
		const tagsLost = lost.filter((e) => !applied(e, sb.state.customers[e.customerId]).tag).length;
		const valuesLost = lost.filter((e) => !applied(e, sb.state.customers[e.customerId]).value).length;
		const hit = new Set(lost.map((e) => e.customerId)).size;
		say(`    lost: ${lost.length} of ${done.length} successful events (${tagsLost} tags, ${valuesLost} billing values) on ${hit} of ${CUSTOMERS} customers`);
		target.measure(`${label}: lost (succeeded, change missing)`, `${lost.length}/${done.length} (tags ${tagsLost}, values ${valuesLost})`);
		checks.equal(`${label}: no change of a successful event is lost (tag and billing value in the final state)`, lost.length, 0);

		const damaged = untouchedDamage(fixtures.seeded, events, sb);
		checks.ok(`${label}: fields and billing slots no event touches are kept`, damaged.length === 0, () => damaged.slice(0, 5).join('; '));
		const foreign = foreignValues(fixtures.seeded, events, sb);
		checks.ok(`${label}: an event's billing slot holds its seed value or that event's amount, never another's`, foreign.length === 0, () => foreign.slice(0, 5).join('; '));

		if (target.workers) {
			const spread = workerSpread(target, events.flatMap((e) => byEvent.get(e.eventId) ?? []));
			say(`    executions per worker: ${[...spread.perWorker].map(([name, n]) => `${name} ${n}`).join(', ')}`);
			target.measure(`${label}: executions per worker`, [...spread.perWorker.values()].join(' / '));
			checks.ok(`${label}: every execution ran on exactly one worker (worker logs)`, spread.unattributed === 0 && spread.twice === 0, () => `${spread.unattributed} in no worker's log, ${spread.twice} in two`);
			checks.ok(`${label}: both workers ran executions`, [...spread.perWorker.values()].every((n) => n > 0), () => [...spread.perWorker].join(' '));
			const split = [...fixtures.seeded.keys()].filter((id) => {
				const ran = events.filter((e) => e.customerId === id).flatMap((e) => (byEvent.get(e.eventId) ?? []).flatMap((x) => spread.ranOn.get(x.id) ?? []));
				return new Set(ran).size > 1;
			});
			say(`    ${split.length} of ${CUSTOMERS} customers had their events run on both workers`);
			checks.ok(`${label}: one customer's concurrent events ran on different workers`, split.length > 0);
		}
	} finally {
		sb.setFaults([]);
		await pool(workflowIds, 4, (id) => target.rest.deactivateWorkflow(id).catch(() => undefined));
		fixtures.remove();
	}
}

/** Whether any two of these [sent, answered] spans overlap. */
function overlaps(spans: Array<[number, number]>): boolean {
	const sorted = [...spans].sort((a, b) => a[0] - b[0]);
	let end = -Infinity;
	for (const [start, stop] of sorted) {
		if (start < end) return true;
		end = Math.max(end, stop);
	}
	return false;
}
