
import { EvoVoiceApi } from '../../credentials/EvoVoiceApi.credentials';
import { SANDBOX_CREDENTIALS, defaultSeed, makeCustomers, startSandbox, type Sandbox } from '../../sandbox';
import { runNode } from '../harness';
import { options, search } from '../harness/methods';
import { accountUpdate, byId, customerUpdate } from '../fixtures/parameters';

let sandbox: Sandbox;
const admin = () => ({ baseUrl: sandbox.url, authType: 'apiToken', apiToken: SANDBOX_CREDENTIALS.adminToken });
const manager = () => ({ baseUrl: sandbox.url, authType: 'apiToken', apiToken: SANDBOX_CREDENTIALS.managerToken });
const byReference = (value: string) => ({ __rl: true, mode: 'referenceId', value });

beforeEach(async () => {
	const seed = defaultSeed();
	seed.customers.push(...makeCustomers(230, 'acc-reseller'));
	sandbox = await startSandbox({ seed });
});
afterEach(async () => await sandbox.close());

describe('updates against the sandbox', () => {
	test('a name update changes only the name and returns the whole customer', async () => {
		const before = structuredClone(sandbox.state.customers['cus-acme']);
		const { items, error } = await runNode({ parameters: { ...customerUpdate({ name: 'Acme Dental Group' }), simple: false }, credentials: admin() });
		expect(error).toBeUndefined();
		expect(items[0].json).toMatchObject({ id: 'cus-acme', name: 'Acme Dental Group', tags: before.tags });
		const after = sandbox.state.customers['cus-acme'];
		expect({ ...after, name: before.name, dateLastModified: before.dateLastModified, lastModifiedBy: before.lastModifiedBy }).toEqual(before);
	});

	test('merging one billing item keeps the other eight (the default)', async () => {
		const before = structuredClone(sandbox.state.customers['cus-acme'].billingSettings!);
		await runNode({ parameters: customerUpdate({ billingSettings: { localNumbers: { unitCost: 9.99 } } }), credentials: admin() });
		const after = sandbox.state.customers['cus-acme'].billingSettings!;
		expect(after.localNumbers).toEqual({ ...before.localNumbers, unitCost: 9.99 });
		expect({ ...after, localNumbers: before.localNumbers }).toEqual(before);
		expect(sandbox.log.map((e) => e.method)).toEqual(['GET', 'PATCH']);
	});

	test('replacing sends only the item given, and the API drops the rest: the trap merge avoids', async () => {
		await runNode({ parameters: customerUpdate({ billingSettings: { localNumbers: { unitCost: 9.99 } } }, byId('cus-acme'), 'replace'), credentials: admin() });
		expect(sandbox.state.customers['cus-acme'].billingSettings).toEqual({ localNumbers: { unitCost: 9.99 } });
	});

	test('merging a data value keeps the other data values and unknown fields of app settings', async () => {
		sandbox.state.customers['cus-acme'].appSettings = { ...sandbox.state.customers['cus-acme'].appSettings, stagingOnly: 'kept' } as never;
		const before = structuredClone(sandbox.state.customers['cus-acme']);
		await runNode({
			parameters: customerUpdate({ data: { values: [{ name: 'Seats', type: 'number', numberValue: 40 }] }, appSettings: { pageTitle: 'Acme Portal' } }),
			credentials: admin(),
		});
		const after = sandbox.state.customers['cus-acme'];
		expect(after.data).toEqual({ ...before.data, Seats: { numberValue: 40 } });
		expect(after.appSettings).toEqual({ ...before.appSettings, pageTitle: 'Acme Portal', stagingOnly: 'kept' });
	});

	test('adding a tag keeps the others; removing one keeps the rest', async () => {
		const ids = () => sandbox.state.customers['cus-acme'].tags!.map((t) => t.id).sort();
		const before = ids();
		await runNode({ parameters: customerUpdate({ addTagIds: ['tag-wholesale'] }), credentials: admin() });
		expect(ids()).toEqual([...before, 'tag-wholesale'].sort());
		await runNode({ parameters: customerUpdate({ removeTagIds: [before[0]] }), credentials: admin() });
		expect(ids()).toEqual([...before.slice(1), 'tag-wholesale'].sort());
	});

	test('an account update by a system administrator', async () => {
		const { error } = await runNode({ parameters: accountUpdate({ maxPhoneNumbers: 300, billingSettings: { base: { baseCost: 25 } } }), credentials: admin() });
		expect(error).toBeUndefined();
		expect(sandbox.state.accounts['acc-reseller'].maxPhoneNumbers).toBe(300);
		expect(sandbox.state.accounts['acc-reseller'].billingSettings?.base?.baseCost).toBe(25);
		expect(sandbox.state.accounts['acc-reseller'].billingSettings?.localNumbers).toBeDefined();
	});
});

describe('finding the customer by reference ID', () => {
	test('one match: that customer is updated, with one list read for all items', async () => {
		const { items, error } = await runNode({
			parameters: customerUpdate({ name: '={{ $json.name }}' }, byReference('={{ $json.ref }}')),
			items: [
				{ ref: 'crm-1001', name: 'Acme (CRM)' },
				{ ref: 'crm-2001', name: 'Bluebird (CRM)' },
			],
			credentials: admin(),
		});
		expect(error).toBeUndefined();
		expect(items.map((i) => i.json.id)).toEqual(['cus-acme', 'cus-bluebird']);
		expect(sandbox.state.customers['cus-bluebird'].name).toBe('Bluebird (CRM)');
		const listReads = sandbox.log.filter((e) => e.method === 'GET' && e.path === '/customers').length;
		expect(listReads).toBe(Math.ceil(Object.keys(sandbox.state.customers).length / 100));
	});

	test.each([
		['crm-nope', 'No customer has the reference ID "crm-nope"'],
		['crm-dup', '2 customers have the reference ID "crm-dup": cus-cedar-1 (Cedar Family Practice), cus-cedar-2 (Cedar Family Practice (old))'],
	])('%s: a clear error and nothing patched', async (reference, message) => {
		const { error } = await runNode({ parameters: customerUpdate({ name: 'x' }, byReference(reference)), credentials: admin() });
		expect(error?.message).toContain(message);
		expect(sandbox.log.filter((e) => e.method === 'PATCH')).toHaveLength(0);
	});
});

describe('API errors read clearly', () => {
	test('401: a wrong token, never shown', async () => {
		const { error } = await runNode({ parameters: customerUpdate({ name: 'x' }), credentials: { baseUrl: sandbox.url, apiToken: 'wrong-token-123' } });
		expect(error?.message).toContain('Not authenticated');
		expect(error?.message).toContain('Not Authenticated');
		expect(JSON.stringify(error)).not.toContain('wrong-token-123');
	});

	test('403: an account update needs the SystemAdministrator role', async () => {
		const { error } = await runNode({ parameters: accountUpdate({ name: 'x' }), credentials: manager() });
		expect(error?.message).toContain('SystemAdministrator');
		expect(error?.message).toContain('Invalid Role');
		expect(error?.httpCode).toBe('403');
	});

	test('404 and 400 with field errors, as error items with "continue on fail"', async () => {
		const { items, error } = await runNode({
			parameters: customerUpdate({ tagIds: '={{ $json.tags }}' }, byId('={{ $json.id }}'), 'replace'),
			items: [{ id: 'cus-acme', tags: 'tag-vip' }, { id: 'cus-missing', tags: 'tag-vip' }, { id: 'cus-bluebird', tags: 'tag-unknown' }],
			continueOnFail: true,
			credentials: admin(),
		});
		expect(error).toBeUndefined();
		expect(items).toHaveLength(3);
		expect(items[0].json.id).toBe('cus-acme');
		expect(items[1].json.error).toContain('Not found');
		expect(items[2].json.error).toContain('refused the request as invalid');
		expect(String(items[2].json.error) + JSON.stringify(items[2].json)).toContain('tag');
	});

	test('without "continue on fail" the error says which items were applied and which were not sent', async () => {
		const ids = ['cus-acme', 'cus-bluebird', 'cus-missing', ...Array.from({ length: 20 }, (_, i) => `cus-bulk-${String(i + 1).padStart(5, '0')}`)];
		const { error } = await runNode({
			parameters: { ...customerUpdate({ referenceId: '={{ "n8n-" + $json.id }}' }, byId('={{ $json.id }}')), requestOptions: { maxConcurrency: 1 } },
			items: ids.map((id) => ({ id })),
			credentials: admin(),
		});
		expect(error?.message).toContain('Not found');
		expect(error?.description).toContain('Item 3, HTTP 404.');
		expect(error?.description).toContain('Applied (2): items 1–2.');
		expect(error?.description).toContain('Failed (1): item 3.');
		expect(error?.description).toContain('Not sent (20): items 4–23.');
		expect(sandbox.log.filter((e) => e.method === 'PATCH')).toHaveLength(3);
	});
});

describe('the other operations', () => {
	test('Get Many pages to the end of a list larger than one page', async () => {
		const total = Object.keys(sandbox.state.customers).length;
		const { items } = await runNode({ parameters: { resource: 'customer', operation: 'getAll', returnAll: true }, credentials: admin() });
		expect(items).toHaveLength(total);
		expect(new Set(items.map((i) => i.json.id)).size).toBe(total);
		expect(sandbox.log.filter((e) => e.path === '/customers').length).toBe(Math.ceil(total / 100) + (total % 100 === 0 ? 1 : 0));
	});

	test('Get Many with a limit and filters', async () => {
		const limited = await runNode({ parameters: { resource: 'customer', operation: 'getAll', returnAll: false, limit: 30 }, credentials: admin() });
		expect(limited.items).toHaveLength(30);
		const filtered = await runNode({
			parameters: { resource: 'customer', operation: 'getAll', returnAll: true, filters: { parentCustomerId: byId('cus-acme'), shallowParent: true } },
			credentials: admin(),
		});
		expect(filtered.items.map((i) => i.json.id).sort()).toEqual(['cus-acme-north', 'cus-acme-south']);
		const byName = await runNode({ parameters: { resource: 'customer', operation: 'getAll', returnAll: true, filters: { nameFilter: 'bluebird' } }, credentials: admin() });
		expect(byName.items.map((i) => i.json.id)).toEqual(['cus-bluebird']);
	});

	test('create, get and delete a customer', async () => {
		const created = await runNode({
			parameters: {
				resource: 'customer',
				operation: 'create',
				accountId: byId('acc-reseller'),
				name: 'Delta Dental',
				additionalFields: { referenceId: 'crm-3001', data: { values: [{ name: 'Plan', type: 'string', stringValue: 'Pro' }] } },
			},
			credentials: admin(),
		});
		expect(created.error).toBeUndefined();
		const id = String(created.items[0].json.id);
		expect(sandbox.state.customers[id]).toMatchObject({ name: 'Delta Dental', referenceId: 'crm-3001', data: { Plan: { stringValue: 'Pro' } } });
		const got = await runNode({ parameters: { resource: 'customer', operation: 'get', customerId: byReference('crm-3001') }, credentials: admin() });
		expect(got.items[0].json.id).toBe(id);
		const deleted = await runNode({ parameters: { resource: 'customer', operation: 'delete', customerId: byId(id) }, credentials: admin() });
		expect(deleted.items[0].json).toEqual({ id, deleted: true });
		expect(sandbox.state.customers[id]).toBeUndefined();
	});

	test('account get and get many', async () => {
		const got = await runNode({ parameters: { resource: 'account', operation: 'get', accountId: byId('acc-reseller') }, credentials: manager() });
		expect(got.items[0].json.name).toBe('Northwind Telecom');
		const many = await runNode({ parameters: { resource: 'account', operation: 'getAll', returnAll: true }, credentials: manager() });
		expect(many.items.map((i) => i.json.id)).toEqual(['acc-reseller']);
	});
});

describe('pickers', () => {
	test('customers: searchable and paged', async () => {
		const first = await search('searchCustomers', {}, admin());
		expect(first.results).toHaveLength(50);
		expect(first.paginationToken).toBe('1');
		const next = await search('searchCustomers', {}, admin(), undefined, first.paginationToken as string);
		expect(next.results[0].value).not.toBe(first.results[0].value);
		const found = await search('searchCustomers', {}, admin(), 'acme');
		expect(found.results.map((r) => r.value).sort()).toEqual(['cus-acme', 'cus-acme-north', 'cus-acme-south']);
		expect(found.results.find((r) => r.value === 'cus-acme')?.name).toBe('Acme Dental (crm-1001)');
	});

	test('customers: a typed reference ID finds its customer, exact match first', async () => {
		const found = await search('searchCustomers', {}, admin(), 'crm-2001');
		expect(found.results[0]).toEqual({ name: 'Bluebird Plumbing (crm-2001)', value: 'cus-bluebird' });
		const partial = await search('searchCustomers', {}, admin(), 'CRM-100');
		expect(partial.results.map((r) => r.value)).toContain('cus-acme');
		const nothing = await search('searchCustomers', {}, admin(), 'crm-nobody');
		expect(nothing.results).toEqual([]);
	});

	test('accounts', async () => {
		const found = await search('searchAccounts', {}, admin(), 'north');
		expect(found.results).toEqual([{ name: 'Northwind Telecom', value: 'acc-reseller' }]);
	});

	test("tags and data fields come from the chosen customer's account", async () => {
		const tags = await options('getTags', { customerId: byId('cus-acme') }, admin());
		expect(tags.map((t) => t.value)).toEqual(expect.arrayContaining(['tag-vip', 'tag-new', 'tag-churn-risk', 'tag-wholesale']));
		const fields = await options('getCustomerFields', { customerId: byId('cus-acme') }, admin());
		expect(fields.map((f) => f.value)).toEqual(expect.arrayContaining(['Plan', 'Seats', 'Vip']));
	});
});

describe('Simplify (on by default)', () => {
	test('get, get many, update and create return plain data values, tag names and the fields people use', async () => {
		const got = await runNode({ parameters: { resource: 'customer', operation: 'get', customerId: byId('cus-acme') }, credentials: admin() });
		expect(got.items[0].json).toEqual({
			id: 'cus-acme',
			name: 'Acme Dental',
			referenceId: 'crm-1001',
			accountId: 'acc-reseller',
			accountName: 'Northwind Telecom',
			tags: expect.arrayContaining(['VIP']),
			data: expect.objectContaining({ Plan: expect.any(String) }),
			overrideBillingSettings: expect.any(Boolean),
			overrideAppSettings: expect.any(Boolean),
		});
		const many = await runNode({ parameters: { resource: 'customer', operation: 'getAll', limit: 3 }, credentials: admin() });
		expect(many.items).toHaveLength(3);
		for (const item of many.items) expect(Array.isArray(item.json.tags) && typeof item.json.data === 'object' && !('schedule' in item.json)).toBe(true);
		const updated = await runNode({ parameters: customerUpdate({ data: { values: [{ name: 'Plan', type: 'string', stringValue: 'Pro' }] } }), credentials: admin() });
		expect((updated.items[0].json.data as Record<string, unknown>).Plan).toBe('Pro');
		expect(sandbox.state.customers['cus-acme'].data?.Plan).toEqual({ stringValue: 'Pro' });
		const created = await runNode({
			parameters: { resource: 'customer', operation: 'create', accountId: byId('acc-reseller'), name: 'New One', additionalFields: { referenceId: 'crm-new' } },
			credentials: admin(),
		});
		expect(created.items[0].json).toMatchObject({ name: 'New One', referenceId: 'crm-new', tags: [], data: {} });
		const account = await runNode({ parameters: { resource: 'account', operation: 'get', accountId: byId('acc-reseller') }, credentials: admin() });
		expect(Object.keys(account.items[0].json).sort()).toEqual(['id', 'maxPhoneNumbers', 'name', 'parentAccountId'].filter((k) => k in account.items[0].json).sort());
		expect(account.items[0].json).not.toHaveProperty('billingSettings');
	});

	test('a version 1 node, as saved before Simplify existed, still returns the raw record', async () => {
		const saved = await runNode({ parameters: { resource: 'customer', operation: 'get', customerId: byId('cus-acme') }, credentials: admin(), typeVersion: 1 });
		expect(saved.items[0].json).toMatchObject(JSON.parse(JSON.stringify(sandbox.state.customers['cus-acme'])) as object);
		const added = await runNode({ parameters: { resource: 'customer', operation: 'get', customerId: byId('cus-acme') }, credentials: admin() });
		expect(added.items[0].json).not.toHaveProperty('breadcrumb');
	});

	test('Simplify off returns the record as the API sent it', async () => {
		const raw = await runNode({ parameters: { resource: 'customer', operation: 'get', customerId: byId('cus-acme'), simple: false }, credentials: admin() });
		// The stored record plus what the API derives on read (accountName, breadcrumb).
		expect(raw.items[0].json).toMatchObject(JSON.parse(JSON.stringify(sandbox.state.customers['cus-acme'])) as object);
		expect(raw.items[0].json).toHaveProperty('breadcrumb');
	});
});

describe('pickers scoped to the account in play', () => {
	beforeEach(() => {
		// Give the second account a field and a tag of its own, so mixing them would show.
		const other = sandbox.state.systemSettings['acc-other'];
		other.customerFields = [...(other.customerFields ?? []), { name: 'ContosoOnly', type: 'String' }];
		other.tags = [...(other.tags ?? []), { id: 'tag-contoso', name: 'Contoso Tag' }];
	});

	test("Create's chosen Account decides the data fields and tags", async () => {
		const create = { resource: 'customer', operation: 'create', accountId: byId('acc-other') };
		expect((await options('getCustomerFields', create, admin())).map((f) => f.value)).toContain('ContosoOnly');
		expect((await options('getTags', create, admin())).map((t) => t.value)).toContain('tag-contoso');
		const reseller = { ...create, accountId: byId('acc-reseller') };
		expect((await options('getCustomerFields', reseller, admin())).map((f) => f.value)).not.toContain('ContosoOnly');
	});

	test("the chosen customer's account wins; Get Many's account filter scopes its tag filter", async () => {
		expect((await options('getTags', { customerId: byId('cus-acme') }, admin())).map((t) => t.value)).not.toContain('tag-contoso');
		const list = { resource: 'customer', operation: 'getAll', filters: { accountId: byId('acc-other') } };
		expect((await options('getTags', list, admin())).map((t) => t.value)).toContain('tag-contoso');
	});

	test('with no account in play, each option names its account', async () => {
		const names = (await options('getTags', { resource: 'customer', operation: 'update' }, admin())).map((t) => t.name);
		expect(names).toEqual(expect.arrayContaining(['Contoso Tag (Contoso Voice)']));
		expect(names.every((n) => / \((Northwind Telecom|Contoso Voice|[^)]+)\)$/.test(n))).toBe(true);
	});
});

describe('rate limits and outages', () => {
	test('a 429 with Retry-After is waited out and the request sent again', async () => {
		sandbox.setFaults([{ route: 'PATCH /customers/:id', status: 429, retryAfterSeconds: 1, firstAttempts: 2 }]);
		const { items, error } = await runNode({ parameters: customerUpdate({ name: 'Patient' }), credentials: admin() });
		expect(error).toBeUndefined();
		expect(items[0].json.name).toBe('Patient');
		expect(sandbox.log.filter((e) => e.method === 'PATCH').map((e) => e.status)).toEqual([429, 429, 200]);
	});

	test('a create is never sent twice', async () => {
		sandbox.setFaults([{ route: 'POST /customers', status: 503, retryAfterSeconds: 0, count: 1 }]);
		const { error } = await runNode({ parameters: { resource: 'customer', operation: 'create', accountId: byId('acc-reseller'), name: 'Once' }, credentials: admin() });
		expect(error?.httpCode).toBe('503');
		expect(sandbox.log.filter((e) => e.method === 'POST')).toHaveLength(1);
	});
});

// The credential test (GET /auth through n8n's request helper) is in credentialTest.test.ts.

describe("n8n 2.x credential domain restrictions", () => {
	test('n8n adds its restriction fields to this credential, and the node keeps to the credential host under them', async () => {
		const { injectDomainRestrictionFields } = await import('n8n-workflow');
		const properties = injectDomainRestrictionFields(new EvoVoiceApi());
		expect(properties.map((p) => p.name)).toEqual(expect.arrayContaining(['allowedHttpRequestDomains', 'allowedDomains']));
		const { error } = await runNode({
			parameters: customerUpdate({ name: 'Restricted' }),
			credentials: { ...admin(), allowedHttpRequestDomains: 'domains', allowedDomains: '127.0.0.1' },
		});
		expect(error).toBeUndefined();
		expect(sandbox.state.customers['cus-acme'].name).toBe('Restricted');
	});
});

describe("data values typed from the field's definition", () => {
	const auto = (name: string, value: string) => ({ name, type: 'auto', value });

	test('text from a webhook is wrapped as each field is defined on the account', async () => {
		const { error } = await runNode({
			parameters: customerUpdate(
				{ data: { values: [auto('Plan', 'Pro'), auto('Seats', '={{ $json.seats }}'), auto('Vip', 'yes'), auto('Locations', '[{"city": "Austin"}]')] } },
				byId('cus-bluebird'),
				'replace',
			),
			items: [{ seats: '40' }],
			credentials: admin(),
		});
		expect(error).toBeUndefined();
		expect(sandbox.state.customers['cus-bluebird'].data).toEqual({
			Plan: { stringValue: 'Pro' },
			Seats: { numberValue: 40 },
			Vip: { boolValue: true },
			Locations: { listValue: [{ city: { stringValue: 'Austin' } }] },
		});
		// The definitions are read once per run, not once per item.
		expect(sandbox.log.filter((e) => e.path === '/system/settings')).toHaveLength(1);
	});

	test.each([
		[auto('Seats', 'forty'), 'Data Values › Seats (data.Seats) is a Number field; the text "forty" is not a number'],
		[auto('Vip', 'maybe'), 'is a Boolean field; the text "maybe" is not true or false'],
		[auto('Colour', 'red'), 'is not a customer data field of this customer\'s account (its fields: Plan, Seats, Vip, Locations, Address)'],
	])('%j is refused, naming the field and the value, and nothing is patched', async (entry, message) => {
		const { error } = await runNode({ parameters: customerUpdate({ data: { values: [entry] } }), credentials: admin() });
		expect(error?.message).toContain(message);
		expect(sandbox.log.filter((e) => e.method === 'PATCH')).toHaveLength(0);
	});

	test('a create wraps them by the account it names', async () => {
		const { items, error } = await runNode({
			parameters: { resource: 'customer', operation: 'create', accountId: byId('acc-reseller'), name: 'Echo Dental', additionalFields: { data: { values: [auto('Seats', '3')] } } },
			credentials: admin(),
		});
		expect(error).toBeUndefined();
		expect(sandbox.state.customers[String(items[0].json.id)].data).toEqual({ Seats: { numberValue: 3 } });
	});
});
