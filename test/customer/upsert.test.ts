// Customer › Create or Update against the sandbox: none, one or several holders; a chain in one run; executions at once.
import type { IDataObject, INodeParameters } from 'n8n-workflow';

import { byId } from '../fixtures/parameters';
import { asAdmin, freshSandbox } from '../fixtures/sandbox';
import { loadInOtherProcess, runNode, type RunOptions } from '../harness';

const sandbox = freshSandbox();
const admin = () => asAdmin(sandbox);
const holdersOf = (referenceId: string) => Object.values(sandbox.state.customers).filter((c) => c.referenceId === referenceId);
const requests = () => sandbox.log.map((e) => e.route);

function upsert(referenceId: string, name: string, updateFields: IDataObject = {}): INodeParameters {
	// Update Fields hold whatever the test gives, as the editor stores them.
	return { resource: 'customer', operation: 'upsert', accountId: byId('acc-reseller'), referenceId, name, updateFields } as INodeParameters;
}

const event = (parameters: INodeParameters, extra: Partial<RunOptions> = {}): RunOptions => ({ parameters, credentials: admin(), mode: 'webhook', ...extra });

describe('Customer › Create or Update', () => {
	test('no customer has the reference ID: it is created with it, then the fields the create does not take are written', async () => {
		const { items, error } = await runNode(event(upsert('crm-7701', 'Foxtrot Law', { addTagIds: ['tag-vip'], billingSettings: { base: { baseCost: 49 } }, data: { values: [{ name: 'Plan', type: 'string', stringValue: 'Pro' }] } })));
		expect(error).toBeUndefined();
		const [customer] = holdersOf('crm-7701');
		expect(customer).toMatchObject({ name: 'Foxtrot Law', accountId: 'acc-reseller', data: { Plan: { stringValue: 'Pro' } }, billingSettings: { base: { baseCost: 49 } } });
		expect(customer.tags?.map((t) => t.id)).toEqual(['tag-vip']);
		expect(items.map((i) => i.json.id)).toEqual([customer.id]);
		const create = sandbox.log.find((e) => e.method === 'POST');
		expect(create?.body).toEqual({ accountId: 'acc-reseller', referenceId: 'crm-7701', name: 'Foxtrot Law', data: { Plan: { stringValue: 'Pro' } } });
		expect(requests().filter((r) => r === 'POST /customers')).toHaveLength(1);
	});

	test('one customer has it: it is updated as Update does, renamed, never created', async () => {
		const before = structuredClone(sandbox.state.customers['cus-bluebird']);
		const { items, error } = await runNode(event(upsert('crm-2001', 'Bluebird Plumbing & Heating', { addTagIds: ['tag-vip'] })));
		expect(error).toBeUndefined();
		expect(items[0].json).toMatchObject({ id: 'cus-bluebird', name: 'Bluebird Plumbing & Heating' });
		expect(sandbox.state.customers['cus-bluebird'].tags?.map((t) => t.id).sort()).toEqual([...(before.tags ?? []).map((t) => t.id), 'tag-vip'].sort());
		expect(requests()).not.toContain('POST /customers');
	});

	test('a customer that has it, and nothing but the match key: it is returned as it is', async () => {
		const { items, error } = await runNode(event(upsert('crm-2001', '')));
		expect(error).toBeUndefined();
		expect(items[0].json).toMatchObject({ id: 'cus-bluebird', name: 'Bluebird Plumbing' });
		expect(requests().filter((r) => r.startsWith('PATCH') || r.startsWith('POST'))).toEqual([]);
	});

	test('several customers have it: the item fails naming them, and nothing is written', async () => {
		const { error } = await runNode(event(upsert('crm-dup', 'Cedar')));
		expect(error?.message).toMatch(/cus-cedar-1.*cus-cedar-2/);
		expect(requests().filter((r) => !r.startsWith('GET'))).toEqual([]);
	});

	test('a new customer without a name is refused before any request, naming the field and the reference ID', async () => {
		const { error } = await runNode(event(upsert('crm-7702', '', { addTagIds: ['tag-vip'] })));
		expect(error?.message).toMatch(/Name \(name\) must not be empty when the customer is created.*crm-7702/);
		expect(requests().filter((r) => !r.startsWith('GET'))).toEqual([]);
	});

	test('the reference ID is the match key: setting it under Update Fields is refused', async () => {
		const { error } = await runNode(event(upsert('crm-2001', 'Bluebird', { referenceId: 'crm-2002' })));
		expect(error?.message).toMatch(/Update Fields › Reference ID \(updateFields.referenceId\) is the match key/);
		expect(sandbox.log).toHaveLength(0);
	});

	test('items of one run with a new reference ID form one chain: one create, then updates on what it returned', async () => {
		const { items, error } = await runNode({
			...event({ ...upsert('crm-7703', '={{ $json.name }}', { addTagIds: '={{ [$json.tag] }}' }) }),
			items: [{ name: 'Golf One', tag: 'tag-vip' }, { name: 'Golf Two', tag: 'tag-new' }, { name: 'Golf Three', tag: 'tag-wholesale' }],
		});
		expect(error).toBeUndefined();
		const holders = holdersOf('crm-7703');
		expect(holders).toHaveLength(1);
		expect(holders[0]).toMatchObject({ name: 'Golf Three' });
		expect(holders[0].tags?.map((t) => t.id).sort()).toEqual(['tag-new', 'tag-vip', 'tag-wholesale']);
		expect(items.map((i) => i.json.id)).toEqual([holders[0].id, holders[0].id, holders[0].id]);
		expect(requests().filter((r) => r === 'POST /customers')).toHaveLength(1);
	});
});

describe('Create or Update of one new reference ID by executions at the same moment', () => {
	beforeEach(() => sandbox.setFaults([{ route: '*', latencyMs: 50 }]));

	test('in one process (a CRM retry): one customer, and both items are it', async () => {
		const [a, b] = await Promise.all([runNode(event(upsert('crm-7704', 'Hotel Group'))), runNode(event(upsert('crm-7704', 'Hotel Group')))]);
		expect([a.error, b.error]).toEqual([undefined, undefined]);
		const holders = holdersOf('crm-7704');
		expect(holders).toHaveLength(1);
		expect([a.items[0].json.id, b.items[0].json.id]).toEqual([holders[0].id, holders[0].id]);
		expect(requests().filter((r) => r === 'POST /customers')).toHaveLength(1);
	});

	test('in two processes: both create, the younger twin is removed and its update laid over the older', async () => {
		const other = loadInOtherProcess();
		const [a, b] = await Promise.all([
			runNode(event(upsert('crm-7705', 'India Dental', { addTagIds: ['tag-vip'] }))),
			runNode(event(upsert('crm-7705', 'India Dental', { addTagIds: ['tag-new'] }), { nodeType: other })),
		]);
		expect([a.error, b.error]).toEqual([undefined, undefined]);
		const holders = holdersOf('crm-7705');
		expect(holders).toHaveLength(1);
		expect([a.items[0].json.id, b.items[0].json.id]).toEqual([holders[0].id, holders[0].id]);
		expect(holders[0].tags?.map((t) => t.id).sort()).toEqual(['tag-new', 'tag-vip']);
		expect(requests().filter((r) => r === 'POST /customers')).toHaveLength(2);
		expect(requests().filter((r) => r === 'DELETE /customers/:id')).toHaveLength(1);
	});
});
