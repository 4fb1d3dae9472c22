// The run through n8n-core's WorkflowExecute against the sandbox: pairing, expression failures, input refused for the whole run, both "continue on fail" modes.
import { makeCustomers } from '../../sandbox';
import { runNode } from '../harness';
import { byId, customerUpdate } from '../fixtures/parameters';
import { asAdmin, freshSandbox, withBulkCustomers } from '../fixtures/sandbox';

/**
 * The run as one executor sees it: every operation pairs its outputs, checks before any write,
 * both "continue on fail" modes. All through n8n-core's WorkflowExecute against the sandbox.
 */
const sandbox = freshSandbox(withBulkCustomers(120));
const admin = () => asAdmin(sandbox);
const patches = () => sandbox.log.filter((e) => e.method === 'PATCH');
const paired = (items: { pairedItem?: unknown }[]) => items.map((i) => (i.pairedItem as { item: number }).item);
const BULK = makeCustomers(120, 'acc-reseller').map((c) => c.id);

describe('every operation pairs its outputs to the items that asked', () => {
	const ids = ['cus-acme', 'cus-bluebird', BULK[7]];
	const items = ids.map((id) => ({ id }));
	test.each([
		['customer get', { resource: 'customer', operation: 'get', customerId: byId('={{ $json.id }}') }],
		['customer update', customerUpdate({ name: '={{ "Renamed " + $json.id }}' }, byId('={{ $json.id }}'))],
		['customer delete', { resource: 'customer', operation: 'delete', customerId: byId('={{ $json.id }}') }],
		['customer create', { resource: 'customer', operation: 'create', accountId: byId('acc-reseller'), name: '={{ "New " + $json.id }}' }],
		['account get', { resource: 'account', operation: 'get', accountId: byId('acc-reseller') }],
		['account update', { resource: 'account', operation: 'update', accountId: byId('acc-reseller'), updateFields: { name: '={{ "Acc " + $json.id }}' } }],
	])('%s', async (_title, parameters) => {
		// Children of cus-acme block its deletion: delete leaf customers instead.
		const input = (parameters as { operation: string }).operation === 'delete' ? BULK.slice(0, 3).map((id) => ({ id })) : items;
		const result = await runNode({ parameters: parameters as never, items: input, credentials: admin() });
		expect(result.error).toBeUndefined();
		expect(paired(result.items)).toEqual([0, 1, 2]);
	});

	test('Get Many gives each item its own records, each paired to it', async () => {
		const result = await runNode({
			parameters: { resource: 'customer', operation: 'getAll', returnAll: true, filters: { nameFilter: '={{ $json.name }}' } },
			items: [{ name: 'acme' }, { name: 'bluebird' }],
			credentials: admin(),
		});
		expect(result.items.map((i) => [i.json.id, (i.pairedItem as { item: number }).item])).toEqual([
			['cus-acme', 0],
			['cus-acme-north', 0],
			['cus-acme-south', 0],
			['cus-bluebird', 1],
		]);
		const accounts = await runNode({ parameters: { resource: 'account', operation: 'getAll', returnAll: true }, items: [{}, {}], credentials: admin() });
		expect(paired(accounts.items).filter((i) => i === 1).length).toBe(paired(accounts.items).filter((i) => i === 0).length);
	});
});

describe('an expression that fails for one item is that item\'s error, never a field left out', () => {
	const parameters = customerUpdate({ name: '={{ JSON.parse($json.raw).name }}', referenceId: '={{ $json.ref }}' }, byId('={{ $json.id }}'));
	const items = [
		{ id: 'cus-acme', raw: '{"name": "Acme Renamed"}', ref: 'r-1' },
		{ id: 'cus-bluebird', raw: '{not json', ref: 'r-2' },
		{ id: BULK[0], raw: '{"name": "Bulk Renamed"}', ref: 'r-3' },
	];

	test('without "continue on fail" nothing is sent, and the error names the item and the field', async () => {
		const { error } = await runNode({ parameters, items, credentials: admin() });
		expect(error?.message).toContain('item 2 has invalid input');
		expect(error?.message).toContain('Update Fields (updateFields.name) has an expression that failed');
		expect(patches()).toHaveLength(0);
	});

	test('with "continue on fail" that item is an error item, and the others are sent whole', async () => {
		const { items: out, error } = await runNode({ parameters, items, continueOnFail: true, credentials: admin() });
		expect(error).toBeUndefined();
		expect(out[1].json.error).toContain('has an expression that failed');
		expect(patches().map((e) => e.body)).toEqual([
			{ name: 'Acme Renamed', referenceId: 'r-1' },
			{ name: 'Bulk Renamed', referenceId: 'r-3' },
		]);
		expect(sandbox.state.customers['cus-bluebird'].referenceId).toBe('crm-2001');
	});
});

test('an auto-typed data value that does not fit its field: without "continue on fail", no item is written', async () => {
	const { error } = await runNode({
		parameters: customerUpdate({ data: { values: [{ name: 'Seats', type: 'auto', value: '={{ $json.seats }}' }] } }, byId('={{ $json.id }}')),
		items: [{ id: 'cus-acme', seats: '12' }, { id: 'cus-bluebird', seats: 'forty' }, { id: BULK[0], seats: '3' }],
		credentials: admin(),
	});
	expect(error?.message).toContain('item 2 has invalid input');
	expect(error?.message).toContain('Data Values › Seats (data.Seats) is a Number field; the text "forty" is not a number');
	expect(patches()).toHaveLength(0);
});

describe('both "continue on fail" modes', () => {
	const parameters = customerUpdate({ name: '={{ $json.name }}' }, byId('={{ $json.id }}'), 'replace');
	const items = [
		{ id: 'cus-acme', name: 'One' },
		{ id: 'cus-missing', name: 'Two' },
		{ id: 'cus-bluebird', name: '   ' },
		{ id: BULK[0], name: 'Four' },
	];

	test('regular output: one item per input item, in order, errors in place', async () => {
		const { outputs, error } = await runNode({ parameters, items, onError: 'continueRegularOutput', credentials: admin() });
		expect(error).toBeUndefined();
		expect(outputs).toHaveLength(1);
		const [out] = outputs;
		expect(paired(out)).toEqual([0, 1, 2, 3]);
		expect(out.map((i) => i.json.name ?? i.json.error)).toEqual(['One', expect.stringContaining('Not found'), expect.stringContaining('Name (name)'), 'Four']);
	});

	test('error output: successes on the first output, errors on the second, all paired', async () => {
		const { outputs, error } = await runNode({ parameters, items, onError: 'continueErrorOutput', credentials: admin() });
		expect(error).toBeUndefined();
		const [ok, failed] = outputs;
		expect(ok.map((i) => [i.json.name, (i.pairedItem as { item: number }).item])).toEqual([['One', 0], ['Four', 3]]);
		expect(paired(failed)).toEqual([1, 2]);
		expect(String(failed[0].json.error)).toContain('Not found');
		expect(String(failed[1].json.error)).toContain('Name (name)');
	});
});
