// Customer › Get and its Simplify option (on by default), with the other operations' simplified output; against the sandbox.
import { runNode } from '../harness';
import { byId, customerUpdate } from '../fixtures/parameters';
import { asAdmin, freshSandbox, withBulkCustomers } from '../fixtures/sandbox';

const sandbox = freshSandbox(withBulkCustomers(230));
const admin = () => asAdmin(sandbox);

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
