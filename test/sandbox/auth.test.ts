import { C, call, useSandbox } from './helpers';

const sandbox = useSandbox();
const UNAUTHORIZED = { responseStatus: { errorCode: 'Unauthorized', message: 'Not Authenticated' } };
const FORBIDDEN = { responseStatus: { errorCode: 'Forbidden', message: 'Invalid Role' } };

describe('authentication', () => {
	it('accepts a bearer token', async () => {
		const r = await call(sandbox(), 'GET', '/accounts?countPerPage=1');
		expect(r.status).toBe(200);
		expect(r.json.totalCount).toBe(2);
	});

	it('accepts Basic email:password for both seeded logins', async () => {
		const admin = await call(sandbox(), 'GET', '/auth', { basic: C.admin });
		expect(admin.status).toBe(200);
		expect(admin.json).toEqual({ userId: 'usr-admin', userName: C.admin.email, displayName: 'Sandbox Admin', roles: ['SystemAdministrator'] });
		const manager = await call(sandbox(), 'GET', '/auth', { basic: { email: C.manager.email.toUpperCase(), password: C.manager.password } });
		expect(manager.status).toBe(200);
		expect(manager.json.roles).toEqual(['Manager']);
	});

	it.each([
		['missing', { token: null }],
		['a wrong token', { token: 'nope' }],
		['a wrong password', { basic: { email: C.admin.email, password: 'wrong' } }],
		['an unknown scheme', { authorization: `Token ${C.adminToken}` }],
		['a scheme without credentials', { authorization: 'Bearer' }],
	])('answers 401 in the ServiceStack shape for %s credentials', async (_label, opts) => {
		const r = await call(sandbox(), 'GET', '/customers', opts);
		expect(r.status).toBe(401);
		expect(r.json).toEqual(UNAUTHORIZED);
	});

	it('GET /auth/status needs no login and says isAuthenticated:false for bad credentials', async () => {
		for (const opts of [{ token: null }, { token: 'wrong' }]) {
			const r = await call(sandbox(), 'GET', '/auth/status', opts);
			expect(r.status).toBe(200);
			expect(r.json).toEqual({ isAuthenticated: false, accountIds: [], accountNames: [] });
		}
	});

	it('GET /auth/status lists reachable accounts with names at the same index', async () => {
		const admin = await call(sandbox(), 'GET', '/auth/status');
		expect(admin.json).toMatchObject({ isAuthenticated: true, displayName: 'Sandbox Admin', roles: ['SystemAdministrator'] });
		expect(admin.json.accountIds).toEqual(['acc-reseller', 'acc-other']);
		expect(admin.json.accountNames).toEqual(['Northwind Telecom', 'Contoso Voice']);
		const manager = await call(sandbox(), 'GET', '/auth/status', { token: C.managerToken });
		expect(manager.json.accountIds).toEqual(['acc-reseller']);
		expect(manager.json.accountNames).toEqual(['Northwind Telecom']);
	});

	it('GET /auth answers 401 without valid credentials', async () => {
		const r = await call(sandbox(), 'GET', '/auth', { token: null });
		expect(r.status).toBe(401);
		expect(r.json).toEqual(UNAUTHORIZED);
	});

	it('never echoes a token or a password in a response body', async () => {
		const bodies = [
			await call(sandbox(), 'GET', '/auth'),
			await call(sandbox(), 'GET', '/auth', { basic: C.manager }),
			await call(sandbox(), 'GET', '/auth/status', { token: C.customerToken }),
			await call(sandbox(), 'GET', '/__sandbox/state', { token: null }),
		].map((r) => r.text);
		for (const secret of [C.adminToken, C.managerToken, C.customerToken, C.admin.password, C.manager.password]) {
			for (const text of bodies) expect(text).not.toContain(secret);
		}
	});
});

describe('roles and reach', () => {
	it('a Manager may not PATCH an account: 403 Invalid Role, and nothing changes', async () => {
		const r = await call(sandbox(), 'PATCH', '/accounts/acc-reseller', { token: C.managerToken, body: { name: 'Hijacked' } });
		expect(r.status).toBe(403);
		expect(r.json).toEqual(FORBIDDEN);
		expect(sandbox().state.accounts['acc-reseller'].name).toBe('Northwind Telecom');
		const basic = await call(sandbox(), 'PATCH', '/accounts/no-such-account', { basic: C.manager, body: {} });
		expect(basic.status).toBe(403);
	});

	it('a Manager reaches its own account but not acc-other or its customers', async () => {
		const m = { token: C.managerToken };
		expect((await call(sandbox(), 'GET', '/accounts/acc-reseller', m)).status).toBe(200);
		expect((await call(sandbox(), 'GET', '/accounts/acc-other', m)).json).toEqual(FORBIDDEN);
		expect((await call(sandbox(), 'GET', '/customers/cus-contoso-1', m)).status).toBe(403);
		expect((await call(sandbox(), 'PATCH', '/customers/cus-contoso-1', { ...m, body: { name: 'x' } })).status).toBe(403);
		expect((await call(sandbox(), 'DELETE', '/customers/cus-contoso-1', m)).status).toBe(403);
		expect((await call(sandbox(), 'GET', '/customers?accountIds=acc-other', m)).status).toBe(403);
		expect((await call(sandbox(), 'GET', '/system/settings?accountId=acc-other', m)).status).toBe(403);
		const list = await call(sandbox(), 'GET', '/customers?all=true', m);
		expect(list.json.items.map((c: { accountId: string }) => c.accountId)).not.toContain('acc-other');
		const accounts = await call(sandbox(), 'GET', '/accounts', m);
		expect(accounts.json.items.map((a: { id: string }) => a.id)).toEqual(['acc-reseller']);
		expect(sandbox().state.customers['cus-contoso-1'].name).toBe('Fabrikam Law');
	});

	it('a Manager may PATCH customers of its account', async () => {
		const r = await call(sandbox(), 'PATCH', '/customers/cus-bluebird', { token: C.managerToken, body: { referenceId: 'crm-2001b' } });
		expect(r.status).toBe(200);
		expect(r.json.lastModifiedBy).toBe(C.manager.email);
	});

	it('a Customer-role login is confined to its own customer subtree', async () => {
		const c = { token: C.customerToken };
		const list = await call(sandbox(), 'GET', '/customers?all=true', c);
		expect(list.json.items.map((x: { id: string }) => x.id).sort()).toEqual(['cus-acme', 'cus-acme-north', 'cus-acme-south']);
		expect((await call(sandbox(), 'GET', '/customers/cus-acme-north', c)).status).toBe(200);
		expect((await call(sandbox(), 'PATCH', '/customers/cus-acme-south', { ...c, body: { name: 'South Clinic' } })).status).toBe(200);
		expect((await call(sandbox(), 'GET', '/customers/cus-bluebird', c)).json).toEqual(FORBIDDEN);
		expect((await call(sandbox(), 'PATCH', '/customers/cus-bluebird', { ...c, body: { name: 'x' } })).status).toBe(403);
		expect((await call(sandbox(), 'GET', '/customers/cus-contoso-1', c)).status).toBe(403);
		// It may not move its own root, move a descendant out, create outside, or delete its root.
		expect((await call(sandbox(), 'PATCH', '/customers/cus-acme', { ...c, body: { parentCustomerId: 'cus-bluebird' } })).status).toBe(403);
		expect((await call(sandbox(), 'PATCH', '/customers/cus-acme-north', { ...c, body: { parentCustomerId: 'cus-bluebird' } })).status).toBe(403);
		expect((await call(sandbox(), 'POST', '/customers', { ...c, body: { accountId: 'acc-reseller', name: 'Top level' } })).status).toBe(403);
		expect((await call(sandbox(), 'DELETE', '/customers/cus-acme', c)).status).toBe(403);
		const child = await call(sandbox(), 'POST', '/customers', { ...c, body: { accountId: 'acc-reseller', name: 'Acme East', parentCustomerId: 'cus-acme' } });
		expect(child.status).toBe(200);
		expect(sandbox().state.customers['cus-bluebird'].name).toBe('Bluebird Plumbing');
	});

	it('existence is checked before reach: a missing customer is 404 for everyone', async () => {
		const r = await call(sandbox(), 'GET', '/customers/cus-missing', { token: C.customerToken });
		expect(r.status).toBe(404);
	});
});
