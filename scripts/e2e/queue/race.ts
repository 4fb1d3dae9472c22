/**
 * Concurrent delta events for one customer, landing on different workers. Each delta (add a tag,
 * remove a tag, set one data value) is a read-merge-write inside the node: it reads the customer,
 * lays its change over what it read, and writes the whole tag list or data object back. The API has
 * no ETag or conditional write, so two executions that read before either writes lose one change:
 * the suite measures how often, and checks what must hold anyway.
 *
 * - Race group: a customer's four deltas are sent at the same instant.
 * - Control group (same time, same load): a customer's four deltas are sent one after another.
 *   Nothing may be lost there: within one customer's sequence each write rests on the last one.
 */
import { pool, say } from './checks';
import { executionsByEvent, workerOf, type Phase } from './context';
import { postEvent } from './burst';
import { bulkId, DELTA_PATHS, deltaEvents, deltasApplied, range, RANGES, type DeltaEvent } from './workflows';

export async function race(phase: Phase): Promise<void> {
	const { sb, checks } = phase;
	const raced = range(RANGES.race);
	const control = range(RANGES.control);
	const events = new Map([...raced, ...control].map((i) => [i, deltaEvents(i)]));
	const before = new Map([...events.keys()].map((i) => [i, structuredClone(sb.state.customers[bulkId(i)])]));
	const answers = new Map<DeltaEvent, number>();
	const send = async (event: DeltaEvent) => answers.set(event, (await postEvent(phase, DELTA_PATHS[event.kind], event)).status);
	await Promise.all([
		pool(raced, 50, async (i) => {
			await Promise.all(events.get(i)!.map(send));
		}),
		pool(control, 20, async (i) => {
			for (const event of events.get(i)!) await send(event);
		}),
	]);
	const all = [...events.values()].flat();
	checks.ok(`race: all ${all.length} delta webhook calls answered 200`, all.every((e) => answers.get(e) === 200), () =>
		`${all.filter((e) => answers.get(e) !== 200).length} did not`,
	);
	const byEvent = await executionsByEvent(phase);
	const executions = all.map((e) => byEvent.get(e.eventId) ?? []);
	checks.ok('race: every delta event is exactly one successful execution', executions.every((x) => x.length === 1 && x[0].status === 'success'), () =>
		`${executions.filter((x) => x.length !== 1 || x[0].status !== 'success').length} are not`,
	);

	// Where did one customer's concurrent events run?
	const ranOn = workerOf(phase);
	const split = raced.filter((i) => new Set(events.get(i)!.flatMap((e) => (byEvent.get(e.eventId) ?? []).flatMap((x) => ranOn.get(x.id) ?? []))).size > 1);
	say(`    ${split.length} of ${raced.length} raced customers had their events run on both workers`);
	checks.ok('race: concurrent events of one customer ran on different workers', split.length > 0);

	const lost = (group: number[]) => {
		let count = 0;
		const customersHit: number[] = [];
		for (const i of group) {
			const applied = deltasApplied(events.get(i)!, sb.state.customers[bulkId(i)]);
			const missing = [...applied.values()].filter((ok) => !ok).length;
			count += missing;
			if (missing) customersHit.push(i);
		}
		return { count, customersHit };
	};
	const racedLost = lost(raced);
	const controlLost = lost(control);
	const racedTotal = raced.length * 4;
	const rate = ((100 * racedLost.count) / racedTotal).toFixed(1);
	say(`    lost updates: ${racedLost.count} of ${racedTotal} concurrent deltas (${rate}%), on ${racedLost.customersHit.length} of ${raced.length} customers; control (sequential): ${controlLost.count} of ${control.length * 4}`);
	phase.measured['race: lost concurrent deltas'] = `${racedLost.count}/${racedTotal} (${rate}%)`;
	phase.measured['race: lost sequential deltas'] = `${controlLost.count}/${control.length * 4}`;
	checks.equal('race: sequential deltas to one customer lose nothing', controlLost.count, 0);
	// The last write to land always carries its own change: a customer never loses all four.
	const allLost = raced.filter((i) => [...deltasApplied(events.get(i)!, sb.state.customers[bulkId(i)]).values()].every((ok) => !ok));
	checks.ok('race: every customer keeps at least the last write\'s change', allLost.length === 0, () => allLost.map(bulkId).join(', '));
	// What no delta touches is never damaged, race or not.
	const damaged = [...events.keys()].filter((i) => {
		const was = before.get(i)!;
		const now = sb.state.customers[bulkId(i)];
		return now.name !== was.name || now.referenceId !== was.referenceId || JSON.stringify(now.data?.Vip) !== JSON.stringify(was.data?.Vip) || !(now.tags ?? []).some((t) => t.id === 'tag-new');
	});
	checks.ok('race: fields no event touched are kept on every customer', damaged.length === 0, () => damaged.map(bulkId).join(', '));
}
