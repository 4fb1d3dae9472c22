/**
 * The trigger against a sandbox set to each value of every setting `npm run probe` settles on a
 * live host (sandbox/modes.ts): how dates are written, whose days startDate/endDate mean, whether
 * endDate counts its own day, which session date the day filter reads, whether lists are sorted as
 * asked, the session archive, and a page-size cap. Each case asserts the exact events delivered.
 */
import { SANDBOX_CREDENTIALS } from '../../sandbox';
import { freshSandbox } from '../fixtures/sandbox';
import { ActiveTrigger } from '../harness/trigger';
import { byEventDate, clock, delivered, ids, requestsSince, trigger } from './helpers';

const sb = freshSandbox();
const ended = { event: 'sessionEnded', options: { maxEvents: 1000 } };
const HOUR = 3_600_000;
const DAY = 24 * HOUR;

describe('dateFormat', () => {
	for (const dateFormat of ['iso', 'isoNoZone', 'wcf'] as const) {
		it(`${dateFormat}: events dated in that form are delivered once, Simplify's dates in ISO 8601 UTC`, async () => {
			sb.setSemantics({ dateFormat });
			const time = clock(sb, '2025-06-02T10:00:00.000Z');
			const t = trigger(sb, ended);
			await t.activate();
			time.step(5_000);
			const s = sb.events.session({ customerId: 'cus-acme', durationMs: 90_000 });
			time.step(5_000);
			const [item] = (await t.tick()).execution ?? [];
			expect(item).toMatchObject({ id: s.id, dateCompleted: s.dateCompleted, dateCreated: s.dateCreated, durationSeconds: 90 });
			time.step(60_000);
			expect((await t.tick()).execution).toBeUndefined();

			const raw = trigger(sb, { ...ended, simple: false, options: { lookBackHours: 1 } });
			const [record] = (await raw.activate()).execution ?? [];
			const written = { iso: s.dateCompleted, isoNoZone: s.dateCompleted?.slice(0, -1), wcf: `/Date(${Date.parse(s.dateCompleted ?? '')}-0000)/` };
			expect(record.dateCompleted).toBe(written[dateFormat]);
		});
	}
});

/** Two sessions either side of midnight in `zone`, and the trigger's polls around it. */
async function aroundMidnight(midnight: string, pollBetween: boolean): Promise<void> {
	const at = Date.parse(midnight);
	const time = clock(sb, new Date(at - 120_000).toISOString());
	const t = trigger(sb, ended);
	await t.activate();
	const before = sb.events.session({ customerId: 'cus-acme', at: at - 100 }).id; // 23:59:59.900 local
	if (pollBetween) {
		time.step(120_000 - 50);
		expect(ids((await t.tick()).execution)).toEqual([before]);
	}
	const after = sb.events.session({ customerId: 'cus-bluebird', at: at + 100 }).id; // 00:00:00.100 local
	clock(sb, new Date(at + 60_000).toISOString());
	await t.tick();
	clock(sb, new Date(at + 120_000).toISOString());
	expect((await t.tick()).execution).toBeUndefined();
	expect(delivered(t)).toEqual([before, after]);
}

describe('dayZone, endDateInclusive and sessionDayField', () => {
	const zones: Array<[string, string]> = [
		['America/New_York', '2025-01-16T00:00:00.000-05:00'],
		['Pacific/Kiritimati', '2025-01-16T00:00:00.000+14:00'],
		['Etc/GMT+12', '2025-01-16T00:00:00.000-12:00'],
		['Asia/Kolkata', '2025-01-16T00:00:00.000+05:30'],
	];
	for (const [zone, midnight] of zones) {
		for (const sort of ['honoured', 'ignored'] as const) {
			for (const endDateInclusive of [true, false]) {
				for (const sessionDayField of ['dateCreated', 'dateCompleted'] as const) {
					const name = `${zone}, sort ${sort}, endDate ${endDateInclusive ? 'included' : 'excluded'}, days of ${sessionDayField}`;
					it(`${name}: sessions at 23:59:59.900 and 00:00:00.100 local, polled after midnight`, async () => {
						sb.setSemantics({ dayZone: zone, endDateInclusive, sessionDayField, sort: { sessions: sort } });
						await aroundMidnight(midnight, false);
					});
					it(`${name}: the same with a poll between them`, async () => {
						sb.setSemantics({ dayZone: zone, endDateInclusive, sessionDayField, sort: { sessions: sort } });
						await aroundMidnight(midnight, true);
					});
				}
			}
		}
	}

	for (const sessionDayField of ['dateCreated', 'dateCompleted'] as const) {
		it(`days of ${sessionDayField}: a session opened 3 days before it ends is delivered with Longest Session 96 h`, async () => {
			sb.setSemantics({ sessionDayField, dayZone: 'America/New_York' });
			const time = clock(sb, '2025-06-02T10:00:00.000Z');
			const t = trigger(sb, { ...ended, options: { longestSessionHours: 96 } });
			await t.activate();
			time.step(60_000);
			const long = sb.events.session({ customerId: 'cus-acme', durationMs: 3 * DAY }).id;
			time.step(1_000);
			expect(ids((await t.tick()).execution)).toEqual([long]);
		});
	}
});

describe('sort ignored on every list', () => {
	it('customers: the whole list is read and each creation and change delivered once', async () => {
		sb.setSemantics({ sort: { customers: 'ignored' } });
		const time = clock(sb, '2025-06-02T10:00:00.000Z');
		const created = trigger(sb, { event: 'customerCreated' });
		const updated = trigger(sb, { event: 'customerUpdated' });
		await created.activate();
		await updated.activate();
		time.step(5_000);
		const burst = sb.events.burst({ customersCreated: 2, customersUpdated: { count: 2, customerIds: ['cus-acme', 'cus-bluebird'] }, spacingMs: 100 });
		time.step(5_000);
		const counters = sb.counters().byRoute;
		expect(ids((await created.tick()).execution)).toEqual(burst.customersCreated);
		expect(ids((await updated.tick()).execution)).toEqual(['cus-acme', 'cus-bluebird']);
		// One page each: the sandbox's 10 customers, read whole since the list is not in the order asked.
		expect(requestsSince(sb, counters, 'GET /customers')).toBe(2);
		time.step(60_000);
		expect((await created.tick()).execution).toBeUndefined();
		expect((await updated.tick()).execution).toBeUndefined();
	});

	it('notifications: each delivered once, oldest first', async () => {
		sb.setSemantics({ sort: { notifications: 'ignored' } });
		const time = clock(sb, '2025-06-02T10:00:00.000Z');
		const t = trigger(sb, { event: 'notification' });
		await t.activate();
		time.step(5_000);
		const burst = sb.events.burst({ notifications: { count: 130, types: ['Email', 'Sms'] }, spacingMs: 10 }).notifications;
		time.step(5_000);
		expect(ids((await t.tick()).execution)).toEqual(burst.slice(0, 100));
		time.step(60_000);
		expect(ids((await t.tick()).execution)).toEqual(burst.slice(100));
	});
});

describe('archiveAfterDays', () => {
	it('15 days: after n8n was down for 3 weeks, archived sessions are found in the archive and delivered in order', async () => {
		sb.setSemantics({ archiveAfterDays: 15 });
		const time = clock(sb, '2025-06-01T10:00:00.000Z');
		const t = trigger(sb, ended);
		await t.activate();
		const happened: string[] = [];
		for (const day of [1, 5, 10, 18, 20]) {
			clock(sb, new Date(Date.parse('2025-06-01T10:00:00.000Z') + day * DAY).toISOString());
			happened.push(sb.events.session({ customerId: 'cus-acme' }).id);
		}
		time.step(HOUR);
		expect(ids((await t.restart()).execution)).toEqual(happened);
		time.step(60_000);
		expect((await t.tick()).execution).toBeUndefined();
	});
});

describe('maxCountPerPage', () => {
	it('pages of 10 whatever is asked: every event once; a quiet poll reads the late-records window again, then one request', async () => {
		sb.setSemantics({ maxCountPerPage: 10 });
		const time = clock(sb, '2025-06-02T10:00:00.000Z');
		const t = trigger(sb, ended);
		await t.activate();
		time.step(5_000);
		const burst = sb.events.burst({ sessions: { count: 35, customerIds: ['cus-acme', 'cus-bluebird'] }, spacingMs: 10 }).sessions;
		time.step(5_000);
		expect(ids((await t.tick()).execution)).toEqual(byEventDate(sb, burst));
		time.step(10 * 60_000);
		let counters = sb.counters().byRoute;
		expect((await t.tick()).execution).toBeUndefined();
		// The 35 delivered events are within 5 minutes of the last poll: read again (4 pages of 10), not delivered.
		expect(requestsSince(sb, counters, 'GET /sessions')).toBe(4);
		time.step(60_000);
		counters = sb.counters().byRoute;
		expect((await t.tick()).execution).toBeUndefined();
		expect(requestsSince(sb, counters, 'GET /sessions')).toBe(1);
	});
});

describe('auth', () => {
	it.each([
		['the token as the Basic user name', { bearer: false, basicToken: true }, { authType: 'apiToken', apiToken: SANDBOX_CREDENTIALS.adminToken, sendAs: 'basicToken' }],
		['the ss-tok cookie', { bearer: false, tokenCookie: true }, { authType: 'apiToken', apiToken: SANDBOX_CREDENTIALS.adminToken, sendAs: 'tokenCookie' }],
		['email and password', { bearer: false }, { authType: 'basicAuth', email: SANDBOX_CREDENTIALS.admin.email, password: SANDBOX_CREDENTIALS.admin.password }],
	])('a host that takes %s: the trigger sends the credential that way', async (_how, auth, credential) => {
		sb.setSemantics({ auth });
		const time = clock(sb, '2025-06-02T10:00:00.000Z');
		const t = new ActiveTrigger({ parameters: ended, credentials: { baseUrl: sb.url, ...credential } });
		expect((await t.activate()).error).toBeUndefined();
		time.step(5_000);
		const s = sb.events.session({ customerId: 'cus-acme' }).id;
		time.step(5_000);
		expect(ids((await t.tick()).execution)).toEqual([s]);
	});
});

