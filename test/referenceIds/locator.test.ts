// Customer › Update finding its customer By Reference ID through the engine: one list read for all items, a clear error otherwise.
import { runNode } from '../harness';
import { byReference, customerUpdate } from '../fixtures/parameters';
import { asAdmin, freshSandbox, withBulkCustomers } from '../fixtures/sandbox';

const sandbox = freshSandbox(withBulkCustomers(230));
const admin = () => asAdmin(sandbox);

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
