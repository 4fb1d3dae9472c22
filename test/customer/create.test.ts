// Customer › Create against the sandbox: data values typed by the fields of the account it names.
import type { IDataObject, INodeParameters } from 'n8n-workflow';

import { runNode } from '../harness';
import { byId } from '../fixtures/parameters';
import { asAdmin, freshSandbox, withBulkCustomers } from '../fixtures/sandbox';

const sandbox = freshSandbox(withBulkCustomers(230));
const admin = () => asAdmin(sandbox);

describe("data values typed from the field's definition", () => {
	const auto = (name: string, value: string) => ({ name, type: 'auto', value });

	test('a create wraps them by the account it names', async () => {
		const { items, error } = await runNode({
			parameters: { resource: 'customer', operation: 'create', accountId: byId('acc-reseller'), name: 'Echo Dental', additionalFields: { data: { values: [auto('Seats', '3')] } } },
			credentials: admin(),
		});
		expect(error).toBeUndefined();
		expect(sandbox.state.customers[String(items[0].json.id)].data).toEqual({ Seats: { numberValue: 3 } });
	});
});

describe('a create whose answer is lost is never sent twice', () => {
	const create = (additionalFields: IDataObject = {}) => ({
		parameters: { resource: 'customer', operation: 'create', accountId: byId('acc-reseller'), name: 'Juliet Clinic', additionalFields } as INodeParameters,
		credentials: admin(),
		continueOnFail: true,
	});
	const named = () => Object.values(sandbox.state.customers).filter((c) => c.name === 'Juliet Clinic');
	const posts = () => sandbox.log.filter((e) => e.route === 'POST /customers');

	test('with a reference ID: the customer is looked up by it, found, and is the item', async () => {
		sandbox.setFaults([{ route: 'POST /customers', kind: 'resetAfterApply', count: 1 }]);
		const { items } = await runNode(create({ referenceId: 'crm-7801' }));
		expect(named()).toHaveLength(1);
		expect(items[0].json).toMatchObject({ id: named()[0].id, referenceId: 'crm-7801', name: 'Juliet Clinic' });
		expect(posts()).toHaveLength(1);
	});

	test('with a reference ID nobody has afterwards: the item says it was not created', async () => {
		sandbox.setFaults([{ route: 'POST /customers', kind: 'reset', count: 1 }]);
		const { items } = await runNode(create({ referenceId: 'crm-7802' }));
		expect(items[0].json.error).toMatch(/was lost .*no customer there had the reference ID "crm-7802": it was not created/);
		expect(named()).toHaveLength(0);
		expect(posts()).toHaveLength(1);
	});

	test('without a reference ID: the item says the customer may have been created and how to check', async () => {
		sandbox.setFaults([{ route: 'POST /customers', kind: 'resetAfterApply', count: 1 }]);
		const { items } = await runNode(create());
		expect(items[0].json.error).toMatch(/creating the customer "Juliet Clinic" in account acc-reseller was lost \(.*connection was reset.*\): it may have been created/);
		expect(named()).toHaveLength(1);
		expect(posts()).toHaveLength(1);
	});

	test('Create or Update: a lost answer is looked up by the reference ID, and the customer it made is the item', async () => {
		sandbox.setFaults([{ route: 'POST /customers', kind: 'resetAfterApply', count: 1 }]);
		const { items, error } = await runNode({
			parameters: { resource: 'customer', operation: 'upsert', accountId: byId('acc-reseller'), referenceId: 'crm-7803', name: 'Juliet Clinic', updateFields: { addTagIds: ['tag-vip'] } },
			credentials: admin(),
		});
		expect(error).toBeUndefined();
		expect(named()).toHaveLength(1);
		expect(items[0].json).toMatchObject({ id: named()[0].id });
		expect(named()[0].tags?.map((t) => t.id)).toEqual(['tag-vip']);
		expect(posts()).toHaveLength(1);
	});
});
