/**
 * What must hold for events of one customer whatever the node does about concurrent deltas (the
 * concurrency burst, ../concurrency/burst.ts, requires that no delta be lost):
 *
 * - Control group: a customer's four deltas (add a tag, remove a tag, set two data values) sent one
 *   after another, while the rest of this phase runs. Nothing may be lost: within one customer's
 *   sequence each write rests on the last one, whichever worker runs it.
 * - Absolute group (same time): four CRM-example events per customer (full name, values and tag
 *   list) at the same instant. Which one wins is a matter of arrival, but the customer must end in
 *   exactly one event's whole state — the one whose write landed last — never a mix.
 */
import { pool } from './checks';
import type { Phase } from './context';
import { settle, succeeded } from './replay';
import { postEvent } from './burst';
import { bulkId, CRM_PATH, crmEvents, DELTA_PATHS, deltaEvents, deltasApplied, range, RANGES, stateAfter, stateOf, type DeltaEvent } from './workflows';

export async function race(phase: Phase): Promise<void> {
	const { sb, checks } = phase;
	const control = range(RANGES.control);
	const events = new Map(control.map((i) => [i, deltaEvents(i)]));
	const before = new Map(control.map((i) => [i, structuredClone(sb.state.customers[bulkId(i)])]));
	const answers = new Map<DeltaEvent, number>();
	const absolute = range(RANGES.absolute);
	const absoluteEvents = new Map(absolute.map((i) => [i, crmEvents(i, 4)]));
	const absoluteAnswers: number[] = [];
	const logStart = sb.log.length;
	await Promise.all([
		pool(absolute, 5, async (i) => {
			await Promise.all(absoluteEvents.get(i)!.map(async (e) => absoluteAnswers.push((await postEvent(phase, CRM_PATH, e)).status)));
		}),
		pool(control, 10, async (i) => {
			for (const event of events.get(i)!) answers.set(event, (await postEvent(phase, DELTA_PATHS[event.kind], event)).status);
		}),
	]);
	const deltas = [...events.values()].flat();
	const everyEvent = [...deltas, ...[...absoluteEvents.values()].flat()];
	const accounting = await settle(phase, everyEvent.map((e) => e.eventId), 120_000);
	const { byEvent } = accounting;
	phase.measured['race: executions by status'] = JSON.stringify(accounting.statuses);
	checks.ok('race: every event is exactly one execution, settled by n8n', everyEvent.every((e) => (byEvent.get(e.eventId) ?? []).length === 1) && accounting.unsettled.length === 0, () =>
		`${everyEvent.filter((e) => (byEvent.get(e.eventId) ?? []).length !== 1).length} without exactly one; ${accounting.unsettled.length} unsettled`,
	);
	const ok = (e: { eventId: string }) => succeeded(accounting, e.eventId);
	checks.ok('race: a delta that answered 200 succeeded', deltas.every((e) => answers.get(e) !== 200 || ok(e)));

	// A delta whose execution failed was never applied: not a lost update (the operator replays it).
	const lost = control.reduce((n, i) => n + [...deltasApplied(events.get(i)!.filter(ok), sb.state.customers[bulkId(i)]).values()].filter((done) => !done).length, 0);
	phase.measured['race: lost sequential deltas'] = `${lost}/${deltas.filter(ok).length}`;
	checks.equal('race: sequential deltas to one customer lose nothing', lost, 0);
	const damaged = control.filter((i) => {
		const was = before.get(i)!;
		const now = sb.state.customers[bulkId(i)];
		return now.name !== was.name || now.referenceId !== was.referenceId || JSON.stringify(now.data?.Vip) !== JSON.stringify(was.data?.Vip) || !(now.tags ?? []).some((t) => t.id === 'tag-new');
	});
	checks.ok('race: fields no delta touched are kept on every customer', damaged.length === 0, () => damaged.map(bulkId).join(', '));

	// Absolute events never mix: the customer is the whole state of the event whose write came last.
	checks.equal('race: every absolute event was answered', absoluteAnswers.length, absolute.length * 4);
	const lastWrite = new Map<string, string>();
	for (const entry of sb.log.slice(logStart)) {
		if (entry.route === 'PATCH /customers/:id' && entry.status === 200) lastWrite.set(entry.path, String((entry.body as { name?: string }).name));
	}
	const mixed = absolute.filter((i) => absoluteEvents.get(i)!.some(ok)).filter((i) => {
		const winner = absoluteEvents.get(i)!.find((e) => e.name === lastWrite.get(`/customers/${bulkId(i)}`));
		return !winner || JSON.stringify(stateOf(sb.state.customers[bulkId(i)])) !== JSON.stringify(stateAfter(winner));
	});
	checks.ok('race: concurrent absolute events leave each customer in one event\'s whole state (the last written)', mixed.length === 0, () => mixed.map(bulkId).join(', '));
}
