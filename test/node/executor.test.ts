import { SANDBOX_CREDENTIALS, defaultSeed, makeCustomers, startSandbox, type Sandbox } from '../../sandbox';
import { runNode } from '../harness';
import { byId, customerUpdate } from '../fixtures/parameters';

/**
 * The run as one executor sees it: items for the same entity, checks before any write, both
 * "continue on fail" modes, the in-flight limit, pairing. All through n8n-core's WorkflowExecute
 * against the sandbox.
 */
let sandbox: Sandbox;
const admin = () => ({ baseUrl: sandbox.url, authType: 'apiToken', apiToken: SANDBOX_CREDENTIALS.adminToken });
const byReference = (value: string) => ({ __rl: true, mode: 'referenceId', value });
const patches = () => sandbox.log.filter((e) => e.method === 'PATCH');
const paired = (items: { pairedItem?: unknown }[]) => items.map((i) => (i.pairedItem as { item: number }).item);
const BULK = makeCustomers(120, 'acc-reseller').map((c) => c.id);

beforeEach(async () => {
	const seed = defaultSeed();
	seed.customers.push(...makeCustomers(120, 'acc-reseller'));
	sandbox = await startSandbox({ seed });
});
afterEach(async () => await sandbox.close());

describe('items for the same customer in one run lose nothing', () => {
	test('tags: each item adds its own, and every one is kept', async () => {
		const before = sandbox.state.customers['cus-acme'].tags!.map((t) => t.id);
		const { items, error } = await runNode({
			parameters: customerUpdate({ addTagIds: '={{ [$json.tag] }}' }),
			items: [{ tag: 'tag-churn-risk' }, { tag: 'tag-wholesale' }],
			credentials: admin(),
		});
		expect(error).toBeUndefined();
		expect(sandbox.state.customers['cus-acme'].tags!.map((t) => t.id).sort()).toEqual([...before, 'tag-churn-risk', 'tag-wholesale'].sort());
		expect(paired(items)).toEqual([0, 1]);
		// One read before the writes; the second write rests on the first one's answer.
		expect(sandbox.log.map((e) => `${e.method} ${e.path}`)).toEqual(['GET /customers/cus-acme', 'PATCH /customers/cus-acme', 'PATCH /customers/cus-acme']);
	});

	test('billing: the later item wins in input order, and neither loses the other items or its tag', async () => {
		const before = structuredClone(sandbox.state.customers['cus-acme'].billingSettings!);
		const tagsBefore = sandbox.state.customers['cus-acme'].tags!.map((t) => t.id);
		const { error } = await runNode({
			parameters: customerUpdate({ billingSettings: { localNumbers: { unitCost: '={{ $json.cost }}' } }, addTagIds: '={{ [$json.tag] }}' }),
			items: [{ cost: 9.99, tag: 'tag-churn-risk' }, { cost: 12.5, tag: 'tag-wholesale' }],
			credentials: admin(),
		});
		expect(error).toBeUndefined();
		const after = sandbox.state.customers['cus-acme'];
		expect(after.billingSettings).toEqual({ ...before, localNumbers: { ...before.localNumbers, unitCost: 12.5 } });
		expect(after.tags!.map((t) => t.id).sort()).toEqual([...tagsBefore, 'tag-churn-risk', 'tag-wholesale'].sort());
		const [first, second] = patches().map((e) => e.body as { billingSettings: object });
		expect(first.billingSettings).toEqual({ ...before, localNumbers: { ...before.localNumbers, unitCost: 9.99 } });
		expect(second.billingSettings).toEqual(after.billingSettings);
	});

	test('data: two items set two data values, and both are kept with the others', async () => {
		const before = structuredClone(sandbox.state.customers['cus-acme'].data!);
		const { error } = await runNode({
			parameters: customerUpdate({ data: { values: [{ name: '={{ $json.name }}', type: 'auto', value: '={{ $json.value }}' }] } }),
			items: [{ name: 'Seats', value: '77' }, { name: 'Plan', value: 'Enterprise' }],
			credentials: admin(),
		});
		expect(error).toBeUndefined();
		expect(sandbox.state.customers['cus-acme'].data).toEqual({ ...before, Seats: { numberValue: 77 }, Plan: { stringValue: 'Enterprise' } });
	});

	test('many items for one customer are sent one after another, by ID and by reference ID alike', async () => {
		sandbox.setFaults([{ route: 'PATCH /customers/:id', latencyMs: 20 }]);
		const tags = ['tag-vip', 'tag-new', 'tag-churn-risk', 'tag-wholesale'];
		const { error } = await runNode({
			parameters: customerUpdate({ addTagIds: '={{ [$json.tag] }}' }, '={{ $json.locator }}'),
			items: tags.map((tag, i) => ({ tag, locator: i % 2 ? byReference('crm-2001') : byId('cus-bluebird') })),
			credentials: admin(),
		});
		expect(error).toBeUndefined();
		expect(sandbox.state.customers['cus-bluebird'].tags!.map((t) => t.id).sort()).toEqual([...tags].sort());
		expect(sandbox.counters().maxInFlight).toBe(1);
	});
});


describe('lists read to the end whatever the server caps a page at', () => {
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

describe('sending', () => {
	const run = async (requestOptions: object, count = 40) =>
		await runNode({
			parameters: { ...customerUpdate({ name: '={{ "Paced " + $json.id }}' }, byId('={{ $json.id }}')), requestOptions: requestOptions as never },
			items: BULK.slice(0, count).map((id) => ({ id })),
			credentials: admin(),
		});

	test.each([
		[{ maxConcurrency: 3 }, 3],
		[{}, 5],
		[{ maxConcurrency: 12 }, 12],
	])('the in-flight limit %j holds, as the sandbox counts it', async (requestOptions, limit) => {
		sandbox.setFaults([{ route: 'PATCH /customers/:id', latencyMs: 25 }]);
		const { error } = await run(requestOptions);
		expect(error).toBeUndefined();
		expect(sandbox.counters().maxInFlight).toBe(limit);
		expect(patches()).toHaveLength(40);
	});

	test('a Retry-After pauses the whole run, not one slot', async () => {
		sandbox.setFaults([{ route: 'PATCH /customers/:id', status: 429, retryAfterSeconds: 2, count: 1 }]);
		const { error } = await run({ maxConcurrency: 5 }, 20);
		expect(error).toBeUndefined();
		const log = patches();
		const limited = log.find((e) => e.status === 429)!;
		const answeredAt = Date.parse(limited.startedAt) + limited.durationMs;
		// Requests already in flight may finish, and on a loaded machine reach the server late; none
		// starts while the server asked to wait (2 s, of which the middle 1.4 s are checked).
		const startedDuringPause = log.filter((e) => {
			const at = Date.parse(e.startedAt);
			return at > answeredAt + 400 && at < answeredAt + 1_800;
		});
		expect(startedDuringPause).toHaveLength(0);
		expect(log.filter((e) => e.status === 200)).toHaveLength(20);
	});

	test('a 429 on a create is retried: the server did not process it', async () => {
		sandbox.setFaults([{ route: 'POST /customers', status: 429, retryAfterSeconds: 0, count: 1 }]);
		const { items, error } = await runNode({ parameters: { resource: 'customer', operation: 'create', accountId: byId('acc-reseller'), name: 'Twice asked' }, credentials: admin() });
		expect(error).toBeUndefined();
		expect(sandbox.log.filter((e) => e.method === 'POST').map((e) => e.status)).toEqual([429, 200]);
		expect(Object.values(sandbox.state.customers).filter((c) => c.name === 'Twice asked')).toHaveLength(1);
		expect(items[0].json.name).toBe('Twice asked');
	});
});
