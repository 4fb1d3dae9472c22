// The switchable semantics a polling trigger depends on, each in every setting, checked on real
// HTTP answers: date format, the day filter's zone, endDate inclusiveness and session date field,
// sort honoured or ignored per list, and the session archive.
import { DATE_FORMATS, resolveSemantics, type SemanticsOverrides } from '../../sandbox';
import { call, useSandbox } from './helpers';

const sandbox = useSandbox();
afterEach(() => sandbox().setSemantics({}));
const ids = (r: { json: { items: { id: string }[] } }) => r.json.items.map((s) => s.id);
const use = (s: SemanticsOverrides) => sandbox().setSemantics(s);

// 2025-03-09 is the day New York moves to summer time: its evening is UTC-4.
const BEFORE = '2025-03-09T23:59:59.900-04:00'; // 03:59:59.900Z on the 10th
const AFTER = '2025-03-10T00:00:00.100-04:00'; // 04:00:00.100Z

/** One open session and one notification at each instant: their dateCreated is exactly that instant. */
function nearMidnight(): { before: string[]; after: string[] } {
	const ev = sandbox().events;
	return {
		before: [ev.session({ customerId: 'cus-acme', ended: false, at: BEFORE }).id, ev.notification({ customerId: 'cus-acme', at: BEFORE }).id],
		after: [ev.session({ customerId: 'cus-acme', ended: false, at: AFTER }).id, ev.notification({ customerId: 'cus-acme', at: AFTER }).id],
	};
}

async function day(start: string, end = start): Promise<string[]> {
	const q = `startDate=${start}&endDate=${end}&customerIds=cus-acme`;
	const s = await call(sandbox(), 'GET', `/sessions?${q}`);
	const n = await call(sandbox(), 'GET', `/notifications?${q}`);
	return [...ids(s), ...ids(n)].sort();
}

describe('dayZone: whose midnight startDate and endDate mean', () => {
	it.each([
		['UTC', { '2025-03-09': 'none', '2025-03-10': 'both' }],
		['America/New_York', { '2025-03-09': 'before', '2025-03-10': 'after' }],
		['Asia/Kolkata', { '2025-03-09': 'none', '2025-03-10': 'both' }],
		['Pacific/Honolulu', { '2025-03-09': 'both', '2025-03-10': 'none' }],
	] as const)('%s', async (dayZone, expected) => {
		use({ dayZone });
		const made = nearMidnight();
		for (const [date, which] of Object.entries(expected)) {
			const want = which === 'none' ? [] : which === 'both' ? [...made.before, ...made.after] : made[which];
			expect(await day(date)).toEqual([...want].sort());
		}
	});
});

describe('endDateInclusive', () => {
	it.each([true, false])('%s', async (endDateInclusive) => {
		use({ dayZone: 'America/New_York', endDateInclusive });
		const made = nearMidnight();
		expect(await day('2025-03-09', '2025-03-10')).toEqual((endDateInclusive ? [...made.before, ...made.after] : made.before).sort());
		expect(await day('2025-03-09')).toEqual(endDateInclusive ? [...made.before].sort() : []);
		expect(await day('2025-03-10', '2025-03-11')).toEqual([...made.after].sort());
	});
});

describe('sessionDayField', () => {
	it.each(['dateCreated', 'dateCompleted'] as const)('%s', async (sessionDayField) => {
		use({ dayZone: 'America/New_York', sessionDayField });
		const span = sandbox().events.session({ customerId: 'cus-bluebird', ended: false, at: BEFORE });
		const open = sandbox().events.session({ customerId: 'cus-bluebird', ended: false, at: BEFORE });
		sandbox().events.endSession(span.id, { at: AFTER });
		const list = async (d: string) => ids(await call(sandbox(), 'GET', `/sessions?customerIds=cus-bluebird&startDate=${d}&endDate=${d}`)).sort();
		if (sessionDayField === 'dateCreated') {
			expect(await list('2025-03-09')).toEqual([span.id, open.id].sort());
			expect(await list('2025-03-10')).toEqual([]);
		} else {
			expect(await list('2025-03-09')).toEqual([]); // the open one has no dateCompleted: no day filter finds it
			expect(await list('2025-03-10')).toEqual([span.id]);
		}
		expect(ids(await call(sandbox(), 'GET', '/sessions?customerIds=cus-bluebird')).sort()).toContain(open.id);
	});
});

describe('dateFormat', () => {
	const written: Record<string, RegExp> = {
		iso: /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/,
		isoNoZone: /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}$/,
		wcf: /^\/Date\(\d+-0000\)\/$/,
	};
	it.each(DATE_FORMATS)('%s, in every answer that carries an entity date', async (dateFormat) => {
		use({ dateFormat });
		const dates: string[] = [];
		const session = (await call(sandbox(), 'GET', '/sessions/ses-seed-03')).json;
		dates.push(session.dateCreated, session.dateLastModified, session.dateCompleted, ...session.log.map((l: { date: string }) => l.date));
		for (const path of ['/sessions', '/notifications', '/customers', '/accounts']) {
			for (const item of (await call(sandbox(), 'GET', path)).json.items) dates.push(item.dateCreated, item.dateLastModified);
		}
		const patched = await call(sandbox(), 'PATCH', '/customers/cus-acme', { body: { name: 'Acme' } });
		dates.push(patched.json.dateLastModified, (await call(sandbox(), 'GET', '/accounts/acc-reseller')).json.dateCreated);
		for (const d of dates) expect(d).toMatch(written[dateFormat]);
		const same = { iso: '2024-05-21T00:01:00.000Z', isoNoZone: '2024-05-21T00:01:00.000', wcf: `/Date(${Date.parse('2024-05-21T00:01:00.000Z')}-0000)/` };
		expect(session.dateCompleted).toBe(same[dateFormat]);
		expect(sandbox().state.sessions['ses-seed-03'].dateCompleted).toBe('2024-05-21T00:01:00.000Z'); // stored unchanged
	});
});

describe('sort: honoured or ignored, per list', () => {
	const newestFirst = 'sortField=dateLastModified&sortOrder=Descend';
	it.each(['honoured', 'ignored'] as const)('customers %s', async (mode) => {
		use({ sort: { customers: mode } });
		sandbox().setClock({ at: '2026-01-01T00:00:00.000Z', frozen: true });
		await call(sandbox(), 'PATCH', '/customers/cus-cedar-2', { body: { name: 'Cedar (renamed)' } });
		sandbox().setClock({ advanceMs: 1 }); // one millisecond is enough to order two writes
		await call(sandbox(), 'PATCH', '/customers/cus-acme-south', { body: { name: 'Acme South (renamed)' } });
		const r = ids(await call(sandbox(), 'GET', `/customers?${newestFirst}`));
		const storage = ['cus-acme', 'cus-acme-north', 'cus-acme-south', 'cus-bluebird', 'cus-cedar-1', 'cus-cedar-2', 'cus-contoso-1'];
		expect(r.slice(0, 2)).toEqual(mode === 'honoured' ? ['cus-acme-south', 'cus-cedar-2'] : storage.slice(0, 2));
		if (mode === 'ignored') {
			expect(r).toEqual(storage);
			expect(ids(await call(sandbox(), 'GET', '/customers?sortField=name&sortOrder=Descend'))).toEqual(storage);
		}
		expect(ids(await call(sandbox(), 'GET', '/customers?sortField=dateCreated&sortOrder=Descend'))[0]).toBe(mode === 'honoured' ? 'cus-acme-north' : 'cus-acme');
	});

	it.each(['honoured', 'ignored'] as const)('sessions and notifications %s (and customers unaffected)', async (mode) => {
		use({ sort: { sessions: mode, notifications: mode } });
		const made = sandbox().events.burst({ sessions: 3, notifications: 3 });
		const s = ids(await call(sandbox(), 'GET', '/sessions?sortField=dateCreated&sortOrder=Descend'));
		const n = ids(await call(sandbox(), 'GET', '/notifications?sortField=dateCreated&sortOrder=Descend'));
		if (mode === 'honoured') {
			expect(s.slice(0, 3)).toEqual([...made.sessions].reverse());
			expect(n.slice(0, 3)).toEqual([...made.notifications].reverse());
		} else {
			expect(s).toEqual(Object.keys(sandbox().state.sessions)); // oldest first: what a newest-first poller stops at
			expect(n).toEqual(['ntf-seed-01', 'ntf-seed-02', 'ntf-seed-03', ...made.notifications]);
		}
		expect(ids(await call(sandbox(), 'GET', '/customers?sortField=name&sortOrder=Descend'))[0]).toBe('cus-contoso-1');
	});
});

describe('archiveAfterDays', () => {
	const list = async (archive?: boolean) =>
		ids(await call(sandbox(), 'GET', `/sessions?customerIds=cus-bluebird${archive === undefined ? '' : `&searchArchive=${archive}`}`)).sort();

	it('null (default): searchArchive changes nothing', async () => {
		expect(await list(true)).toEqual(await list(false));
		expect(await list(true)).toEqual(['ses-seed-03']);
	});

	it('15 days: ended sessions created longer ago are only in the archive; open ones stay live; GET by ID finds both', async () => {
		use({ archiveAfterDays: 15 });
		sandbox().setClock({ at: '2024-06-10T00:00:00.000Z' }); // ses-seed-03 (2024-05-20) is 20 days old
		const fresh = sandbox().events.session({ customerId: 'cus-bluebird' });
		const oldOpen = sandbox().events.session({ customerId: 'cus-bluebird', ended: false, at: '2024-05-01T00:00:00.000Z' });
		expect(await list()).toEqual([fresh.id, oldOpen.id].sort());
		expect(await list(true)).toEqual(['ses-seed-03']);
		expect((await call(sandbox(), 'GET', '/sessions/ses-seed-03')).status).toBe(200);
		sandbox().setClock({ at: '2024-05-30T00:00:00.000Z' }); // only 10 days old then
		expect(await list(false)).toContain('ses-seed-03');
	});
});

describe('settings are checked', () => {
	it.each([
		[{ dayZone: 'Mars/Olympus' }, /dayZone is "Mars\/Olympus"; expected an IANA time zone/],
		[{ dateFormat: 'rfc' }, /dateFormat is "rfc"; expected one of iso, isoNoZone, wcf/],
		[{ sort: { accounts: 'ignored' } }, /unknown sorted list 'accounts'; known: customers, sessions, notifications/],
		[{ sort: { sessions: 'random' } }, /sort.sessions is "random"; expected one of honoured, ignored/],
		[{ endDateInclusive: 'yes' }, /endDateInclusive is "yes"; expected true or false/],
		[{ sessionDayField: 'dateLastModified' }, /sessionDayField is "dateLastModified"; expected one of dateCreated, dateCompleted/],
		[{ archiveAfterDays: 0 }, /archiveAfterDays is 0; expected a number of days above 0, or null/],
	])('%o', (bad, message) => {
		expect(() => resolveSemantics(bad)).toThrow(message);
	});

	it('GET|PUT /__sandbox/semantics read and replace them; a bad one is 400 and changes nothing', async () => {
		const put = await call(sandbox(), 'PUT', '/__sandbox/semantics', { body: { sort: { sessions: 'ignored' }, dayZone: 'Europe/Berlin' } });
		expect(put.json).toMatchObject({ sort: { customers: 'honoured', sessions: 'ignored' }, dayZone: 'Europe/Berlin', dateFormat: 'iso' });
		expect(sandbox().semantics.sort.sessions).toBe('ignored');
		const bad = await call(sandbox(), 'PUT', '/__sandbox/semantics', { body: { dayZone: 'Nowhere' } });
		expect(bad.status).toBe(400);
		expect(bad.json.responseStatus.message).toContain('dayZone is "Nowhere"');
		expect((await call(sandbox(), 'GET', '/__sandbox/semantics')).json.dayZone).toBe('Europe/Berlin');
	});
});
