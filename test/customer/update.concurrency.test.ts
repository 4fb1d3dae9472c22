/** Update across executions at the same moment: in one process and in two (queue mode), no change lost. */
import type { IDataObject } from 'n8n-workflow';

import { SANDBOX_CREDENTIALS, startSandbox, type Sandbox } from '../../sandbox';
import { byId, customerUpdate } from '../fixtures/parameters';
import { loadInOtherProcess, runNode, type RunOptions } from '../harness';

let sb: Sandbox;
const admin = () => ({ baseUrl: sb.url, authType: 'apiToken', apiToken: SANDBOX_CREDENTIALS.adminToken });
const tagsOf = (id: string) => (sb.state.customers[id].tags ?? []).map((t) => t.id).sort();
const billingOf = (id: string) => sb.state.customers[id].billingSettings as IDataObject;
const patches = (id: string) => sb.log.filter((e) => e.method === 'PATCH' && e.path === `/customers/${id}`);

/** One CRM event: add a tag and set one billing value, Update Mode left at merge. */
function event(tag: string, item: string, unitCost: number, extra: Partial<RunOptions> = {}, customerId = 'cus-bluebird'): RunOptions {
	return {
		parameters: customerUpdate({ addTagIds: [tag], billingSettings: { [item]: { unitCost } } }, byId(customerId)),
		credentials: admin(),
		mode: 'webhook',
		...extra,
	};
}

beforeEach(async () => {
	sb = await startSandbox();
	sb.setFaults([{ route: '*', latencyMs: 50 }]);
});
afterEach(async () => await sb.close());

describe('two executions at once on one customer', () => {
	test('in one process: both tags and both billing values are kept, each read before its write', async () => {
		const before = tagsOf('cus-bluebird');
		const [a, b] = await Promise.all([runNode(event('tag-vip', 'base', 11)), runNode(event('tag-new', 'localNumbers', 22))]);
		expect([a.error, b.error]).toEqual([undefined, undefined]);
		expect(tagsOf('cus-bluebird')).toEqual([...new Set([...before, 'tag-vip', 'tag-new'])].sort());
		expect(billingOf('cus-bluebird')).toMatchObject({ base: { unitCost: 11 }, localNumbers: { unitCost: 22 } });
		// Serialised in the process: the second write rests on the first, so nothing is applied twice.
		expect(patches('cus-bluebird')).toHaveLength(2);
	});

	test('in two processes: the change the other overwrote is read back and applied again', async () => {
		const other = loadInOtherProcess();
		const before = tagsOf('cus-bluebird');
		const [a, b] = await Promise.all([runNode(event('tag-vip', 'base', 11)), runNode(event('tag-new', 'localNumbers', 22, { nodeType: other }))]);
		expect([a.error, b.error]).toEqual([undefined, undefined]);
		expect(tagsOf('cus-bluebird')).toEqual([...new Set([...before, 'tag-vip', 'tag-new'])].sort());
		expect(billingOf('cus-bluebird')).toMatchObject({ base: { unitCost: 11 }, localNumbers: { unitCost: 22 } });
	});

	test('in two processes, delta tags only: ten executions each add their own tag and all ten stay', async () => {
		const tags = ['tag-vip', 'tag-wholesale', 'tag-new', 'tag-churn-risk'];
		const processes = [undefined, loadInOtherProcess()];
		const runs = tags.map((tag, i) =>
			runNode({ parameters: customerUpdate({ addTagIds: [tag] }, byId('cus-cedar-1')), credentials: admin(), mode: 'webhook', nodeType: processes[i % 2] }),
		);
		const results = await Promise.all(runs);
		expect(results.map((r) => r.error)).toEqual(tags.map(() => undefined));
		expect(tagsOf('cus-cedar-1')).toEqual(expect.arrayContaining(tags));
	});
});

describe('a write overwritten between the write and its confirmation', () => {
	/** Another writer that read the customer before the node wrote and writes its stale state after it. */
	async function staleWriterAfterFirstPatch(id: string): Promise<void> {
		const stale = structuredClone(sb.state.customers[id]);
		for (let i = 0; i < 200 && patches(id).length === 0; i++) await new Promise((r) => setTimeout(r, 10));
		await fetch(`${sb.url}/customers/${id}`, {
			method: 'PATCH',
			headers: { Authorization: `Bearer ${SANDBOX_CREDENTIALS.adminToken}`, 'Content-Type': 'application/json' },
			body: JSON.stringify({ tagIds: (stale.tags ?? []).map((t) => t.id), billingSettings: stale.billingSettings }),
		});
	}

	test('the undone change is applied again on the fresh state, keeping the other writer\'s', async () => {
		const before = structuredClone(billingOf('cus-acme'));
		const [result] = await Promise.all([runNode(event('tag-churn-risk', 'base', 11, {}, 'cus-acme')), staleWriterAfterFirstPatch('cus-acme')]);
		expect(result.error).toBeUndefined();
		expect(tagsOf('cus-acme')).toContain('tag-churn-risk');
		expect(billingOf('cus-acme')).toEqual({ ...before, base: { ...(before.base as IDataObject), unitCost: 11 } });
		// The node's write, the stale one, and the node's write again: only what was undone.
		const bodies = patches('cus-acme').map((e) => e.body as IDataObject);
		expect(bodies).toHaveLength(3);
		expect(bodies[2]).toMatchObject({ tagIds: expect.arrayContaining(['tag-churn-risk']), billingSettings: { base: { unitCost: 11 } } });
		expect(result.items[0].json).toMatchObject({ id: 'cus-acme' });
	});

	test('a value another writer set on purpose (a third value) is left to it, and the item holds', async () => {
		const done = runNode(event('tag-vip', 'base', 11));
		for (let i = 0; i < 200 && patches('cus-bluebird').length === 0; i++) await new Promise((r) => setTimeout(r, 10));
		const current = sb.state.customers['cus-bluebird'].billingSettings as IDataObject;
		await fetch(`${sb.url}/customers/cus-bluebird`, {
			method: 'PATCH',
			headers: { Authorization: `Bearer ${SANDBOX_CREDENTIALS.adminToken}`, 'Content-Type': 'application/json' },
			body: JSON.stringify({ billingSettings: { ...current, base: { ...(current.base as IDataObject), unitCost: 33 } } }),
		});
		const result = await done;
		expect(result.error).toBeUndefined();
		expect(billingOf('cus-bluebird')).toMatchObject({ base: { unitCost: 33 } });
		expect(patches('cus-bluebird')).toHaveLength(2);
	});

	test('a change undone again and again fails its item, naming the customer and the change: never a silent success', async () => {
		const stale = structuredClone(sb.state.customers['cus-bluebird']);
		let stop = false;
		const undoer = (async () => {
			let seen = 0;
			while (!stop) {
				const now = patches('cus-bluebird').filter((e) => (e.body as IDataObject).tagIds !== undefined && JSON.stringify(e.body).includes('tag-vip')).length;
				if (now > seen) {
					seen = now;
					await fetch(`${sb.url}/customers/cus-bluebird`, {
						method: 'PATCH',
						headers: { Authorization: `Bearer ${SANDBOX_CREDENTIALS.adminToken}`, 'Content-Type': 'application/json' },
						body: JSON.stringify({ tagIds: (stale.tags ?? []).map((t) => t.id) }),
					});
				}
				await new Promise((r) => setTimeout(r, 5));
			}
		})();
		const result = await runNode({ ...event('tag-vip', 'base', 11), continueOnFail: true });
		stop = true;
		await undoer;
		expect(result.items).toHaveLength(1);
		expect(result.items[0].json.error).toMatch(/cus-bluebird/);
		expect(result.items[0].json.error).toMatch(/tag tag-vip/);
		expect(result.items[0].json.error).not.toMatch(/Billing/);
	});
});

test('a read-back that fails says the update was sent and answered but not confirmed', async () => {
	// Two customers are read back with one list request, which fails; their reads by ID do not.
	sb.setFaults([{ route: 'GET /customers', status: 500 }]);
	const result = await runNode({
		parameters: customerUpdate({ addTagIds: ['tag-vip'] }, '={{ $json.customer }}'),
		items: [{ customer: byId('cus-bluebird') }, { customer: byId('cus-cedar-1') }],
		credentials: admin(),
		continueOnFail: true,
	});
	expect(result.items.map((i) => i.json.error)).toEqual([
		expect.stringMatching(/customer "cus-bluebird" was sent and answered, but reading it back to confirm it failed/),
		expect.stringMatching(/customer "cus-cedar-1" was sent and answered, but reading it back to confirm it failed/),
	]);
	expect(tagsOf('cus-bluebird')).toContain('tag-vip');
});

test('items of one run that set one value in turn: the last holds, even when it sets it back to what it was', async () => {
	const seats = (sb.state.customers['cus-acme'].data as IDataObject).Seats as IDataObject;
	const values = [Number(seats.numberValue) - 2, Number(seats.numberValue) - 1, Number(seats.numberValue)];
	const result = await runNode({
		parameters: customerUpdate({ data: { values: [{ name: 'Seats', type: 'number', numberValue: '={{ $json.seats }}' }] } }, byId('cus-acme')),
		items: values.map((value) => ({ seats: value })),
		credentials: admin(),
	});
	expect(result.error).toBeUndefined();
	expect((sb.state.customers['cus-acme'].data as IDataObject).Seats).toEqual({ numberValue: values[2] });
	expect(patches('cus-acme')).toHaveLength(3);
});
