// What the run rests on: a merge base must be the record asked for, and a write answered with no body still ends as its item.
import { isEntity } from '../../nodes/EvoVoice/executor/entity';
import { runNode } from '../harness';
import { startRecorder, type Recorder } from '../harness/recorder';
import { byId, customerUpdate } from '../fixtures/parameters';

test('a merge base must be the record asked for', () => {
	expect(isEntity({ id: 'cus-1', name: 'x' }, 'cus-1')).toBe(true);
	expect(isEntity({}, 'cus-1')).toBe(false);
	expect(isEntity({ id: 'cus-2' }, 'cus-1')).toBe(false);
	expect(isEntity([{ id: 'cus-1' }], 'cus-1')).toBe(false);
	expect(isEntity('cus-1', 'cus-1')).toBe(false);
});

/** What the API answers is checked before anything rests on it. */
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
