import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { defaultSeed, makeCustomers, startSandbox } from '../../sandbox';
import { C, call, until, useSandbox } from './helpers';

const sandbox = useSandbox();

describe('counters', () => {
	it('counts requests per route key, including 404s and 405s', async () => {
		await call(sandbox(), 'GET', '/customers');
		await call(sandbox(), 'GET', '/customers/cus-acme');
		await call(sandbox(), 'GET', '/customers/cus-bluebird');
		await call(sandbox(), 'PATCH', '/customers/cus-acme', { body: { name: 'A' } });
		await call(sandbox(), 'GET', '/nope');
		await call(sandbox(), 'PUT', '/accounts/acc-other');
		await call(sandbox(), 'GET', '/__sandbox/counters'); // control endpoints are not counted
		expect(sandbox().counters()).toEqual({
			total: 6,
			byRoute: {
				'GET /customers': 1, 'GET /customers/:id': 2, 'PATCH /customers/:id': 1,
				'GET <unmatched>': 1, 'PUT /accounts/:id': 1,
			},
			maxInFlight: 1, inFlight: 0, faults: {},
		});
		expect((await call(sandbox(), 'GET', '/__sandbox/counters', { token: null })).json.total).toBe(6);
	});

	it('maxInFlight records the most concurrent requests', async () => {
		sandbox().setFaults([{ route: 'GET /customers', latencyMs: 400 }]);
		const pending = Array.from({ length: 5 }, () => call(sandbox(), 'GET', '/customers'));
		await until(() => sandbox().counters().inFlight === 5);
		await Promise.all(pending);
		expect(sandbox().counters()).toMatchObject({ maxInFlight: 5, inFlight: 0, total: 5 });
	});

	it('reset clears counters, log and faults and restores the seed', async () => {
		sandbox().setFaults([{ route: 'GET /accounts', status: 500 }]);
		await call(sandbox(), 'PATCH', '/customers/cus-acme', { body: { name: 'Changed' } });
		await call(sandbox(), 'DELETE', '/customers/cus-bluebird');
		sandbox().reset();
		expect(sandbox().counters().total).toBe(0);
		expect(sandbox().log).toEqual([]);
		expect(sandbox().state.customers['cus-acme'].name).toBe('Acme Dental');
		expect(sandbox().state.customers['cus-bluebird']).toBeDefined();
		expect((await call(sandbox(), 'GET', '/accounts')).status).toBe(200);
	});

	it('reset(seed) and POST /__sandbox/reset with bulk customers', async () => {
		const seed = defaultSeed();
		seed.customers = seed.customers.filter((c) => c.accountId === 'acc-other');
		sandbox().reset(seed);
		expect(Object.keys(sandbox().state.customers)).toEqual(['cus-contoso-1']);
		const r = await call(sandbox(), 'POST', '/__sandbox/reset', { token: null, body: { bulkCustomers: { count: 30 } } });
		expect(r.json).toEqual({ ok: true, customers: 37 });
		const list = await call(sandbox(), 'GET', '/customers?nameFilter=bulk&countPerPage=10');
		expect(list.json).toMatchObject({ totalCount: 30, totalPages: 3 });
	});
});

describe('request log', () => {
	it('records each request with the Authorization value redacted to its scheme', async () => {
		await call(sandbox(), 'PATCH', '/customers/cus-acme?x=1&x=2', { body: { name: 'Logged' } });
		await call(sandbox(), 'GET', '/auth', { basic: C.manager });
		const [patch, auth] = sandbox().log;
		expect(patch).toMatchObject({
			method: 'PATCH', path: '/customers/cus-acme', route: 'PATCH /customers/:id', query: { x: ['1', '2'] },
			body: { name: 'Logged' }, status: 200, stateChanged: true,
		});
		expect(patch.headers.authorization).toBe('Bearer');
		expect(auth.headers.authorization).toBe('Basic');
		expect(typeof patch.startedAt).toBe('string');
		expect(patch.durationMs).toBeGreaterThanOrEqual(0);
		const text = JSON.stringify((await call(sandbox(), 'GET', '/__sandbox/log', { token: null })).json);
		expect(text).not.toContain(C.adminToken);
		expect(text).not.toContain(Buffer.from(`${C.manager.email}:${C.manager.password}`).toString('base64'));
	});

	it('keeps a malformed body as its raw string', async () => {
		await call(sandbox(), 'PATCH', '/customers/cus-acme', { rawBody: '{"name":' });
		expect(sandbox().log[0]).toMatchObject({ body: '{"name":', status: 400, stateChanged: false });
	});

	it('is a bounded ring: only the newest logLimit entries, oldest first', async () => {
		const own = await startSandbox({ logLimit: 5 });
		try {
			for (let i = 0; i < 12; i++) await call(own, 'GET', `/customers?page=${i}`);
			expect(own.log.map((e) => e.query.page)).toEqual(['7', '8', '9', '10', '11']);
			expect(own.counters().total).toBe(12);
			const limited = await call(own, 'GET', '/__sandbox/log?limit=2', { token: null });
			expect(limited.json.entries.map((e: { query: { page: string } }) => e.query.page)).toEqual(['10', '11']);
		} finally {
			await own.close();
		}
	});

	it('GET /__sandbox/state shows live state without secrets', async () => {
		await call(sandbox(), 'PATCH', '/customers/cus-acme', { body: { name: 'Live' } });
		const r = await call(sandbox(), 'GET', '/__sandbox/state', { token: null });
		expect(r.json.customers['cus-acme'].name).toBe('Live');
		expect(r.json.users[0]).toMatchObject({ id: 'usr-admin', hasPassword: true, hasToken: true });
		expect(r.json.users[0].token).toBeUndefined();
		expect((await call(sandbox(), 'GET', '/__sandbox/nope', { token: null })).status).toBe(404);
	});
});

describe('state file', () => {
	let dir: string;
	beforeEach(() => {
		dir = mkdtempSync(join(tmpdir(), 'evo-sandbox-'));
	});
	afterEach(() => rmSync(dir, { recursive: true, force: true }));

	it('saves after writes (debounced) and at close, and loads at the next start', async () => {
		const file = join(dir, 'state.json');
		const first = await startSandbox({ stateFile: file });
		await call(first, 'PATCH', '/customers/cus-acme', { body: { name: 'Persisted', tagIds: [] } });
		for (let i = 0; i < 50 && !existsSync(file); i++) await new Promise((r) => setTimeout(r, 20));
		expect(JSON.parse(readFileSync(file, 'utf8')).customers['cus-acme'].name).toBe('Persisted');
		const created = await call(first, 'POST', '/customers', { body: { accountId: 'acc-reseller', name: 'Saved At Close' } });
		await first.close();
		const second = await startSandbox({ stateFile: file });
		try {
			expect(second.state.customers['cus-acme']).toMatchObject({ name: 'Persisted', tags: [] });
			expect(second.state.customers[created.json.id].name).toBe('Saved At Close');
			expect((await call(second, 'GET', '/customers/cus-acme')).json.name).toBe('Persisted');
			// IDs keep counting from where the first run stopped.
			const next = await call(second, 'POST', '/customers', { body: { accountId: 'acc-reseller', name: 'Next' } });
			expect(next.json.id).not.toBe(created.json.id);
		} finally {
			await second.close();
		}
	});

	it('starts from the seed when the file does not exist yet', async () => {
		const seed = defaultSeed();
		seed.customers.push(...makeCustomers(3, 'acc-reseller'));
		const sb = await startSandbox({ stateFile: join(dir, 'fresh.json'), seed });
		try {
			expect(sb.state.customers['cus-bulk-00003'].referenceId).toBe('crm-bulk-00003');
		} finally {
			await sb.close();
		}
		expect(existsSync(join(dir, 'fresh.json'))).toBe(true);
	});
});

describe('helpers', () => {
	it('defaultSeed returns a fresh deep copy each call', () => {
		const a = defaultSeed();
		a.customers[0].name = 'mutated';
		expect(defaultSeed().customers[0].name).toBe('Acme Dental');
	});

	it('makeCustomers numbers IDs and reference IDs from 00001', () => {
		const list = makeCustomers(12, 'acc-other');
		expect(list[0]).toMatchObject({ id: 'cus-bulk-00001', referenceId: 'crm-bulk-00001', accountId: 'acc-other' });
		expect(list[11].id).toBe('cus-bulk-00012');
	});

	it('the seed has the IDs the brief promises', () => {
		const seed = defaultSeed();
		expect(seed.customers.map((c) => c.id)).toEqual(
			expect.arrayContaining(['cus-acme', 'cus-acme-north', 'cus-acme-south', 'cus-bluebird', 'cus-contoso-1']),
		);
		expect(seed.customers.filter((c) => c.referenceId === 'crm-dup')).toHaveLength(2);
		const acme = seed.customers[0];
		expect(Object.keys(acme.billingSettings!)).toHaveLength(9);
		expect(acme.schedule!.rules!.map((r) => r.frequency)).toEqual(expect.arrayContaining(['Weekly', 'Yearly']));
	});
});

describe('live state', () => {
	it('can be read and edited directly by tests, and the API sees the edits', async () => {
		const state = sandbox().state;
		state.customers['cus-direct'] = { id: 'cus-direct', accountId: 'acc-reseller', name: 'Direct Insert', tags: [] };
		delete state.customers['cus-cedar-2'];
		expect('cus-direct' in state.customers).toBe(true);
		const list = await call(sandbox(), 'GET', '/customers?nameFilter=e&all=true');
		const names = list.json.items.map((c: { name: string }) => c.name);
		expect(names).toContain('Direct Insert');
		expect(names).not.toContain('Cedar Family Practice (old)');
		expect(Object.keys(state.customers)).toHaveLength(7);
		expect(JSON.parse(JSON.stringify(state.customers))['cus-direct'].name).toBe('Direct Insert');
		expect({ ...state.customers }['cus-acme'].name).toBe('Acme Dental');
	});
});
