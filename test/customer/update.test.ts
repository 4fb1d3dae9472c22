// Customer › Update: each field to the request body ("Replace", against the request recorder), IDs in the path, one request per item.
import { runNode } from '../harness';
import {
	TOKEN,
	byId,
	customerUpdate,
	fullAppSettings,
	fullBilling,
	fullRuleBody,
	fullRuleParameters,
} from '../fixtures/parameters';
import { useUpdateRecorder } from '../fixtures/recorder';

const { api, credentials, update } = useUpdateRecorder();

describe('Customer › Update', () => {
	test('a name alone sends exactly {"name"} with PATCH, JSON and the bearer token, in the default mode', async () => {
		// Simplify off: the output is the API's answer as it came.
		const result = await runNode({ parameters: { ...customerUpdate({ name: 'Acme Dental & Co' }), simple: false }, credentials: credentials() });
		expect(result.error).toBeUndefined();
		expect(api.requests).toHaveLength(1);
		const [request] = api.requests;
		expect(request.method).toBe('PATCH');
		expect(request.url).toBe('/customers/cus-acme');
		expect(request.headers.authorization).toBe(`Bearer ${TOKEN}`);
		expect(request.headers['content-type']).toBe('application/json');
		expect(request.headers.accept).toBe('application/json');
		expect(request.headers['user-agent']).toMatch(/^n8n-nodes-evovoice/);
		expect(request.rawBody).toBe('{"name":"Acme Dental & Co"}');
		expect(result.items).toEqual([{ json: { id: 'echo', name: 'Acme Dental & Co' }, pairedItem: { item: 0 } }]);
	});

	test('the top-level fields are sent under their API names', async () => {
		const { request } = await update({
			name: 'Acme',
			parentCustomerId: byId('cus-parent'),
			referenceId: 'crm-1001',
			overrideBillingSettings: false,
			overrideAppSettings: true,
		});
		expect(request.body).toEqual({
			name: 'Acme',
			parentCustomerId: 'cus-parent',
			referenceId: 'crm-1001',
			overrideBillingSettings: false,
			overrideAppSettings: true,
		});
	});

	test('all nine billing items with all four values', async () => {
		const billing = fullBilling();
		const { request } = await update({ overrideBillingSettings: true, billingSettings: billing.parameters });
		expect(request.body).toEqual({ overrideBillingSettings: true, billingSettings: billing.body });
	});

	test('one billing value sends only that value', async () => {
		const { request } = await update({ billingSettings: { localNumbers: { unitCost: 1.25 } } });
		expect(request.rawBody).toBe('{"billingSettings":{"localNumbers":{"unitCost":1.25}}}');
	});

	test('all eleven app settings', async () => {
		const settings = fullAppSettings();
		const { request } = await update({ appSettings: settings });
		expect(request.body).toEqual({ appSettings: settings });
		expect(Object.keys((request.body as { appSettings: object }).appSettings)).toHaveLength(11);
	});

	test('a schedule with every field and a rule with every SchedulingRule field', async () => {
		const { request } = await update({
			schedule: {
				timeZoneId: 'America/New_York',
				inherit: false,
				forceClosed: false,
				defaultState: 'After Hours',
				rules: { rule: [fullRuleParameters, { name: 'Always', state: 'Closed', simpleRuleType: 'Always' }] },
			},
		});
		expect(request.body).toEqual({
			schedule: {
				timeZoneId: 'America/New_York',
				inherit: false,
				forceClosed: false,
				defaultState: 'After Hours',
				rules: [fullRuleBody, { name: 'Always', state: 'Closed', simpleRuleType: 'Always' }],
			},
		});
	});

	test('states are free text', async () => {
		const { request } = await update({
			schedule: { rules: { rule: [{ name: 'Lunch', state: 'Out To Lunch 🍕', simpleRuleType: 'Time', fields: { startTime: '12:00', endTime: '13:00' } }] } },
		});
		expect(request.body).toEqual({
			schedule: { rules: [{ name: 'Lunch', state: 'Out To Lunch 🍕', simpleRuleType: 'Time', startTime: '12:00', endTime: '13:00' }] },
		});
	});

	test('tags by ID, from the picker or from an expression', async () => {
		const { request } = await update({ tagIds: ['tag-vip', 'tag-new'] });
		expect(request.body).toEqual({ tagIds: ['tag-vip', 'tag-new'] });
		api.requests.length = 0;
		const { request: fromText } = await update({ tagIds: '={{ "tag-vip, tag-wholesale" }}' });
		expect(fromText.body).toEqual({ tagIds: ['tag-vip', 'tag-wholesale'] });
	});

	test('"Remove All Tags" is the only way to send an empty tag list', async () => {
		const { request } = await update({ clearTags: true });
		expect(request.rawBody).toBe('{"tagIds":[]}');
	});

	test('fields added and left blank, unset options and defaults are not sent', async () => {
		const { request } = await update({
			name: 'Only me',
			billingSettings: {},
			appSettings: {},
			schedule: {},
			data: {},
			dataJson: '{}',
			clearTags: false,
		});
		expect(request.rawBody).toBe('{"name":"Only me"}');
	});

	test.each([
		['x/../accounts/a1?y#z', '/customers/x%2F..%2Faccounts%2Fa1%3Fy%23z'],
		['a..b', '/customers/a..b'],
		['100% real', '/customers/100%25%20real'],
		['Zoë/北京', '/customers/Zo%C3%AB%2F%E5%8C%97%E4%BA%AC'],
		['  cus-acme  ', '/customers/cus-acme'],
	])('the ID %j is encoded into one path segment', async (id, path) => {
		const { request } = await update({ name: 'x' }, byId(id));
		expect(request.url).toBe(path);
	});

	test('email and password are sent as HTTP Basic', async () => {
		await runNode({
			parameters: customerUpdate({ name: 'x' }),
			credentials: { baseUrl: api.url, authType: 'basicAuth', email: 'ops@reseller.example', password: 'p@ss:word' },
		});
		expect(api.requests[0].headers.authorization).toBe(`Basic ${Buffer.from('ops@reseller.example:p@ss:word').toString('base64')}`);
	});

	test('each input item gets its own request and its own, paired output item', async () => {
		const result = await runNode({
			parameters: customerUpdate({ name: '={{ $json.name }}' }, byId('={{ $json.id }}'), 'replace'),
			items: [
				{ id: 'c1', name: 'One' },
				{ id: 'c2', name: 'Two' },
				{ id: 'c3', name: 'Three' },
			],
			credentials: credentials(),
		});
		expect(result.error).toBeUndefined();
		expect(api.requests.map((r) => `${r.url} ${r.rawBody}`).sort()).toEqual([
			'/customers/c1 {"name":"One"}',
			'/customers/c2 {"name":"Two"}',
			'/customers/c3 {"name":"Three"}',
		]);
		expect(result.items.map((i) => [i.json.name, i.pairedItem])).toEqual([
			['One', { item: 0 }],
			['Two', { item: 1 }],
			['Three', { item: 2 }],
		]);
	});
});
