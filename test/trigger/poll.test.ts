/**
 * The trigger's poll in an active workflow (n8n-core's PollTriggerExecutor, WorkflowExecute, the
 * static data saved as n8n saves it), against the sandbox: every event delivered once, oldest
 * first, across page boundaries while events arrive, restarts, an outage and its catch-up.
 */
import type { IDataObject } from 'n8n-workflow';

import { freshSandbox } from '../fixtures/sandbox';
import { MAX_SEEN } from '../../nodes/EvoVoice/trigger/state';
import { byEventDate, clock, delivered, ids, proxy, requestsSince, savedState, trigger } from './helpers';

const sb = freshSandbox();
const SESSIONS = 'GET /sessions';
const ended = { event: 'sessionEnded' };

describe('first activation', () => {
	it('starts from now: what ended before is not delivered, what ends after is, once, oldest first', async () => {
		const time = clock(sb, '2025-06-02T10:00:00.000Z');
		const before = sb.events.session({ customerId: 'cus-acme' }).id;
		time.step(2_000);
		const t = trigger(sb, ended);
		const activation = await t.activate();
		expect(activation).toEqual({ execution: undefined, error: undefined });
		time.step(10_000);
		const burst = sb.events.burst({ sessions: { count: 3, customerIds: ['cus-acme', 'cus-bluebird'] }, spacingMs: 1_000 }).sessions;
		time.step(5_000);
		const first = await t.tick();
		expect(ids(first.execution)).toEqual(burst);
		expect(ids(first.execution)).not.toContain(before);
		time.step(60_000);
		const counters = sb.counters().byRoute;
		const quiet = await t.tick();
		expect(quiet.execution).toBeUndefined();
		// A quiet poll: one request.
		expect(requestsSince(sb, counters, SESSIONS)).toBe(1);
		expect(delivered(t)).toEqual(burst);
	});

	it('with Look Back, delivers the events of those hours first, then carries on', async () => {
		const time = clock(sb, '2025-06-02T10:00:00.000Z');
		const old = sb.events.session({ customerId: 'cus-acme' }).id; // 10:00, three hours before activation
		time.step(-5 * 3_600_000);
		const older = sb.events.session({ customerId: 'cus-acme' }).id; // 05:00, beyond the look-back
		time.step(8 * 3_600_000);
		const t = trigger(sb, { ...ended, options: { lookBackHours: 4 } });
		const activation = await t.activate();
		expect(ids(activation.execution)).toEqual([old]);
		expect(delivered(t)).not.toContain(older);
		time.step(60_000);
		expect((await t.tick()).execution).toBeUndefined();
	});

	it('only ended sessions of the chosen channels, and each session once though it was opened in an earlier poll', async () => {
		const time = clock(sb, '2025-06-02T10:00:00.000Z');
		const t = trigger(sb, { ...ended, channels: ['Voice', 'Fax'] });
		await t.activate();
		time.step(5_000);
		const open = sb.events.session({ customerId: 'cus-acme', ended: false }).id;
		const chat = sb.events.session({ customerId: 'cus-acme', channel: 'Chat' }).id;
		time.step(5_000);
		expect((await t.tick()).execution).toBeUndefined();
		time.step(60_000);
		sb.events.endSession(open);
		const fax = sb.events.session({ customerId: 'cus-bluebird', channel: 'Fax' }).id;
		time.step(5_000);
		expect(ids((await t.tick()).execution)).toEqual([open, fax]);
		expect(delivered(t)).not.toContain(chat);
	});
});

describe('page boundaries while events arrive', () => {
	for (const sort of ['honoured', 'ignored'] as const) {
		it(`sort ${sort}: events inserted between two pages of one poll are delivered once, in order`, async () => {
			sb.setSemantics({ sort: { sessions: sort } });
			const time = clock(sb, '2025-06-02T10:00:00.000Z');
			let inserted: string[] = [];
			const front = await proxy(sb, (url) => {
				if (url.pathname === '/sessions' && url.searchParams.get('page') === '1' && inserted.length === 0) {
					inserted = sb.events.burst({ sessions: { count: 30, customerIds: ['cus-acme', 'cus-bluebird', 'cus-acme-north'] }, spacingMs: 2 }).sessions;
				}
			});
			try {
				const t = trigger(sb, { ...ended, options: { maxEvents: 1000 } }, { baseUrl: front.url });
				await t.activate();
				time.step(10_000);
				const first = sb.events.burst({ sessions: { count: 250, customerIds: ['cus-acme', 'cus-bluebird', 'cus-acme-north'] }, spacingMs: 10 }).sessions;
				time.step(5_000);
				await t.tick();
				expect(inserted).toHaveLength(30);
				time.step(60_000);
				await t.tick();
				const all = delivered(t);
				expect(new Set(all).size).toBe(all.length);
				expect([...all].sort()).toEqual([...first, ...inserted].sort());
				// Each execution oldest first; the events of one poll never older than those of the poll before.
				for (const execution of t.executions) expect(ids(execution)).toEqual(byEventDate(sb, ids(execution)));
				expect(all).toEqual(byEventDate(sb, all));
			} finally {
				await front.close();
			}
		});
	}
});

describe('n8n restarts', () => {
	it('carries on from the saved static data: nothing repeated, what happened while it was down delivered', async () => {
		const time = clock(sb, '2025-06-02T10:00:00.000Z');
		const t = trigger(sb, ended);
		await t.activate();
		time.step(5_000);
		const a = sb.events.burst({ sessions: { count: 5, customerIds: ['cus-acme', 'cus-bluebird'] }, spacingMs: 100 }).sessions;
		time.step(5_000);
		await t.tick();
		// Quiet polls move the cursor in memory only: n8n saves static data when a poll emits.
		for (let i = 0; i < 3; i++) {
			time.step(60_000);
			await t.tick();
		}
		expect(t.memory).not.toEqual((t.database['node:Evo Voice Trigger'] as object) ?? {});
		time.step(60_000);
		const whileDown = sb.events.burst({ sessions: { count: 4, customerIds: ['cus-acme'] }, spacingMs: 100 }).sessions;
		time.step(120_000);
		const restart = await t.restart();
		expect(ids(restart.execution)).toEqual(whileDown);
		time.step(60_000);
		expect((await t.tick()).execution).toBeUndefined();
		expect(delivered(t)).toEqual([...a, ...whileDown]);
	});

	it('a workflow loaded from static data saved as JSON by an earlier n8n process delivers only what is new', async () => {
		const time = clock(sb, '2025-06-02T10:00:00.000Z');
		const first = trigger(sb, ended);
		await first.activate();
		time.step(5_000);
		const a = sb.events.burst({ sessions: 3, spacingMs: 100 }).sessions;
		time.step(5_000);
		await first.tick();
		const saved = JSON.parse(JSON.stringify(first.database)) as IDataObject;
		time.step(30_000);
		const b = sb.events.burst({ sessions: 2, spacingMs: 100 }).sessions;
		const second = trigger(sb, ended, { staticData: saved });
		time.step(5_000);
		const activation = await second.activate();
		expect(ids(activation.execution)).toEqual(b);
		expect(delivered(first)).toEqual(a);
	});
});

describe('polls that overlap', () => {
	it('a poll that starts while the last one still runs steps aside: nothing is delivered twice', async () => {
		const time = clock(sb, '2025-06-02T10:00:00.000Z');
		const t = trigger(sb, ended);
		await t.activate();
		time.step(5_000);
		const burst = sb.events.burst({ sessions: 5, spacingMs: 100 }).sessions;
		time.step(5_000);
		sb.setFaults([{ route: SESSIONS, latencyMs: 300 }]);
		const results = await Promise.all([t.tick(), t.tick()]);
		expect(results.map((r) => r.execution?.length ?? 0).sort()).toEqual([0, 5]);
		expect(delivered(t)).toEqual(burst);
	});
});

describe('an outage, then the catch-up', () => {
	it('failed polls change nothing; afterwards at most Max Events per Poll each time, the rest next poll, in order', async () => {
		const time = clock(sb, '2025-06-02T10:00:00.000Z');
		const customers = ['cus-acme', 'cus-bluebird', 'cus-acme-north', 'cus-acme-south', 'cus-cedar-1'];
		const t = trigger(sb, { ...ended, options: { maxEvents: 100 } });
		await t.activate();
		const database = JSON.stringify(t.database);
		const memory = JSON.stringify(t.memory);
		sb.setFaults([{ route: SESSIONS, status: 500, count: 3 }]);
		const happened: string[] = [];
		for (let i = 0; i < 3; i++) {
			time.step(60_000);
			happened.push(...sb.events.burst({ sessions: { count: 84, customerIds: customers }, spacingMs: 50 }).sessions);
			const failed = await t.tick();
			expect(failed.execution).toBeUndefined();
			expect(failed.error?.message).toMatch(/the poll of GET \/sessions, HTTP 500/);
		}
		expect(JSON.stringify(t.memory)).toBe(memory);
		expect(JSON.stringify(t.database)).toBe(database);
		const sizes: number[] = [];
		for (let i = 0; i < 4; i++) {
			time.step(60_000);
			sizes.push((await t.tick()).execution?.length ?? 0);
		}
		expect(sizes).toEqual([100, 100, 52, 0]);
		expect(delivered(t)).toEqual(byEventDate(sb, happened));
		for (const customer of customers) {
			const own = delivered(t).filter((id) => sb.state.sessions[id].customerId === customer);
			expect(own).toEqual(byEventDate(sb, own));
		}
	});

	it('a record saved late, within the late-records window, is delivered by the next poll', async () => {
		const time = clock(sb, '2025-06-02T10:00:00.000Z');
		const t = trigger(sb, ended);
		await t.activate();
		time.step(60_000);
		const onTime = sb.events.session({ customerId: 'cus-acme' }).id;
		time.step(1_000);
		await t.tick();
		time.step(60_000);
		// Dated two minutes ago, saved only now (5 minutes is the default window).
		const late = sb.events.session({ customerId: 'cus-acme', at: sb.now().getTime() - 120_000 }).id;
		const result = await t.tick();
		expect(ids(result.execution)).toEqual([late]);
		expect(delivered(t)).toEqual([onTime, late]);
	});
});

describe('when the server ignores the sort', () => {
	it('notices it from the order of what comes back, reads the whole day window from then on, and delivers every event once', async () => {
		sb.setSemantics({ sort: { sessions: 'ignored' } });
		const time = clock(sb, '2025-06-02T10:00:00.000Z');
		// Earlier today, so first in storage order: a reader that stopped at the first old record would stop there.
		const earlier = sb.events.burst({ sessions: { count: 120, customerIds: ['cus-acme'] }, spacingMs: 20 }).sessions;
		time.step(60_000);
		const t = trigger(sb, { ...ended, options: { maxEvents: 1000 } });
		await t.activate();
		time.step(10_000);
		const burst = sb.events.burst({ sessions: { count: 150, customerIds: ['cus-acme', 'cus-bluebird'] }, spacingMs: 20 }).sessions;
		time.step(5_000);
		expect(ids((await t.tick()).execution)).toEqual(burst);
		expect(savedState(t).unsorted).toBe(true);
		time.step(60_000);
		const counters = sb.counters().byRoute;
		expect((await t.tick()).execution).toBeUndefined();
		// Every page of the window (270 sessions: 3 pages of 100), not only the first.
		expect(requestsSince(sb, counters, SESSIONS)).toBe(3);
		expect(delivered(t)).not.toContain(earlier[0]);
	});
});

describe('more events within the late-records window than the memory holds', () => {
	it(`${MAX_SEEN + 400} sessions in one burst: each delivered once, in order, over several polls`, async () => {
		const time = clock(sb, '2025-06-02T10:00:00.000Z');
		const t = trigger(sb, { ...ended, options: { maxEvents: 1000 } });
		await t.activate();
		time.step(20_000);
		const burst = sb.events.burst({ sessions: { count: MAX_SEEN + 400, customerIds: ['cus-acme', 'cus-bluebird'] }, spacingMs: 2 }).sessions;
		for (let i = 0; i < 8; i++) {
			time.step(30_000);
			await t.tick();
			expect(Object.keys(savedState(t).seen ?? {}).length).toBeLessThanOrEqual(MAX_SEEN);
		}
		expect(delivered(t)).toEqual(burst);
	});
});

