// Account › Update: each field to the request body ("Replace", against the request recorder), and a merge by a system administrator (sandbox).
import { runNode } from '../harness';
import { TOKEN, accountUpdate, byId, fullBilling } from '../fixtures/parameters';
import { useRecorder } from '../fixtures/recorder';
import { asAdmin, freshSandbox, withBulkCustomers } from '../fixtures/sandbox';

describe('Account › Update', () => {
	const api = useRecorder();

	const run = async (updateFields: object, accountId: unknown = byId('acc-reseller')) =>
		await runNode({
			parameters: accountUpdate(updateFields as never, accountId, 'replace'),
			credentials: { baseUrl: api.url, authType: 'apiToken', apiToken: TOKEN },
		});

	test('every field: name, max phone numbers, logo and all billing settings', async () => {
		const billing = fullBilling();
		const result = await run({ name: 'Northwind', maxPhoneNumbers: 500, logoId: 'file-logo-1', billingSettings: billing.parameters });
		expect(result.error).toBeUndefined();
		const [request] = api.requests;
		expect(request.method).toBe('PATCH');
		expect(request.url).toBe('/accounts/acc-reseller');
		expect(request.headers.authorization).toBe(`Bearer ${TOKEN}`);
		expect(request.body).toEqual({ name: 'Northwind', maxPhoneNumbers: 500, logoId: 'file-logo-1', billingSettings: billing.body });
	});

	test('max phone numbers alone', async () => {
		await run({ maxPhoneNumbers: 0 });
		expect(api.requests[0].rawBody).toBe('{"maxPhoneNumbers":0}');
	});

	test('the account ID is encoded into the path', async () => {
		await run({ name: 'x' }, byId('acc/../customers?x#y'));
		expect(api.requests[0].url).toBe('/accounts/acc%2F..%2Fcustomers%3Fx%23y');
	});

	test('customers and accounts share one Update Fields, with one billing settings description', async () => {
		const { loadEvoVoice } = await import('../harness');
		const updateFields = loadEvoVoice().description.properties.filter((p) => p.name === 'updateFields');
		expect(updateFields).toHaveLength(1);
		expect(updateFields[0].displayOptions?.show?.resource).toEqual(['customer', 'account']);
		const billing = (updateFields[0].options ?? []).filter((o) => o.name === 'billingSettings');
		expect(billing).toHaveLength(1);
		expect((billing[0] as { displayOptions?: unknown }).displayOptions).toBeUndefined();
	});
});

describe('updates against the sandbox', () => {
	const sandbox = freshSandbox(withBulkCustomers(230));
	const admin = () => asAdmin(sandbox);

	test('an account update by a system administrator', async () => {
		const { error } = await runNode({ parameters: accountUpdate({ maxPhoneNumbers: 300, billingSettings: { base: { baseCost: 25 } } }), credentials: admin() });
		expect(error).toBeUndefined();
		expect(sandbox.state.accounts['acc-reseller'].maxPhoneNumbers).toBe(300);
		expect(sandbox.state.accounts['acc-reseller'].billingSettings?.base?.baseCost).toBe(25);
		expect(sandbox.state.accounts['acc-reseller'].billingSettings?.localNumbers).toBeDefined();
	});
});
