// Customer › Delete against the sandbox: a customer created, read by reference ID and deleted.
import { runNode } from '../harness';
import { byId, byReference } from '../fixtures/parameters';
import { asAdmin, freshSandbox, withBulkCustomers } from '../fixtures/sandbox';

const sandbox = freshSandbox(withBulkCustomers(230));
const admin = () => asAdmin(sandbox);

describe('the other operations', () => {
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
});

describe('Customer › Delete by reference ID (a CRM\'s "contact deleted")', () => {
	test('says which customer went: the reference ID, its ID and its name', async () => {
		const { items, error } = await runNode({ parameters: { resource: 'customer', operation: 'delete', customerId: byReference('crm-2001') }, credentials: admin() });
		expect(error).toBeUndefined();
		expect(items.map((i) => i.json)).toEqual([{ referenceId: 'crm-2001', id: 'cus-bluebird', name: 'Bluebird Plumbing', deleted: true }]);
		expect(sandbox.state.customers['cus-bluebird']).toBeUndefined();
	});
});
