// Reference IDs through n8n's own engine across executions (5,000 customers): the static data one run leaves for the next.
import type { IDataObject, INodeParameters } from 'n8n-workflow';

import { defaultSeed, makeCustomers, type Sandbox } from '../../sandbox';
import { byReference, customerUpdate } from '../fixtures/parameters';
import { asAdmin } from '../fixtures/sandbox';
import { loadInOtherProcess, runNode, type RunOptions } from '../harness';
import { useSandbox } from '../sandbox/helpers';

// Reference IDs through n8n's own engine, across executions as n8n runs them: the static data a
// run leaves is what the next run starts from, as n8n saves and loads it.
const seed = defaultSeed();
seed.customers.push(...makeCustomers(5_000, 'acc-reseller'));
const sandbox = useSandbox({ seed });
const FULL_SCAN = Math.ceil((5_000 + defaultSeed().customers.length) / 100);

const admin = (sb: Sandbox) => asAdmin(sb);
/** A CRM event: the name and one data value, so the update merges and needs a read. */
const crmEvent = (reference: string, name: string, lookup: IDataObject = {}): INodeParameters => ({
	...customerUpdate({ name, data: { values: [{ name: 'Plan', type: 'string', stringValue: 'Enterprise' }] } }, byReference(reference)),
	referenceLookup: lookup as INodeParameters,
});

async function run(sb: Sandbox, parameters: INodeParameters, options: Partial<RunOptions> = {}) {
	const before = sb.counters();
	const result = await runNode({ parameters, credentials: admin(sb), mode: 'webhook', ...options });
	const after = sb.counters();
	const requests: Record<string, number> = {};
	for (const [route, n] of Object.entries(after.byRoute)) if (n - (before.byRoute[route] ?? 0)) requests[route] = n - (before.byRoute[route] ?? 0);
	return { ...result, requests, total: after.total - before.total };
}

describe('reference IDs across executions (n8n engine, 5,000 customers)', () => {
	it('first event: one scan and a read-back; later events: the verified read (merge base) and the write', async () => {
		const sb = sandbox();
		const first = await run(sb, crmEvent('crm-bulk-02500', 'First'));
		expect(first.error).toBeUndefined();
		expect(first.items[0].json.id).toBe('cus-bulk-02500');
		expect(first.requests['GET /customers']).toBe(FULL_SCAN);
		expect(first.requests['PATCH /customers/:id']).toBe(1);
		expect(first.requests['GET /customers/:id']).toBe(2);
		expect(first.savedStaticData).toBeDefined();

		let staticData = first.savedStaticData;
		// The second event's data values are already these: nothing a read rests on changed, nothing to read back.
		// The third changes them: the read it merges into, the write, and the read-back that confirms them.
		for (const [reference, name, reads] of [['crm-bulk-02500', 'Second', 1], ['crm-bulk-00042', 'Warmed by the first scan', 2]] as const) {
			const later = await run(sb, crmEvent(reference, name), { staticData });
			expect(later.error).toBeUndefined();
			expect(later.requests).toEqual({ 'GET /customers/:id': reads, 'PATCH /customers/:id': 1 });
			staticData = later.savedStaticData ?? staticData;
		}
		expect(sb.state.customers['cus-bulk-00042']).toMatchObject({ name: 'Warmed by the first scan', data: { Plan: { stringValue: 'Enterprise' }, Seats: { numberValue: 43 } } });
	});

	it('after the reference ID moves, updates the new holder and never the old', async () => {
		const sb = sandbox();
		const { savedStaticData } = await run(sb, crmEvent('crm-bulk-00100', 'Before'));
		sb.state.customers['cus-bulk-00100'] = { ...sb.state.customers['cus-bulk-00100'], referenceId: 'crm-gone' };
		sb.state.customers['cus-bulk-00200'] = { ...sb.state.customers['cus-bulk-00200'], referenceId: 'crm-bulk-00100' };
		const old = JSON.stringify(sb.state.customers['cus-bulk-00100']);
		const moved = await run(sb, crmEvent('crm-bulk-00100', 'After'), { staticData: savedStaticData });
		expect(moved.items[0].json.id).toBe('cus-bulk-00200');
		expect(JSON.stringify(sb.state.customers['cus-bulk-00100'])).toBe(old);
		expect(sb.log.filter((e) => e.method === 'PATCH').map((e) => e.path)).toEqual(['/customers/cus-bulk-00100', '/customers/cus-bulk-00200']);
	});

	it('a reference ID held by two fails naming both, writes nothing, and is not remembered', async () => {
		const sb = sandbox();
		const { error, requests, savedStaticData } = await run(sb, crmEvent('crm-dup', 'x'));
		expect(error?.message).toBe(
			'2 customers have the reference ID "crm-dup": cus-cedar-1 (Cedar Family Practice), cus-cedar-2 (Cedar Family Practice (old)). Give each its own reference ID, or use the customer\'s ID instead',
		);
		expect(requests['PATCH /customers/:id']).toBeUndefined();
		expect(JSON.stringify(savedStaticData)).not.toContain('crm-dup');
	});

	it('manual runs look up afresh and leave the memory as it was', async () => {
		const sb = sandbox();
		const { savedStaticData } = await run(sb, crmEvent('crm-bulk-00001', 'Production'));
		const manual = await run(sb, crmEvent('crm-bulk-00001', 'Manual'), { mode: 'manual', staticData: savedStaticData });
		expect(manual.error).toBeUndefined();
		expect(manual.requests['GET /customers']).toBe(FULL_SCAN);
		expect(manual.savedStaticData).toBeUndefined();
	});

	it('with Remember Look-Ups For 0, every run reads the whole list', async () => {
		const sb = sandbox();
		const { savedStaticData } = await run(sb, crmEvent('crm-bulk-00001', 'One', { cacheHours: 0 }));
		expect(savedStaticData).toBeUndefined();
		const again = await run(sb, crmEvent('crm-bulk-00001', 'Two', { cacheHours: 0 }), { staticData: savedStaticData });
		expect(again.requests['GET /customers']).toBe(FULL_SCAN);
	});

	it('resolves every reference ID of a run with one scan, each item paired to its input', async () => {
		const sb = sandbox();
		const items = [{ ref: 'crm-bulk-00003' }, { ref: 'crm-nobody' }, { ref: 'crm-1001' }, { ref: 'crm-bulk-00003' }];
		const result = await run(sb, { ...customerUpdate({ name: '={{ "CRM " + $json.ref }}' }, byReference('={{ $json.ref }}')) }, { items, continueOnFail: true });
		expect(result.requests['GET /customers']).toBe(FULL_SCAN);
		expect(result.items.map((i) => i.json.id ?? i.json.error)).toEqual(['cus-bulk-00003', 'No customer has the reference ID "crm-nobody"', 'cus-acme', 'cus-bulk-00003']);
		expect(result.items.map((i) => i.pairedItem)).toEqual([0, 1, 2, 3].map((item) => ({ item })));
	});

	it('scopes the look-up to accounts', async () => {
		const sb = sandbox();
		sb.state.customers['cus-contoso-1'] = { ...sb.state.customers['cus-contoso-1'], referenceId: 'crm-1001' };
		// A full look-up (not what this process remembers of crm-1001) sees both holders.
		const unscoped = await run(sb, crmEvent('crm-1001', 'x', { cacheHours: 0 }));
		expect(unscoped.error?.message).toContain('2 customers have the reference ID "crm-1001"');
		const scoped = await run(sb, crmEvent('crm-1001', 'Contoso (CRM)', { accountIds: 'acc-other' }));
		expect(scoped.items[0]?.json.id).toBe('cus-contoso-1');
		expect(scoped.requests['GET /customers']).toBe(1);
		const none = await run(sb, crmEvent('crm-2001', 'x', { accountIds: 'acc-other' }));
		expect(none.error?.message).toBe('No customer in account acc-other has the reference ID "crm-2001"');
	});

	it('a worker that starts with no static data (queue mode) is served by what its process learnt; another process looks up afresh', async () => {
		const sb = sandbox();
		const worker = loadInOtherProcess();
		const first = await run(sb, crmEvent('crm-bulk-04100', 'Worker First'), { nodeType: worker });
		expect(first.requests['GET /customers']).toBe(FULL_SCAN);
		// No static data handed over, as n8n starts a worker's webhook execution.
		const next = await run(sb, crmEvent('crm-bulk-04101', 'Worker Next'), { nodeType: worker });
		expect(next.requests['GET /customers']).toBeUndefined();
		expect(next.items[0].json.id).toBe('cus-bulk-04101');
		const elsewhere = await run(sb, crmEvent('crm-bulk-04102', 'Other Worker'), { nodeType: loadInOtherProcess() });
		expect(elsewhere.requests['GET /customers']).toBe(FULL_SCAN);
	});
});
