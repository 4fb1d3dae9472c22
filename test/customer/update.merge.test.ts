// Customer › Update in merge mode (the default) against the sandbox: what is not set is kept, also over several items for one customer.
import { runNode } from '../harness';
import { byId, byReference, customerUpdate } from '../fixtures/parameters';
import { asAdmin, sandboxView, startEach, withBulkCustomers } from '../fixtures/sandbox';

const sandbox = sandboxView();
const admin = () => asAdmin(sandbox);
const patches = () => sandbox.log.filter((e) => e.method === 'PATCH');
const paired = (items: { pairedItem?: unknown }[]) => items.map((i) => (i.pairedItem as { item: number }).item);

describe('updates against the sandbox', () => {
	startEach(sandbox, withBulkCustomers(230));

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
		// The read it merges into, the write, and the read-back that confirms the change held.
		expect(sandbox.log.map((e) => e.method)).toEqual(['GET', 'PATCH', 'GET']);
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
});

// The run as the executor sees it: items for the same entity, each resting on the one before.
describe('items for the same customer in one run lose nothing', () => {
	startEach(sandbox, withBulkCustomers(120));

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
		// One read before the writes; the second write rests on the first one's answer; one read-back confirms both.
		expect(sandbox.log.map((e) => `${e.method} ${e.path}`)).toEqual([
			'GET /customers/cus-acme',
			'PATCH /customers/cus-acme',
			'PATCH /customers/cus-acme',
			'GET /customers/cus-acme',
		]);
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

describe('many customers in one run: checked by list before any write, each merged over a fresh read', () => {
	startEach(sandbox, withBulkCustomers(120));
	const ids = Array.from({ length: 12 }, (_, i) => `cus-bulk-${String(i + 1).padStart(5, '0')}`);

	test('one list request checks them all; each write rests on a read just before it; one list reads them back', async () => {
		const { items, error } = await runNode({
			parameters: customerUpdate({ billingSettings: { base: { unitCost: '={{ $json.cost }}' } } }, '={{ $json.customer }}'),
			items: ids.map((id, i) => ({ customer: byId(id), cost: i + 1 })),
			credentials: admin(),
		});
		expect(error).toBeUndefined();
		expect(items).toHaveLength(12);
		const routes = sandbox.log.map((e) => e.route);
		expect(routes.filter((r) => r === 'GET /customers')).toHaveLength(2);
		expect(routes.filter((r) => r === 'GET /customers/:id')).toHaveLength(12);
		expect(routes.filter((r) => r === 'PATCH /customers/:id')).toHaveLength(12);
		// The check comes first and the read-back last; every write comes right after its own read.
		expect(routes[0]).toBe('GET /customers');
		expect(routes.at(-1)).toBe('GET /customers');
		for (const id of ids) {
			const path = `/customers/${id}`;
			const at = sandbox.log.findIndex((e) => e.method === 'PATCH' && e.path === path);
			expect(sandbox.log.slice(0, at).filter((e) => e.path === path).map((e) => e.method)).toEqual(['GET']);
		}
		expect(ids.map((id) => sandbox.state.customers[id].billingSettings?.base?.unitCost)).toEqual(ids.map((_, i) => i + 1));
	});

	test('a server that ignores specificIds: each customer is read alone instead, and the run is the same', async () => {
		sandbox.setSemantics({ specificIds: 'ignored' });
		// Customers past the first page of the list, which is all such a server answers.
		const later = ids.map((_, i) => `cus-bulk-${String(i + 100).padStart(5, '0')}`);
		const { error } = await runNode({
			parameters: customerUpdate({ billingSettings: { base: { unitCost: '={{ $json.cost }}' } } }, '={{ $json.customer }}'),
			items: later.map((id, i) => ({ customer: byId(id), cost: 100 + i })),
			credentials: admin(),
		});
		expect(error).toBeUndefined();
		expect(later.map((id) => sandbox.state.customers[id].billingSettings?.base?.unitCost)).toEqual(later.map((_, i) => 100 + i));
		// The check and the read-back read every customer alone (the check's read is also the base of
		// its write while fresh; a slow machine reads once more before the write).
		for (const id of later) {
			const reads = sandbox.log.filter((e) => e.method === 'GET' && e.path === `/customers/${id}`).length;
			expect(reads >= 2 && reads <= 3).toBe(true);
		}
	});

	test('a customer the list lacks is read alone: not found, nothing of the run is written', async () => {
		const { error } = await runNode({
			parameters: customerUpdate({ billingSettings: { base: { unitCost: 9 } } }, '={{ $json.customer }}'),
			items: [...ids, 'cus-missing'].map((id) => ({ customer: byId(id) })),
			credentials: admin(),
		});
		expect(error?.message).toMatch(/Not found/);
		expect(sandbox.log.filter((e) => e.method === 'PATCH')).toHaveLength(0);
		expect(sandbox.log.filter((e) => e.route === 'GET /customers/:id').map((e) => e.path)).toEqual(['/customers/cus-missing']);
	});
});
