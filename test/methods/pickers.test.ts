// The pickers (listSearch, loadOptions) against the sandbox: customers, accounts, tags and data fields, scoped to the account in play.
import { byId } from '../fixtures/parameters';
import { asAdmin, freshSandbox, withBulkCustomers } from '../fixtures/sandbox';
import { options, search } from '../harness/methods';

const sandbox = freshSandbox(withBulkCustomers(230));
const admin = () => asAdmin(sandbox);

describe('pickers', () => {
	test('customers: searchable and paged', async () => {
		const first = await search('searchCustomers', {}, admin());
		expect(first.results).toHaveLength(50);
		expect(first.paginationToken).toBe('1');
		const next = await search('searchCustomers', {}, admin(), undefined, first.paginationToken as string);
		expect(next.results[0].value).not.toBe(first.results[0].value);
		const found = await search('searchCustomers', {}, admin(), 'acme');
		expect(found.results.map((r) => r.value).sort()).toEqual(['cus-acme', 'cus-acme-north', 'cus-acme-south']);
		expect(found.results.find((r) => r.value === 'cus-acme')?.name).toBe('Acme Dental (crm-1001)');
	});

	test('customers: a typed reference ID finds its customer, exact match first', async () => {
		const found = await search('searchCustomers', {}, admin(), 'crm-2001');
		expect(found.results[0]).toEqual({ name: 'Bluebird Plumbing (crm-2001)', value: 'cus-bluebird' });
		const partial = await search('searchCustomers', {}, admin(), 'CRM-100');
		expect(partial.results.map((r) => r.value)).toContain('cus-acme');
		const nothing = await search('searchCustomers', {}, admin(), 'crm-nobody');
		expect(nothing.results).toEqual([]);
	});

	test('accounts', async () => {
		const found = await search('searchAccounts', {}, admin(), 'north');
		expect(found.results).toEqual([{ name: 'Northwind Telecom', value: 'acc-reseller' }]);
	});

	test("tags and data fields come from the chosen customer's account", async () => {
		const tags = await options('getTags', { customerId: byId('cus-acme') }, admin());
		expect(tags.map((t) => t.value)).toEqual(expect.arrayContaining(['tag-vip', 'tag-new', 'tag-churn-risk', 'tag-wholesale']));
		const fields = await options('getCustomerFields', { customerId: byId('cus-acme') }, admin());
		expect(fields.map((f) => f.value)).toEqual(expect.arrayContaining(['Plan', 'Seats', 'Vip']));
	});
});

describe('pickers scoped to the account in play', () => {
	beforeEach(() => {
		// Give the second account a field and a tag of its own, so mixing them would show.
		const other = sandbox.state.systemSettings['acc-other'];
		other.customerFields = [...(other.customerFields ?? []), { name: 'ContosoOnly', type: 'String' }];
		other.tags = [...(other.tags ?? []), { id: 'tag-contoso', name: 'Contoso Tag' }];
	});

	test("Create's chosen Account decides the data fields and tags", async () => {
		const create = { resource: 'customer', operation: 'create', accountId: byId('acc-other') };
		expect((await options('getCustomerFields', create, admin())).map((f) => f.value)).toContain('ContosoOnly');
		expect((await options('getTags', create, admin())).map((t) => t.value)).toContain('tag-contoso');
		const reseller = { ...create, accountId: byId('acc-reseller') };
		expect((await options('getCustomerFields', reseller, admin())).map((f) => f.value)).not.toContain('ContosoOnly');
	});

	test("the chosen customer's account wins; Get Many's account filter scopes its tag filter", async () => {
		expect((await options('getTags', { customerId: byId('cus-acme') }, admin())).map((t) => t.value)).not.toContain('tag-contoso');
		const list = { resource: 'customer', operation: 'getAll', filters: { accountId: byId('acc-other') } };
		expect((await options('getTags', list, admin())).map((t) => t.value)).toContain('tag-contoso');
	});

	test('with no account in play, each option names its account', async () => {
		const names = (await options('getTags', { resource: 'customer', operation: 'update' }, admin())).map((t) => t.name);
		expect(names).toEqual(expect.arrayContaining(['Contoso Tag (Contoso Voice)']));
		expect(names.every((n) => / \((Northwind Telecom|Contoso Voice|[^)]+)\)$/.test(n))).toBe(true);
	});
});
