/** How a poll reads a list: what it asks, where it stops, when it reads the archive, when it gives up. */
import { utcDay } from '../../nodes/EvoVoice/model/dates';
import { MAX_PAGES } from '../../nodes/EvoVoice/trigger/read';
import { triggerMessages } from '../../nodes/EvoVoice/model/messages';
import { freshSandbox } from '../fixtures/sandbox';
import { clock, ids, requestsSince, trigger } from './helpers';

const sb = freshSandbox();
const SESSIONS = 'GET /sessions';

const sessionQueries = () => sb.log.filter((e) => e.route === SESSIONS).map((e) => e.query);

describe('reading', () => {
	it('asks newest first by dateLastModified, with a day window and the filters: one request when the clocks agree', async () => {
		sb.setClock({ at: Date.now(), frozen: true });
		await trigger(sb, { event: 'sessionEnded', customerId: { __rl: true, mode: 'id', value: 'cus-acme' } }).activate();
		const now = sb.now().getTime();
		// One day more than the 24 h a session may last and the 5-minute late window, either side.
		expect(sessionQueries()).toEqual([
			expect.objectContaining({
				sortField: 'dateLastModified', sortOrder: 'Descend', page: '0', countPerPage: '100', customerIds: 'cus-acme',
				startDate: utcDay(now - 24 * 3_600_000 - 300_000, -1), endDate: utcDay(now, 2),
			}),
		]);
	});

	it('when the server\'s clock is far behind n8n\'s, the first activation asks again with the server\'s days', async () => {
		clock(sb, '2025-06-02T10:00:00.000Z');
		await trigger(sb, { event: 'sessionEnded' }).activate();
		const queries = sessionQueries();
		expect(queries).toHaveLength(2);
		expect(queries[1]).toMatchObject({ startDate: '2025-05-31', endDate: '2025-06-04' });
	});

	it('when the server\'s clock is days ahead of n8n\'s, the first activation asks again up to the server\'s days', async () => {
		// 20:00 UTC two days from now: 44 to 68 hours ahead, whatever the time of day here.
		sb.setClock({ at: `${utcDay(Date.now(), 2)}T20:00:00.000Z`, frozen: true });
		sb.setSemantics({ dayZone: 'Pacific/Kiritimati', endDateInclusive: false });
		const ended = sb.events.session({ customerId: 'cus-acme', at: sb.now().getTime() - 3_600_000 }).id;
		const t = trigger(sb, { event: 'sessionEnded', options: { lookBackHours: 2 } });
		expect(ids((await t.activate()).execution)).toEqual([ended]);
		expect(sessionQueries().at(-1)).toMatchObject({ endDate: utcDay(sb.now().getTime(), 2) });
	});

	it('stops at the first page holding a record older than the cursor: 30 new sessions above 250 delivered ones cost one request', async () => {
		const time = clock(sb, '2025-06-02T10:00:00.000Z');
		const t = trigger(sb, { event: 'sessionEnded', options: { maxEvents: 1000, lateMinutes: 0 } });
		await t.activate();
		time.step(5_000);
		sb.events.burst({ sessions: 250, spacingMs: 10 });
		time.step(5_000);
		await t.tick();
		time.step(60_000);
		sb.events.burst({ sessions: 30, spacingMs: 10 });
		time.step(1_000);
		const before = sb.counters().byRoute;
		expect((await t.tick()).execution).toHaveLength(30);
		expect(requestsSince(sb, before, SESSIONS)).toBe(1);
	});

	it('with Rely on Sorted Lists off, reads every page of the window', async () => {
		sb.setClock({ at: Date.now() - 60_000, frozen: true });
		sb.events.burst({ sessions: 250, spacingMs: 10 });
		sb.setClock({ advanceMs: 60_000 });
		const t = trigger(sb, { event: 'sessionEnded', options: { sortedLists: false } });
		const before = sb.counters().byRoute;
		await t.activate();
		expect(requestsSince(sb, before, SESSIONS)).toBe(3);
	});

	it('reads the archive only when the cursor is more than a day old', async () => {
		const time = clock(sb, '2025-06-02T10:00:00.000Z');
		const t = trigger(sb, { event: 'sessionEnded' });
		await t.activate();
		time.step(23 * 3_600_000);
		await t.tick();
		expect(sessionQueries().filter((q) => q.searchArchive === 'true')).toHaveLength(0);
		time.step(25 * 3_600_000);
		await t.restart();
		expect(sessionQueries().filter((q) => q.searchArchive === 'true')).toHaveLength(1);
	});

	it(`gives up after ${MAX_PAGES} pages in one pass, delivering nothing and moving nothing`, async () => {
		sb.setSemantics({ maxCountPerPage: 1 });
		const time = clock(sb, '2025-06-02T10:00:00.000Z');
		const t = trigger(sb, { event: 'sessionEnded', options: { sortedLists: false } });
		await t.activate();
		const saved = JSON.stringify(t.database);
		time.step(5_000);
		sb.events.burst({ sessions: MAX_PAGES + 1, spacingMs: 1 });
		time.step(5_000);
		const result = await t.tick();
		expect(result.execution).toBeUndefined();
		expect(result.error?.message).toBe(triggerMessages.tooManyPages('/sessions', MAX_PAGES * 100));
		expect(JSON.stringify(t.database)).toBe(saved);
	});
});
