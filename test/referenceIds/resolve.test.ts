// Reference ID resolution against 5,000 customers in the sandbox: scans, the cache, moved and duplicated IDs, account scopes.
import { defaultSeed, makeCustomers, type Sandbox } from '../../sandbox';
import { ReferenceCache } from '../../nodes/EvoVoice/referenceIds/cache';
import {
	requestKey,
	resolveReferences,
	type ReferenceIO,
	type ReferenceRequest,
} from '../../nodes/EvoVoice/referenceIds/resolve';
import { call, useSandbox } from '../sandbox/helpers';

const seed = defaultSeed();
seed.customers.push(...makeCustomers(5_000, 'acc-reseller'));
const sandbox = useSandbox({ seed });

/** The resolver's requests as real HTTP against the sandbox. */
function sandboxIO(sb: Sandbox, token?: string): ReferenceIO {
	return {
		async getCustomer(id) {
			const reply = await call(sb, 'GET', `/customers/${encodeURIComponent(id)}`, { token });
			if (reply.status === 404 || reply.status === 403) return undefined;
			if (reply.status !== 200) throw new Error(`GET ${id}: ${reply.status}`);
			return reply.json;
		},
		async listCustomers({ page, countPerPage, accountIds }) {
			const qs = new URLSearchParams({ page: String(page), countPerPage: String(countPerPage) });
			for (const id of accountIds ?? []) qs.append('accountIds', id);
			const reply = await call(sb, 'GET', `/customers?${qs}`, { token });
			if (reply.status !== 200) throw new Error(`list: ${reply.status}`);
			return reply.json;
		},
	};
}

const total = (sb: Sandbox) => sb.counters().total;
const pages = (sb: Sandbox) => sb.counters().byRoute['GET /customers'] ?? 0;
const CUSTOMERS = 5_000 + defaultSeed().customers.length;
const FULL_SCAN = Math.ceil(CUSTOMERS / 100);

async function resolve(sb: Sandbox, requests: ReferenceRequest[], cache?: ReferenceCache) {
	const answers = await resolveReferences(requests, sandboxIO(sb), { cache });
	return requests.map((request) => answers.get(requestKey(request)));
}

describe('reference ID resolution against 5,000 customers', () => {
	it('first look-up scans once, warms the cache for every customer, and later ones cost one read', async () => {
		const sb = sandbox();
		const cache = new ReferenceCache({}, { namespace: 'cred' });
		const [first] = await resolve(sb, [{ referenceId: 'crm-bulk-04321' }], cache);
		expect(first).toMatchObject({ status: 'found', customerId: 'cus-bulk-04321', via: 'scan' });
		expect(pages(sb)).toBe(FULL_SCAN);
		expect(total(sb)).toBe(FULL_SCAN);
		expect(cache.size).toBe(CUSTOMERS - 2); // crm-dup is held by two and is not cached

		sb.reset();
		const [again, other] = await resolve(sb, [{ referenceId: 'crm-bulk-04321' }, { referenceId: 'crm-bulk-00007' }], cache);
		expect(again).toMatchObject({ status: 'found', customerId: 'cus-bulk-04321', via: 'cache' });
		expect(again?.status === 'found' && again.customer?.name).toBe('Bulk Customer 04321');
		expect(other).toMatchObject({ status: 'found', customerId: 'cus-bulk-00007', via: 'cache' });
		expect(sb.counters().byRoute).toEqual({ 'GET /customers/:id': 2 });
	});

	it('looks afresh when the reference ID moved, and finds the new holder, not the old', async () => {
		const sb = sandbox();
		const cache = new ReferenceCache({}, { namespace: 'cred' });
		await resolve(sb, [{ referenceId: 'crm-bulk-00100' }], cache);
		sb.state.customers['cus-bulk-00100'] = { ...sb.state.customers['cus-bulk-00100'], referenceId: 'crm-retired' };
		sb.state.customers['cus-bulk-00200'] = { ...sb.state.customers['cus-bulk-00200'], referenceId: 'crm-bulk-00100' };
		const before = total(sb);
		const [moved] = await resolve(sb, [{ referenceId: 'crm-bulk-00100' }], cache);
		expect(moved).toMatchObject({ status: 'found', customerId: 'cus-bulk-00200', via: 'scan' });
		expect(total(sb) - before).toBe(1 + FULL_SCAN);
		expect(cache.get('crm-bulk-00100')?.customerId).toBe('cus-bulk-00200');
	});

	it('a customer that moves to a later page while the scan reads counts once, not as two holders', async () => {
		const sb = sandbox();
		const io = sandboxIO(sb);
		// A write from elsewhere renames the customer after page 0 was read: the list is sorted by
		// name, so it shows up again on the last page.
		const moving: ReferenceIO = {
			...io,
			async listCustomers(query) {
				const result = await io.listCustomers(query);
				if (query.page === 0) sb.state.customers['cus-bulk-00050'] = { ...sb.state.customers['cus-bulk-00050'], name: 'Zz Renamed' };
				return result;
			},
		};
		const answers = await resolveReferences([{ referenceId: 'crm-bulk-00050' }], moving, {});
		expect(answers.get(requestKey({ referenceId: 'crm-bulk-00050' }))).toMatchObject({ status: 'found', customerId: 'cus-bulk-00050' });
	});

	it('looks afresh when the cached customer is gone (404)', async () => {
		const sb = sandbox();
		const cache = new ReferenceCache({}, { namespace: 'cred' });
		cache.set('crm-2001', undefined, 'cus-deleted');
		const [answer] = await resolve(sb, [{ referenceId: 'crm-2001' }], cache);
		expect(answer).toMatchObject({ status: 'found', customerId: 'cus-bluebird', via: 'scan' });
		expect(sb.log.filter((e) => e.route === 'GET /customers/:id').map((e) => e.status)).toEqual([404]);
	});

	it('names every holder of a reference ID held by several, and stops reading once it knows', async () => {
		const sb = sandbox();
		const cache = new ReferenceCache({}, { namespace: 'cred' });
		const [dup] = await resolve(sb, [{ referenceId: 'crm-dup' }], cache);
		expect(dup).toEqual({
			status: 'several',
			customers: [
				{ id: 'cus-cedar-1', name: 'Cedar Family Practice', dateCreated: '2023-06-01T12:00:00.000Z' },
				{ id: 'cus-cedar-2', name: 'Cedar Family Practice (old)', dateCreated: '2023-06-01T12:00:00.000Z' },
			],
		});
		expect(cache.get('crm-dup')).toBeUndefined();
		// Listed by name, Bulk Customer 00001 and 00150 are on pages 1 and 2: the scan stops there.
		for (const id of ['cus-bulk-00001', 'cus-bulk-00150']) sb.state.customers[id] = { ...sb.state.customers[id], referenceId: 'crm-twice' };
		const before = pages(sb);
		const [twice] = await resolve(sb, [{ referenceId: 'crm-twice' }], cache);
		expect(twice).toMatchObject({ status: 'several', customers: [{ id: 'cus-bulk-00001' }, { id: 'cus-bulk-00150' }] });
		expect(pages(sb) - before).toBe(2);
	});

	it('never serves a cached customer once a scan has seen its reference ID held twice', async () => {
		const sb = sandbox();
		const cache = new ReferenceCache({}, { namespace: 'cred' });
		await resolve(sb, [{ referenceId: 'crm-bulk-00001' }], cache);
		sb.state.customers['cus-bulk-00002'] = { ...sb.state.customers['cus-bulk-00002'], referenceId: 'crm-bulk-00001' };
		// Another reference ID's scan passes by the duplicate and forgets the cached mapping.
		await resolve(sb, [{ referenceId: 'crm-nobody' }], cache);
		expect(cache.get('crm-bulk-00001')).toBeUndefined();
		const [answer] = await resolve(sb, [{ referenceId: 'crm-bulk-00001' }], cache);
		expect(answer).toMatchObject({ status: 'several' });
	});

	it('trusts a verified customer for the window the README states, then a fresh scan finds the duplicate', async () => {
		const sb = sandbox();
		const time = { now: Date.parse('2026-12-01T00:00:00Z') };
		const now = () => time.now;
		const cache = new ReferenceCache({}, { namespace: 'cred', maxAgeMs: 24 * 3_600_000, now });
		const io = sandboxIO(sb);
		await resolveReferences([{ referenceId: 'crm-bulk-00300' }], io, { cache, now });
		sb.state.customers['cus-bulk-00301'] = { ...sb.state.customers['cus-bulk-00301'], referenceId: 'crm-bulk-00300' };
		// Within the window: the remembered customer still holds the ID, so it is used (2 requests with the write).
		time.now += 23 * 3_600_000;
		const within = await resolveReferences([{ referenceId: 'crm-bulk-00300' }], io, { cache, now });
		expect(within.get(requestKey({ referenceId: 'crm-bulk-00300' }))).toMatchObject({ status: 'found', customerId: 'cus-bulk-00300', via: 'cache' });
		// Past it: a full scan, which sees both holders.
		time.now += 2 * 3_600_000;
		const after = await resolveReferences([{ referenceId: 'crm-bulk-00300' }], io, { cache, now });
		expect(after.get(requestKey({ referenceId: 'crm-bulk-00300' }))).toMatchObject({
			status: 'several',
			customers: [{ id: 'cus-bulk-00300' }, { id: 'cus-bulk-00301' }],
		});
	});

	it('answers none, and resolves many reference IDs of a run with one scan', async () => {
		const sb = sandbox();
		const requests = [{ referenceId: 'crm-nobody' }, { referenceId: 'crm-1001' }, { referenceId: 'crm-bulk-05000' }, { referenceId: 'crm-1001' }];
		const answers = await resolve(sb, requests);
		expect(answers.map((a) => a?.status)).toEqual(['none', 'found', 'found', 'found']);
		expect(total(sb)).toBe(FULL_SCAN);
	});

	it('scopes a look-up to accounts, and does not serve a cached customer outside them', async () => {
		const sb = sandbox();
		sb.state.customers['cus-contoso-1'] = { ...sb.state.customers['cus-contoso-1'], referenceId: 'crm-1001' };
		const cache = new ReferenceCache({}, { namespace: 'cred' });
		const [unscoped, other, reseller] = await resolve(
			sb,
			[{ referenceId: 'crm-1001' }, { referenceId: 'crm-1001', accountIds: ['acc-other'] }, { referenceId: 'crm-1001', accountIds: ['acc-reseller'] }],
			cache,
		);
		expect(unscoped).toMatchObject({ status: 'several' });
		expect(other).toMatchObject({ status: 'found', customerId: 'cus-contoso-1' });
		expect(reseller).toMatchObject({ status: 'found', customerId: 'cus-acme' });
		const scopedPages = sb.log.filter((e) => e.route === 'GET /customers' && e.query.accountIds === 'acc-other');
		expect(scopedPages).toHaveLength(1);

		// A cached entry pointing outside the scope is not used.
		cache.set('crm-2001', ['acc-other'], 'cus-bluebird');
		const [outside] = await resolve(sb, [{ referenceId: 'crm-2001', accountIds: ['acc-other'] }], cache);
		expect(outside).toEqual({ status: 'none' });
	});

	it('reports a failed read for the reference IDs it concerns only', async () => {
		const sb = sandbox();
		const cache = new ReferenceCache({}, { namespace: 'cred' });
		cache.set('crm-1001', undefined, 'cus-acme');
		sb.setFaults([{ route: 'GET /customers', status: 500 }]);
		const [cached, fresh] = await resolve(sb, [{ referenceId: 'crm-1001' }, { referenceId: 'crm-2001' }], cache);
		expect(cached).toMatchObject({ status: 'found', via: 'cache' });
		expect(fresh).toMatchObject({ status: 'failed' });
	});
});

