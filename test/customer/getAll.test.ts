// Customer › Get Many against the sandbox: paging to the end of the list, a limit, filters.
import { runNode } from '../harness';
import { byId } from '../fixtures/parameters';
import { asAdmin, freshSandbox, withBulkCustomers } from '../fixtures/sandbox';

const sandbox = freshSandbox(withBulkCustomers(230));
const admin = () => asAdmin(sandbox);

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
});
