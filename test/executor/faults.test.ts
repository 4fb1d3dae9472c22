// The fault-injection run: 3,000 items through the sandbox's faults, every item ending as one output item, no secret shown.
import { SANDBOX_CREDENTIALS, defaultSeed, makeCustomers, startSandbox, type FaultRule, type Sandbox } from '../../sandbox';
import { runNode } from '../harness';
import { byId, customerUpdate } from '../fixtures/parameters';

/**
 * A bulk run with the sandbox's faults mixed in. Whatever happens, every input item must end as
 * exactly one output item, paired to it: the updated customer, or an error item naming the item,
 * the status and the API's message. No secret may appear in any output.
 */
const ITEMS = 3000;
const FAULTS: FaultRule[] = [
	{ route: 'PATCH /customers/:id', status: 429, retryAfterSeconds: 0, rate: 0.08, seed: 1 },
	{ route: 'PATCH /customers/:id', status: 503, retryAfterSeconds: 0, rate: 0.03, seed: 2 },
	{ route: 'PATCH /customers/:id', status: 500, rate: 0.01, seed: 3 },
	{ route: 'PATCH /customers/:id', status: 502, rate: 0.01, seed: 4 },
	{ route: 'PATCH /customers/:id', status: 504, rate: 0.01, seed: 5 },
	{ route: 'PATCH /customers/:id', kind: 'reset', rate: 0.01, seed: 6 },
	{ route: 'PATCH /customers/:id', kind: 'malformed', rate: 0.005, seed: 7 },
	{ route: 'PATCH /customers/:id', kind: 'timeout', rate: 0.002, seed: 8 },
];

let sandbox: Sandbox;
beforeAll(async () => {
	const seed = defaultSeed();
	seed.customers.push(...makeCustomers(ITEMS, 'acc-reseller'));
	sandbox = await startSandbox({ seed, faults: FAULTS });
});
afterAll(async () => await sandbox.close());

test(`${ITEMS} items through faults: none lost, none duplicated, no secret shown`, async () => {
	const ids = makeCustomers(ITEMS, 'acc-reseller').map((c) => c.id);
	const { items, error } = await runNode({
		parameters: {
			...customerUpdate({ referenceId: '={{ "billing-2026-11-" + $json.id }}' }, byId('={{ $json.id }}')),
			// About 15% of requests fail in a retryable way, so 5 retries leave one item in ~30 runs a
			// sixth fault in a row; 10 make "every rate limit waited out" hold (odds ~1 in 300,000).
			requestOptions: { maxConcurrency: 20, timeout: 1500, maxRetries: 10 },
		},
		items: ids.map((id) => ({ id })),
		continueOnFail: true,
		credentials: { baseUrl: sandbox.url, authType: 'apiToken', apiToken: SANDBOX_CREDENTIALS.adminToken },
	});
	expect(error).toBeUndefined();

	const successes = items.filter((i) => !i.error && i.json.id);
	const errors = items.filter((i) => i.error || i.json.error);
	const pairedTo = items.map((i) => (i.pairedItem as { item: number }).item);
	const patches = sandbox.log.filter((e) => e.method === 'PATCH');
	const retried = patches.length - new Set(patches.map((e) => e.path)).size;
	const output = JSON.stringify(items);
	const secretsFound = output.split(SANDBOX_CREDENTIALS.adminToken).length - 1;
	const lost = ITEMS - new Set(pairedTo).size;

	process.stdout.write(
		[
			'fault injection:',
			`items in ${ITEMS}, items out ${items.length}, successes ${successes.length}, error items ${errors.length},`,
			`requests ${patches.length}, requests retried ${retried}, items lost ${lost}, secrets found in outputs ${secretsFound}`,
			`faults injected ${JSON.stringify(sandbox.counters().faults)}`,
		].join(' ') + '\n',
	);

	expect(items).toHaveLength(ITEMS);
	expect(pairedTo).toEqual(ids.map((_, i) => i));
	expect(lost).toBe(0);
	expect(secretsFound).toBe(0);
	expect(successes.length + errors.length).toBe(ITEMS);
	expect(retried).toBeGreaterThan(0);
	// Every success is in the sandbox; every error item names its item and its status or cause.
	for (const item of successes) {
		expect(sandbox.state.customers[String(item.json.id)].referenceId).toBe(`billing-2026-11-${item.json.id}`);
	}
	errors.forEach((item) => {
		const index = (item.pairedItem as { item: number }).item;
		expect(String(item.json.error)).toMatch(new RegExp(`item ${index + 1}\\b|API`));
	});
	// Rate limits were waited out: no item failed for a 429 alone.
	expect(errors.filter((i) => String(i.json.error).includes('HTTP 429'))).toHaveLength(0);
}, 180_000);
