/**
 * A CRM burst: three absolute events per customer (name, plan, seats, VIP flag, the full tag
 * list) for 60 customers. Each customer's events are sent in the CRM's order, one after the
 * other, while 20 customers' streams run at once. Every event must end as exactly one execution
 * n8n settled, both workers must have run some, the sandbox's request log must show exactly one
 * write per successful event carrying its values and no other write, and — once the unsuccessful
 * ones are replayed — every customer must be in its last event's state.
 */
import { pool, post, say } from './checks';
import { workerOf, type Phase } from './context';
import { replay, settle, succeeded } from './replay';
import { bulkId, CRM_PATH, crmEvents, range, RANGES, stateAfter, stateOf, type CrmEvent } from './workflows';

export const EVENTS_PER_CUSTOMER = 3;

export async function burst(phase: Phase): Promise<void> {
	const { sb, checks, cluster } = phase;
	const customers = range(RANGES.burst);
	const events = new Map(customers.map((i) => [i, crmEvents(i, EVENTS_PER_CUSTOMER)]));
	const all = [...events.values()].flat();
	const logStart = sb.log.length;
	const started = Date.now();
	const answers = new Map<CrmEvent, { status: number; text: string; error?: string }>();
	// 20 customers' streams at once: twice the workers' 2 × 5 slots, so the queue fills.
	await pool(customers, 20, async (i) => {
		for (const event of events.get(i)!) answers.set(event, await postEvent(phase, CRM_PATH, event));
	});
	const seconds = (Date.now() - started) / 1000;
	say(`    ${all.length} events for ${customers.length} customers answered in ${seconds.toFixed(1)}s (${(all.length / seconds).toFixed(1)} events/s)`);
	phase.measured['burst events/s'] = Number((all.length / seconds).toFixed(1));

	// Not an assertion by itself: an event n8n did not run answers late or not at all, and must then
	// show up below as an execution n8n settled as error or crashed, and be replayed.
	const bad = all.filter((e) => answers.get(e)?.status !== 200);
	phase.measured['burst: webhook calls not answered 200'] = bad.length;
	if (bad.length) say(`    ${bad.length} webhook calls not answered 200: ${bad.slice(0, 3).map((e) => `${e.crmId} → ${answers.get(e)?.status} ${answers.get(e)?.error ?? answers.get(e)?.text.slice(0, 200)}`).join('; ')}`);

	const accounting = await settle(phase, all.map((e) => e.eventId), 120_000);
	const { byEvent } = accounting;
	say(`    executions by status: ${JSON.stringify(accounting.statuses)}`);
	phase.measured['burst: executions by status'] = JSON.stringify(accounting.statuses);
	const notOne = all.filter((e) => (byEvent.get(e.eventId) ?? []).length !== 1);
	checks.ok('burst: every event is exactly one execution', notOne.length === 0, () =>
		`${notOne.length} events with ${notOne.slice(0, 3).map((e) => (byEvent.get(e.eventId) ?? []).map((x) => `${x.id}:${x.status}`).join('+') || 'none').join(', ')} executions`,
	);
	checks.ok('burst: n8n settled every execution (success, error or crashed)', accounting.unsettled.length === 0, () =>
		accounting.unsettled.slice(0, 5).map((x) => `${x.id}:${x.status}`).join(', '),
	);
	const failed = all.flatMap((e) => byEvent.get(e.eventId) ?? []).filter((x) => x.status !== 'success');
	if (failed.length) say(`    not successful: ${failed.slice(0, 5).map((x) => `${x.id} ${x.status} ${x.errors.join(' | ').slice(0, 160)}`).join('; ')}`);
	checks.ok('burst: an execution that did not succeed never answered 200', all.every((e) => succeeded(accounting, e.eventId) || answers.get(e)?.status !== 200));

	const ranOn = workerOf(phase);
	const executionIds = all.flatMap((e) => byEvent.get(e.eventId) ?? []).map((x) => x.id);
	const perWorker = new Map(cluster.workers.map((w) => [w.name, 0]));
	let unattributed = 0;
	let twice = 0;
	for (const id of executionIds) {
		const names = ranOn.get(id) ?? [];
		if (names.length === 0) unattributed++;
		if (names.length > 1) twice++;
		for (const name of names) perWorker.set(name, (perWorker.get(name) ?? 0) + 1);
	}
	say(`    executions per worker: ${[...perWorker].map(([name, n]) => `${name} ${n}`).join(', ')}`);
	phase.measured['burst executions per worker'] = [...perWorker.values()].join(' / ');
	checks.ok('burst: every execution ran on exactly one worker (worker logs)', unattributed === 0 && twice === 0, () => `${unattributed} in no worker's log, ${twice} in two`);
	checks.ok('burst: both workers ran executions', [...perWorker.values()].every((n) => n > 0), () => [...perWorker].join(' '));

	// A write per successful event; the others are replayed (each customer from its first failed event).
	const entries = sb.log.slice(logStart);
	const replayed = await replay(phase, customers.map((i) => events.get(i)!), () => CRM_PATH, accounting);
	phase.measured['burst: events replayed'] = replayed.sent;
	checks.equal('burst: every replayed event answered 200', replayed.ok, replayed.sent);
	const wrong = customers.filter((i) => JSON.stringify(stateOf(sb.state.customers[bulkId(i)])) !== JSON.stringify(stateAfter(events.get(i)!.at(-1)!)));
	checks.ok(`burst: all ${customers.length} customers end in their last event's state`, wrong.length === 0, () =>
		`${wrong.length} wrong, e.g. ${bulkId(wrong[0])}: ${JSON.stringify(stateOf(sb.state.customers[bulkId(wrong[0])]))} ≠ ${JSON.stringify(stateAfter(events.get(wrong[0])!.at(-1)!))}`,
	);

	// The request log (before the replay): one PATCH per successful event, carrying its values, no other write.
	const ran = all.filter((e) => succeeded(accounting, e.eventId));
	const writes = entries.filter((entry) => entry.method !== 'GET');
	const patches = writes.filter((entry) => entry.route === 'PATCH /customers/:id' && entry.status === 200);
	checks.equal('burst: writes in the request log = successful events', [writes.length, patches.length], [ran.length, ran.length]);
	const byName = new Map(all.map((e) => [e.name, e]));
	const seen = new Map<string, number>();
	let mismatched = 0;
	for (const entry of patches) {
		const body = entry.body as { name?: string; tagIds?: string[]; data?: Record<string, { stringValue?: string; numberValue?: number }> };
		const event = byName.get(body.name ?? '');
		if (!event || entry.path !== `/customers/${bulkId(Number(event.crmId.slice(-5)))}`) {
			mismatched++;
			continue;
		}
		seen.set(event.name, (seen.get(event.name) ?? 0) + 1);
		if (body.data?.Plan?.stringValue !== event.plan || body.data?.Seats?.numberValue !== event.seats || JSON.stringify([...(body.tagIds ?? [])].sort()) !== JSON.stringify([...event.tags].sort())) mismatched++;
	}
	checks.ok('burst: every write in the log is one event\'s values, to its customer', mismatched === 0, () => `${mismatched} writes match no event`);
	checks.ok('burst: every successful event has exactly one write in the log', ran.every((e) => seen.get(e.name) === 1), () => `${ran.filter((e) => seen.get(e.name) !== 1).length} events without exactly one`);
}

/** POSTs one event; a just-activated webhook can answer 404 for a moment (a 404 starts no execution). */
export async function postEvent(phase: Phase, webhookPath: string, event: object) {
	let answer = await post(phase.cluster.main.baseUrl, webhookPath, event);
	for (let attempt = 0; answer.status === 404 && attempt < 20; attempt++) {
		await new Promise((r) => setTimeout(r, 500));
		answer = await post(phase.cluster.main.baseUrl, webhookPath, event);
	}
	return answer;
}
