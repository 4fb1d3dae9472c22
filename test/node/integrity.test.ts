import { runNode } from '../harness';
import { startRecorder, type Recorder } from '../harness/recorder';
import { byId, customerUpdate } from '../fixtures/parameters';

/** What the API answers is checked before anything rests on it; secrets never come back out. */
let api: Recorder | undefined;
afterEach(async () => await api?.close());

describe('a read that is not the entity is never merged into', () => {
	test.each([
		['an empty object', {}],
		['another customer', { id: 'cus-bluebird', name: 'Bluebird Plumbing', billingSettings: {} }],
		['a list page', { items: [], totalCount: 0 }],
	])('%s: the item fails naming the customer, and nothing is written', async (_title, answer) => {
		api = await startRecorder((request) => ({ body: request.method === 'GET' ? answer : { id: 'cus-acme' } }));
		const { error } = await runNode({
			parameters: customerUpdate({ billingSettings: { localNumbers: { unitCost: 1 } } }),
			credentials: { baseUrl: api.url, apiToken: 'tok-integrity-1' },
		});
		expect(error?.message).toContain('is not that record');
		expect(error?.message).toContain('"cus-acme"');
		expect(api.requests.map((r) => r.method)).toEqual(['GET']);
	});

	test('with "continue on fail" only that item fails; the other customer is written', async () => {
		api = await startRecorder((request) => ({
			body: request.method === 'GET' ? (request.url.endsWith('/cus-bad') ? {} : { id: 'cus-good', billingSettings: { base: { baseCost: 1 } } }) : { id: request.url.split('/').pop() },
		}));
		const { items, error } = await runNode({
			parameters: { ...customerUpdate({ billingSettings: { localNumbers: { unitCost: 2 } } }, byId('={{ $json.id }}')), simple: false },
			items: [{ id: 'cus-bad' }, { id: 'cus-good' }],
			continueOnFail: true,
			credentials: { baseUrl: api.url, apiToken: 'tok-integrity-2' },
		});
		expect(error).toBeUndefined();
		expect(items[0].json.error).toContain('is not that record');
		expect(items[1].json).toEqual({ id: 'cus-good' });
		expect(api.requests.filter((r) => r.method === 'PATCH').map((r) => [r.url, r.body])).toEqual([
			['/customers/cus-good', { billingSettings: { base: { baseCost: 1 }, localNumbers: { unitCost: 2 } } }],
		]);
	});
});

describe('secrets echoed back by the API are hidden in every form', () => {
	// An API (or a proxy in front of it) that repeats the request's headers and the secrets in its error.
	const echo = (secrets: string[]) =>
		startRecorder((request) => ({
			status: 400,
			body: {
				responseStatus: {
					errorCode: 'Bad',
					message: `Rejected ${request.headers.authorization} for ${secrets.join(' / ')}`,
					errors: secrets.map((secret) => ({ fieldName: 'auth', message: `saw ${JSON.stringify(secret)}` })),
				},
			},
		}));

	test('an API token saved with a trailing newline and spaces', async () => {
		const token = '  tok-untrimmed-7d1e\n';
		api = await echo([token, token.trim()]);
		const { error, run } = await runNode({ parameters: customerUpdate({ name: 'x' }), credentials: { baseUrl: api.url, apiToken: token } });
		expect(api.requests[0].headers.authorization).toBe(`Bearer ${token.trim()}`);
		expect(error?.message).toContain('Rejected **hidden**');
		const everything = JSON.stringify({ error, run });
		for (const form of [token.trim(), JSON.stringify(token), Buffer.from(token.trim()).toString('base64')]) expect(everything).not.toContain(form);
	});

	test('email and password: the Basic value, email:password and the password alone', async () => {
		const email = 'ops@reseller.example';
		const password = 'p@ss:word-9Zq ';
		const pair = `${email}:${password}`;
		const basic = Buffer.from(pair).toString('base64');
		api = await echo([pair, password, basic]);
		const { error, run } = await runNode({
			parameters: customerUpdate({ name: 'x' }),
			credentials: { baseUrl: api.url, authType: 'basicAuth', email, password },
		});
		expect(api.requests[0].headers.authorization).toBe(`Basic ${basic}`);
		expect(error?.message).toContain('Rejected **hidden**');
		const everything = JSON.stringify({ error, run });
		for (const form of [basic, pair, password.trim(), encodeURIComponent(password)]) expect(everything).not.toContain(form);
	});
});

test('an update the API answers with no body still ends as one item per input item', async () => {
	api = await startRecorder(() => ({ status: 204 }));
	const { items, error } = await runNode({
		parameters: customerUpdate({ name: '={{ $json.name }}' }, byId('={{ $json.id }}'), 'replace'),
		items: [{ id: 'cus-1', name: 'One' }, { id: 'cus-2', name: 'Two' }],
		credentials: { baseUrl: api.url, apiToken: 'tok-integrity-3' },
	});
	expect(error).toBeUndefined();
	expect(items.map((i) => [i.json, i.pairedItem])).toEqual([
		[{ id: 'cus-1' }, { item: 0 }],
		[{ id: 'cus-2' }, { item: 1 }],
	]);
});
