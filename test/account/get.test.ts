// Account › Get and Get Many against the sandbox, as an account manager.
import { runNode } from '../harness';
import { byId } from '../fixtures/parameters';
import { asManager, freshSandbox, withBulkCustomers } from '../fixtures/sandbox';

const sandbox = freshSandbox(withBulkCustomers(230));
const manager = () => asManager(sandbox);

describe('the other operations', () => {
	test('account get and get many', async () => {
		const got = await runNode({ parameters: { resource: 'account', operation: 'get', accountId: byId('acc-reseller') }, credentials: manager() });
		expect(got.items[0].json.name).toBe('Northwind Telecom');
		const many = await runNode({ parameters: { resource: 'account', operation: 'getAll', returnAll: true }, credentials: manager() });
		expect(many.items.map((i) => i.json.id)).toEqual(['acc-reseller']);
	});
});
