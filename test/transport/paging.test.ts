// Paging: a list ends where the API says it does (hasNextPage, readPages), and Get Many reads a capped server to its end (sandbox).
import { hasNextPage, readPages } from '../../nodes/EvoVoice/transport/paging';
import { makeCustomers } from '../../sandbox';
import { runNode } from '../harness';
import { byReference } from '../fixtures/parameters';
import { asAdmin, sandboxView, startEach, withBulkCustomers } from '../fixtures/sandbox';

const sandbox = sandboxView();
const admin = () => asAdmin(sandbox);
const BULK = makeCustomers(120, 'acc-reseller').map((c) => c.id);

describe('paging by what the API says', () => {
	const page = (items: number, rest: object = {}) => ({ items: Array.from({ length: items }, (_, i) => i), ...rest });
	test('a short page does not end a list the API says goes on', () => {
		expect(hasNextPage(page(25, { hasMorePages: true }), 0, 25)).toBe(true);
		expect(hasNextPage(page(25, { totalPages: 3, hasMorePages: false }), 0, 25)).toBe(true);
		expect(hasNextPage(page(25, { totalPages: 3 }), 2, 75)).toBe(false);
		expect(hasNextPage(page(25, { totalCount: 60 }), 1, 50)).toBe(true);
		expect(hasNextPage(page(10, { totalCount: 60 }), 2, 60)).toBe(false);
	});
	test('without totals (simplified paging) only an empty page ends it', () => {
		expect(hasNextPage(page(7, { totalCount: 0, totalPages: 0, hasMorePages: false }), 0, 7)).toBe(true);
		expect(hasNextPage(page(0), 1, 7)).toBe(false);
	});
	test('readPages keeps to the limit and reads a capped server to its end', async () => {
		const records = Array.from({ length: 130 }, (_, i) => i);
		const asked: number[] = [];
		const read = async (p: number, count: number) => {
			asked.push(count);
			const cap = Math.min(count, 20);
			return { items: records.slice(p * cap, p * cap + cap), totalCount: 130, totalPages: Math.ceil(130 / cap), hasMorePages: (p + 1) * cap < 130 };
		};
		expect(await readPages(read)).toEqual(records);
		expect(asked[0]).toBe(100);
		expect(await readPages(read, 45)).toEqual(records.slice(0, 45));
	});
});

describe('lists read to the end whatever the server caps a page at', () => {
	startEach(sandbox, withBulkCustomers(120));

	test('Get Many returns every customer, and By Reference ID finds one past the first page', async () => {
		sandbox.setMaxCountPerPage(25);
		const total = Object.keys(sandbox.state.customers).length;
		const all = await runNode({ parameters: { resource: 'customer', operation: 'getAll', returnAll: true }, credentials: admin() });
		expect(all.items).toHaveLength(total);
		expect(new Set(all.items.map((i) => i.json.id)).size).toBe(total);
		const limited = await runNode({ parameters: { resource: 'customer', operation: 'getAll', returnAll: false, limit: 60 }, credentials: admin() });
		expect(limited.items).toHaveLength(60);
		const last = sandbox.state.customers[BULK[BULK.length - 1]];
		const found = await runNode({ parameters: { resource: 'customer', operation: 'get', customerId: byReference(String(last.referenceId)) }, credentials: admin() });
		expect(found.error).toBeUndefined();
		expect(found.items[0].json.id).toBe(last.id);
	});
});
