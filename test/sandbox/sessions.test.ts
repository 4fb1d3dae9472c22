// GET /sessions, GET /sessions/{id} and GET /notifications over real HTTP: every filter, the reach
// of each role, paging (also while new sessions arrive), and lists of 10 000.
import { startSandbox, type Sandbox } from '../../sandbox';
import { C, call, useSandbox } from './helpers';

const sandbox = useSandbox();
const ids = (r: { json: { items: { id: string }[] } }) => r.json.items.map((s) => s.id);

describe('GET /sessions', () => {
	it('lists the seed newest first by default, with owner names joined in and no log', async () => {
		const r = await call(sandbox(), 'GET', '/sessions');
		expect(r.status).toBe(200);
		expect(ids(r)).toEqual(['ses-seed-06', 'ses-seed-05', 'ses-seed-04', 'ses-seed-03', 'ses-seed-02', 'ses-seed-01']);
		expect(r.json).toMatchObject({ totalCount: 6, totalPages: 1, hasMorePages: false });
		const fax = r.json.items.find((s: { id: string }) => s.id === 'ses-seed-03');
		expect(fax).toMatchObject({
			channel: 'Fax', ended: true, accountId: 'acc-reseller', accountName: 'Northwind Telecom', customerId: 'cus-bluebird',
			customerName: 'Bluebird Plumbing', customerBreadcrumb: [{ id: 'cus-bluebird', name: 'Bluebird Plumbing' }],
			dateCreated: '2024-05-20T23:58:00.000Z', dateCompleted: '2024-05-21T00:01:00.000Z',
		});
		expect(fax.log).toBeUndefined();
		expect(fax.parentSessionId).toBeUndefined();
	});

	it('GET /sessions/{id} sends the log; 404 for an unknown ID, 401 without a login', async () => {
		const r = await call(sandbox(), 'GET', '/sessions/ses-seed-03');
		expect(r.json.log).toEqual([
			{ date: '2024-05-20T23:58:00.000Z', message: 'Fax session from +12025550103 to +18005550230' },
			{ date: '2024-05-21T00:01:00.000Z', message: 'Session ended: Completed' },
		]);
		const missing = await call(sandbox(), 'GET', '/sessions/ses-nope');
		expect(missing.json).toEqual({ responseStatus: { errorCode: 'NotFound', message: 'Session `ses-nope` not found' } });
		expect((await call(sandbox(), 'GET', '/sessions/ses-seed-03', { token: null })).status).toBe(401);
	});

	it.each([
		['accountIds=acc-other', ['ses-seed-05']],
		['customerIds=cus-acme,cus-bluebird', ['ses-seed-06', 'ses-seed-03', 'ses-seed-01']],
		['endpointIds=end-cus-acme-north', ['ses-seed-02']],
		['from=5550104', ['ses-seed-04']],
		['to=5550220', ['ses-seed-02']],
		['log=ENDED', ['ses-seed-05', 'ses-seed-04', 'ses-seed-03', 'ses-seed-02', 'ses-seed-01']],
		['customerIds=cus-nope', []],
	])('filters by %s', async (query, expected) => {
		expect(ids(await call(sandbox(), 'GET', `/sessions?${query}`))).toEqual(expected);
	});

	it('filters by parentSessionId (stored, not sent)', async () => {
		const child = sandbox().events.session({ customerId: 'cus-acme', parentSessionId: 'ses-seed-01' });
		expect(ids(await call(sandbox(), 'GET', '/sessions?parentSessionId=ses-seed-01'))).toEqual([child.id]);
	});

	it('a Manager sees its account, a Customer-role login its subtree; naming what they cannot reach is 403', async () => {
		const manager = await call(sandbox(), 'GET', '/sessions', { token: C.managerToken });
		expect(ids(manager)).not.toContain('ses-seed-05');
		expect(manager.json.totalCount).toBe(5);
		const portal = await call(sandbox(), 'GET', '/sessions', { token: C.customerToken });
		expect(ids(portal).sort()).toEqual(['ses-seed-01', 'ses-seed-02', 'ses-seed-04', 'ses-seed-06']);
		expect((await call(sandbox(), 'GET', '/sessions?accountIds=acc-other', { token: C.managerToken })).status).toBe(403);
		expect((await call(sandbox(), 'GET', '/sessions?customerIds=cus-bluebird', { token: C.customerToken })).status).toBe(403);
		expect((await call(sandbox(), 'GET', '/sessions/ses-seed-03', { token: C.customerToken })).status).toBe(403);
		expect((await call(sandbox(), 'GET', '/sessions/ses-seed-05', { token: C.managerToken })).status).toBe(403);
		expect((await call(sandbox(), 'GET', '/sessions/ses-seed-04', { token: C.customerToken })).status).toBe(200);
	});

	it('answers 400 naming the field for a bad date, boolean or sort order', async () => {
		for (const [query, field] of [['startDate=2024-5-1', 'startDate'], ['endDate=2024-02-30', 'endDate'], ['searchArchive=maybe', 'searchArchive'], ['sortOrder=Up', 'sortOrder']]) {
			const r = await call(sandbox(), 'GET', `/sessions?${query}`);
			expect(r.status).toBe(400);
			expect(r.json.responseStatus.errors[0].fieldName).toBe(field);
		}
	});
});

describe('GET /notifications', () => {
	it('lists newest first with owner names, and filters by type, fromFilter, toFilter, subjectFilter', async () => {
		const all = await call(sandbox(), 'GET', '/notifications');
		expect(ids(all)).toEqual(['ntf-seed-03', 'ntf-seed-02', 'ntf-seed-01']);
		expect(all.json.items[2]).toMatchObject({ type: 'Email', customerName: 'Acme Dental', accountName: 'Northwind Telecom', error: false });
		expect(ids(await call(sandbox(), 'GET', '/notifications?type=Sms'))).toEqual(['ntf-seed-02']);
		expect(ids(await call(sandbox(), 'GET', '/notifications?subjectFilter=VOICEMAIL'))).toEqual(['ntf-seed-01']);
		expect(ids(await call(sandbox(), 'GET', '/notifications?fromFilter=5550103'))).toEqual(['ntf-seed-03']);
		expect(ids(await call(sandbox(), 'GET', '/notifications?toFilter=frontdesk'))).toEqual(['ntf-seed-01']);
		const bad = await call(sandbox(), 'GET', '/notifications?type=Fax');
		expect(bad.status).toBe(400);
		expect(bad.json.responseStatus.errors[0]).toMatchObject({ errorCode: 'InvalidEnumValue', fieldName: 'type' });
	});

	it('reaches as customers do', async () => {
		expect(ids(await call(sandbox(), 'GET', '/notifications', { token: C.customerToken }))).toEqual(['ntf-seed-01']);
		expect(ids(await call(sandbox(), 'GET', '/notifications', { token: C.managerToken }))).toEqual(['ntf-seed-02', 'ntf-seed-01']);
		expect((await call(sandbox(), 'GET', '/notifications?accountIds=acc-other', { token: C.managerToken })).status).toBe(403);
	});
});

describe('paging', () => {
	it('pages sessions exactly as customers page: page, countPerPage, totals, simplifiedPaging, specificIds', async () => {
		sandbox().events.burst({ sessions: 30 });
		const p1 = await call(sandbox(), 'GET', '/sessions?countPerPage=10&page=1&sortField=dateCreated&sortOrder=Ascend');
		expect(p1.json).toMatchObject({ totalCount: 36, totalPages: 4, hasMorePages: true });
		expect(ids(p1)[0]).toBe('ses-000005');
		const simple = await call(sandbox(), 'GET', '/sessions?countPerPage=10&page=4&simplifiedPaging=true');
		expect(simple.json).toEqual({ items: [], totalCount: 0, totalPages: 0, hasMorePages: false });
		expect(ids(await call(sandbox(), 'GET', '/sessions?specificIds=ses-000007,ses-seed-01&sortField=id'))).toEqual(['ses-000007', 'ses-seed-01']);
		sandbox().setMaxCountPerPage(7);
		try {
			expect((await call(sandbox(), 'GET', '/sessions?countPerPage=10')).json.items).toHaveLength(7);
		} finally {
			sandbox().setMaxCountPerPage(undefined);
		}
	});

	it('newest first while new sessions arrive between pages: a later page repeats what was pushed down, nothing is lost', async () => {
		sandbox().events.burst({ sessions: 50 });
		const before = Object.keys(sandbox().state.sessions);
		const seen: string[] = [];
		for (let page = 0; ; page++) {
			const r = await call(sandbox(), 'GET', `/sessions?countPerPage=10&page=${page}&sortField=dateCreated&sortOrder=Descend`);
			if (!r.json.items.length) break;
			seen.push(...ids(r));
			sandbox().events.burst({ sessions: 3 }); // three newer ones push every older one down three places
		}
		expect(before).toHaveLength(56);
		for (const id of before) expect(seen).toContain(id);
		expect(seen.length).toBeGreaterThan(new Set(seen).size); // the repeats a trigger must de-duplicate
	});
});

describe('10 000 sessions', () => {
	let big: Sandbox;
	beforeAll(async () => {
		big = await startSandbox();
		big.setClock({ at: '2025-06-01T12:00:00.000Z', frozen: true });
		big.events.burst({ sessions: { count: 10_000, open: 500 }, notifications: 10_000, spacingMs: 10 });
	});
	afterAll(() => big.close());

	it('lists, filters by day and sorts them quickly', async () => {
		const started = performance.now();
		const page = await call(big, 'GET', '/sessions?countPerPage=100&page=50&sortField=dateLastModified&sortOrder=Descend');
		const day = await call(big, 'GET', '/notifications?startDate=2025-06-01&endDate=2025-06-01&countPerPage=1');
		expect(performance.now() - started).toBeLessThan(2000);
		expect(page.json.totalCount).toBe(10_006);
		expect(page.json.items).toHaveLength(100);
		expect(day.json.totalCount).toBe(10_000);
		expect(Object.values(big.state.sessions).filter((s) => !s.ended)).toHaveLength(501);
	});
});
