import { makeCustomers, startSandbox, defaultSeed, type Sandbox } from '../../sandbox';
import { call, useSandbox } from './helpers';

const sandbox = useSandbox();
const ids = (r: { json: { items: { id: string }[] } }) => r.json.items.map((c) => c.id);

describe('GET /customers filters', () => {
	it('lists every reachable customer, sorted by name, with totals', async () => {
		const r = await call(sandbox(), 'GET', '/customers');
		expect(r.status).toBe(200);
		expect(r.json).toMatchObject({ totalCount: 7, totalPages: 1, hasMorePages: false });
		expect(r.json.items.map((c: { name: string }) => c.name)).toEqual([
			'Acme Dental', 'Acme Dental North', 'Acme Dental South', 'Bluebird Plumbing',
			'Cedar Family Practice', 'Cedar Family Practice (old)', 'Fabrikam Law',
		]);
	});

	it('filters by accountIds, repeated or comma-separated', async () => {
		expect(ids(await call(sandbox(), 'GET', '/customers?accountIds=acc-other'))).toEqual(['cus-contoso-1']);
		const both = await call(sandbox(), 'GET', '/customers?accountIds=acc-other&accountIds=acc-reseller');
		expect(both.json.totalCount).toBe(7);
		expect((await call(sandbox(), 'GET', '/customers?accountIds=acc-other,acc-reseller')).json.totalCount).toBe(7);
	});

	it('nameFilter is a case-insensitive contains', async () => {
		expect(ids(await call(sandbox(), 'GET', '/customers?nameFilter=DENTAL%20s'))).toEqual(['cus-acme-south']);
	});

	it('parentCustomerIds returns descendants; shallowParent only direct children', async () => {
		await call(sandbox(), 'POST', '/customers', { body: { accountId: 'acc-reseller', name: 'Acme North Annex', parentCustomerId: 'cus-acme-north' } });
		const deep = await call(sandbox(), 'GET', '/customers?parentCustomerIds=cus-acme');
		expect(deep.json.items.map((c: { name: string }) => c.name)).toEqual(['Acme Dental North', 'Acme Dental South', 'Acme North Annex']);
		const shallow = await call(sandbox(), 'GET', '/customers?parentCustomerIds=cus-acme&shallowParent=true');
		expect(ids(shallow)).toEqual(['cus-acme-north', 'cus-acme-south']);
	});

	it('tagIds requires every tag', async () => {
		expect(ids(await call(sandbox(), 'GET', '/customers?tagIds=tag-churn-risk'))).toEqual(['cus-bluebird', 'cus-cedar-2']);
		expect(ids(await call(sandbox(), 'GET', '/customers?tagIds=tag-churn-risk&tagIds=tag-wholesale'))).toEqual(['cus-bluebird']);
	});

	it('has no referenceId filter: the parameter is ignored, as ServiceStack ignores unknown ones', async () => {
		const r = await call(sandbox(), 'GET', '/customers?referenceId=crm-dup');
		expect(r.json.totalCount).toBe(7);
		const dup = Object.values(sandbox().state.customers).filter((c) => c.referenceId === 'crm-dup');
		expect(dup.map((c) => c.id).sort()).toEqual(['cus-cedar-1', 'cus-cedar-2']);
	});

	it('rejects a non-boolean shallowParent with a field error', async () => {
		const r = await call(sandbox(), 'GET', '/customers?shallowParent=maybe');
		expect(r.status).toBe(400);
		expect(r.json.responseStatus.errors[0].fieldName).toBe('shallowParent');
	});
});

describe('GET /customers paging', () => {
	let big: Sandbox;
	beforeAll(async () => {
		const seed = defaultSeed();
		seed.customers.push(...makeCustomers(60, 'acc-reseller'));
		big = await startSandbox({ seed });
	});
	afterAll(() => big.close());
	const bulk = '/customers?nameFilter=bulk';

	it('pages with page (0-based), countPerPage, totals and hasMorePages', async () => {
		const p0 = await call(big, 'GET', `${bulk}&countPerPage=25`);
		expect(p0.json).toMatchObject({ totalCount: 60, totalPages: 3, hasMorePages: true });
		expect(p0.json.items).toHaveLength(25);
		expect(p0.json.items[0].id).toBe('cus-bulk-00001');
		const p2 = await call(big, 'GET', `${bulk}&countPerPage=25&page=2`);
		expect(p2.json).toMatchObject({ totalCount: 60, totalPages: 3, hasMorePages: false });
		expect(ids(p2)).toEqual(makeCustomers(60, 'x').slice(50).map((c) => c.id));
		expect((await call(big, 'GET', `${bulk}&page=9`)).json.items).toEqual([]);
	});

	it('a server-side page cap gives fewer records than asked, with totals that say so', async () => {
		big.setMaxCountPerPage(20);
		try {
			const p0 = await call(big, 'GET', `${bulk}&countPerPage=100`);
			expect(p0.json.items).toHaveLength(20);
			expect(p0.json).toMatchObject({ totalCount: 60, totalPages: 3, hasMorePages: true });
			const set = await call(big, 'PUT', '/__sandbox/paging', { body: { maxCountPerPage: 50 } });
			expect(set.json).toEqual({ maxCountPerPage: 50 });
			expect((await call(big, 'GET', `${bulk}&countPerPage=100`)).json.items).toHaveLength(50);
			expect((await call(big, 'PUT', '/__sandbox/paging', { body: { maxCountPerPage: 0 } })).status).toBe(400);
		} finally {
			big.setMaxCountPerPage(undefined);
		}
		expect((await call(big, 'GET', `${bulk}&countPerPage=100`)).json.items).toHaveLength(60);
	});

	it('defaults to 25 per page', async () => {
		expect((await call(big, 'GET', bulk)).json.items).toHaveLength(25);
	});

	it('all=true returns everything in one page', async () => {
		const r = await call(big, 'GET', `${bulk}&all=true&countPerPage=5`);
		expect(r.json).toMatchObject({ totalCount: 60, totalPages: 1, hasMorePages: false });
		expect(r.json.items).toHaveLength(60);
	});

	it('simplifiedPaging sends no totals, so a client must stop on an empty page', async () => {
		const seen: string[] = [];
		for (let page = 0; page < 10; page++) {
			const r = await call(big, 'GET', `${bulk}&simplifiedPaging=true&countPerPage=25&page=${page}`);
			expect(r.json).toMatchObject({ totalCount: 0, totalPages: 0, hasMorePages: false });
			if (!r.json.items.length) break;
			seen.push(...ids(r));
		}
		expect(seen).toHaveLength(60);
	});

	it('sorts by sortField and sortOrder; specificIds narrows', async () => {
		const desc = await call(big, 'GET', `${bulk}&sortField=referenceId&sortOrder=Descend&countPerPage=2`);
		expect(ids(desc)).toEqual(['cus-bulk-00060', 'cus-bulk-00059']);
		const byDate = await call(big, 'GET', '/customers?sortField=dateCreated&countPerPage=1');
		expect(ids(byDate)).toEqual(['cus-acme']);
		const some = await call(big, 'GET', '/customers?specificIds=cus-bulk-00007,cus-acme&specificIds=cus-missing');
		expect(ids(some)).toEqual(['cus-acme', 'cus-bulk-00007']);
		expect((await call(big, 'GET', '/customers?sortOrder=Sideways')).status).toBe(400);
		expect((await call(big, 'GET', '/customers?countPerPage=0')).status).toBe(400);
	});
});

describe('customer CRUD', () => {
	it('GET /customers/{id} returns CustomerInfo with tags as objects, breadcrumb and accountName', async () => {
		const r = await call(sandbox(), 'GET', '/customers/cus-acme-north');
		expect(r.status).toBe(200);
		expect(r.json).toMatchObject({
			id: 'cus-acme-north', accountId: 'acc-reseller', accountName: 'Northwind Telecom', parentCustomerId: 'cus-acme',
			referenceId: 'crm-1002', breadcrumb: [{ id: 'cus-acme', name: 'Acme Dental' }, { id: 'cus-acme-north', name: 'Acme Dental North' }],
		});
		const acme = await call(sandbox(), 'GET', '/customers/cus-acme');
		expect(acme.json.tags).toEqual([{ id: 'tag-vip', name: 'VIP', color: 'Gold' }, { id: 'tag-new', name: 'New', color: 'Green' }]);
	});

	it('URL-decodes path IDs once', async () => {
		expect((await call(sandbox(), 'GET', '/customers/cus%2Dacme')).json.id).toBe('cus-acme');
		const r = await call(sandbox(), 'GET', '/customers/cus%252Dacme');
		expect(r.status).toBe(404);
		expect(r.json.responseStatus.message).toBe('Customer `cus%2Dacme` not found');
	});

	it('answers 404 in the ServiceStack shape for a missing customer', async () => {
		const r = await call(sandbox(), 'GET', '/customers/cus-nope');
		expect(r.json).toEqual({ responseStatus: { errorCode: 'NotFound', message: 'Customer `cus-nope` not found' } });
		expect((await call(sandbox(), 'PATCH', '/customers/cus-nope', { body: {} })).status).toBe(404);
		expect((await call(sandbox(), 'DELETE', '/customers/cus-nope')).status).toBe(404);
	});

	it('POST /customers creates a customer and returns it', async () => {
		const r = await call(sandbox(), 'POST', '/customers', {
			body: { accountId: 'acc-reseller', name: 'Delta Dental', parentCustomerId: 'cus-acme', referenceId: 'crm-3001', data: { Plan: { stringValue: 'Pro' } }, tagIds: ['tag-new'] },
		});
		expect(r.status).toBe(200);
		expect(r.json).toMatchObject({
			accountId: 'acc-reseller', name: 'Delta Dental', parentCustomerId: 'cus-acme', referenceId: 'crm-3001',
			data: { Plan: { stringValue: 'Pro' } }, tags: [{ id: 'tag-new', name: 'New', color: 'Green' }], createdBy: 'admin@sandbox.evovoice.test',
		});
		expect(sandbox().state.customers[r.json.id].name).toBe('Delta Dental');
		expect((await call(sandbox(), 'GET', `/customers/${r.json.id}`)).json.name).toBe('Delta Dental');
	});

	it('POST /customers requires accountId and name', async () => {
		const noAccount = await call(sandbox(), 'POST', '/customers', { body: { name: 'X' } });
		expect(noAccount.status).toBe(400);
		expect(noAccount.json.responseStatus.errors[0]).toMatchObject({ errorCode: 'NotEmpty', fieldName: 'accountId' });
		const noName = await call(sandbox(), 'POST', '/customers', { body: { accountId: 'acc-reseller' } });
		expect(noName.json.responseStatus.errors[0].fieldName).toBe('name');
		expect((await call(sandbox(), 'POST', '/customers', { body: { accountId: 'acc-nope', name: 'X' } })).status).toBe(404);
	});

	it('DELETE /customers/{id} answers 204 with an empty body; a parent with children is 409', async () => {
		const r = await call(sandbox(), 'DELETE', '/customers/cus-bluebird');
		expect(r.status).toBe(204);
		expect(r.text).toBe('');
		expect(sandbox().state.customers['cus-bluebird']).toBeUndefined();
		expect((await call(sandbox(), 'GET', '/customers/cus-bluebird')).status).toBe(404);
		const parent = await call(sandbox(), 'DELETE', '/customers/cus-acme');
		expect(parent.status).toBe(409);
		expect(parent.json.responseStatus.errorCode).toBe('Conflict');
	});
});

describe('POST /customers/{id}/test-schedule', () => {
	const at = (dateTime: string, id = 'cus-acme', schedule?: unknown) =>
		call(sandbox(), 'POST', `/customers/${id}/test-schedule`, { body: { dateTime, schedule } });

	it.each([
		['2024-07-01T10:00:00', 'Business Hours'], // Monday
		['2024-07-01T07:59:59', 'After Hours'],
		['2024-07-01T17:30:00', 'After Hours'], // end time is exclusive
		['2024-07-06T10:00:00', 'After Hours'], // Saturday
		['2024-07-26T16:00:00', 'Closed For Meeting'], // last Friday of July beats business hours
		['2024-07-19T16:00:00', 'Business Hours'], // not the last Friday
		['2024-12-25T10:00:00', 'Holiday'], // a Wednesday, but the holiday has the highest priority
		['2024-07-01T14:00:00Z', 'Business Hours'], // 10:00 in New York
		['2024-07-01T02:00:00Z', 'After Hours'], // 22:00 the day before
	])('stored schedule at %s is %s', async (dateTime, stateName) => {
		const r = await at(dateTime);
		expect(r.status).toBe(200);
		expect(r.json).toEqual({ stateName, timeZoneId: 'America/New_York' });
	});

	it('follows inherit: true to the parent schedule', async () => {
		expect((await at('2024-07-01T10:00:00', 'cus-acme-north')).json).toEqual({ stateName: 'Business Hours', timeZoneId: 'America/New_York' });
	});

	it('dry-runs a schedule given in the body without storing it', async () => {
		const schedule = {
			timeZoneId: 'Europe/Berlin', defaultState: 'Closed',
			rules: [
				{ name: 'Open', priority: 1, state: 'Open', simpleRuleType: 'Time', frequency: 'Daily', byHour: [9, 10, 11] },
				{ name: 'Lunch', priority: 2, state: 'Lunch', simpleRuleType: 'Time', frequency: 'Daily', startTime: '11:30', endTime: '12:00' },
			],
		};
		expect((await at('2024-03-05T10:15:00', 'cus-bluebird', schedule)).json).toEqual({ stateName: 'Open', timeZoneId: 'Europe/Berlin' });
		expect((await at('2024-03-05T11:45:00', 'cus-bluebird', schedule)).json.stateName).toBe('Lunch');
		expect((await at('2024-03-05T13:00:00', 'cus-bluebird', schedule)).json.stateName).toBe('Closed');
		expect((await at('2024-03-05T13:00:00', 'cus-bluebird', { ...schedule, forceClosed: true, defaultState: 'Open' })).json.stateName).toBe('Closed');
		const always = { rules: [{ state: 'Night Mode', simpleRuleType: 'Always' }], defaultState: 'Day' };
		expect((await at('2024-03-05T13:00:00', 'cus-bluebird', always)).json).toEqual({ stateName: 'Night Mode', timeZoneId: 'UTC' });
		expect(sandbox().state.customers['cus-bluebird'].schedule).toBeUndefined();
	});

	it('rejects a bad dateTime or time zone with a field error', async () => {
		const bad = await at('next tuesday');
		expect(bad.status).toBe(400);
		expect(bad.json.responseStatus.errors[0].fieldName).toBe('dateTime');
		const zone = await at('2024-03-05T10:00:00', 'cus-bluebird', { timeZoneId: 'Mars/Olympus' });
		expect(zone.json.responseStatus.errors[0].fieldName).toBe('schedule.timeZoneId');
	});
});

describe('wire errors', () => {
	it('unknown routes answer 404, wrong methods 405 with Allow', async () => {
		const r = await call(sandbox(), 'GET', '/nope');
		expect(r.status).toBe(404);
		expect(r.json.responseStatus.errorCode).toBe('NotFound');
		const m = await call(sandbox(), 'PUT', '/customers/cus-acme', { body: {} });
		expect(m.status).toBe(405);
		expect(m.headers.get('allow')).toBe('GET, PATCH, DELETE');
		expect(m.json.responseStatus.errorCode).toBe('MethodNotAllowed');
	});

	it('malformed JSON answers 400 SerializationException (after authentication)', async () => {
		const r = await call(sandbox(), 'PATCH', '/customers/cus-acme', { rawBody: '{"name": "x",' });
		expect(r.status).toBe(400);
		expect(r.json.responseStatus.errorCode).toBe('SerializationException');
		const anonymous = await call(sandbox(), 'PATCH', '/customers/cus-acme', { rawBody: '{', token: null });
		expect(anonymous.status).toBe(401);
		const notObject = await call(sandbox(), 'PATCH', '/customers/cus-acme', { body: ['name'] });
		expect(notObject.status).toBe(400);
	});
});
