// Customer › Update's explicit clearing: Remove All Rules, Remove Parent Customer, under each way Evo Voice may take a blank.
import { runNode } from '../harness';
import { byId, customerUpdate } from '../fixtures/parameters';
import { describeEachBlankStringMode } from '../fixtures/blankString';
import { asAdmin, freshSandbox } from '../fixtures/sandbox';

// Explicit ways to clear what can be cleared: a schedule's rules, a parent customer, a logo.
// How the real API takes the '' that clears a reference is a guess (CLEARED in the body mapper):
// the sandbox's blankString mode plays each possibility (store, clear, ignore, reject), and the node
// must report each truthfully: removed, or an error naming what Evo Voice kept, never a success.
// Account › Update's Remove Logo is in test/account/update.clearing.test.ts.

const sandbox = freshSandbox();
const admin = () => asAdmin(sandbox);
const patches = () => sandbox.log.filter((e) => e.method === 'PATCH');

describe('clearing', () => {
	test('Remove All Rules empties the schedule and keeps its other fields (merge)', async () => {
		const before = sandbox.state.customers['cus-acme'].schedule!;
		expect(before.rules?.length).toBeGreaterThan(0);
		const { error } = await runNode({ parameters: customerUpdate({ schedule: { clearRules: true } }), credentials: admin() });
		expect(error).toBeUndefined();
		const after = sandbox.state.customers['cus-acme'].schedule!;
		expect(after.rules).toEqual([]);
		expect({ ...after, rules: before.rules }).toEqual(before);
	});

	test('Remove All Rules beside rules is refused before anything is sent', async () => {
		const { error } = await runNode({
			parameters: customerUpdate({ schedule: { clearRules: true, rules: { rule: [{ name: 'x', state: 'Open', simpleRuleType: 'Always' }] } } }),
			credentials: admin(),
		});
		expect(error?.message).toContain('Use either "Schedule › Rules" or "Schedule › Remove All Rules"');
		expect(patches()).toHaveLength(0);
	});

	test('Remove Parent Customer makes the customer top-level', async () => {
		expect(sandbox.state.customers['cus-acme-north'].parentCustomerId).toBe('cus-acme');
		const { error } = await runNode({ parameters: customerUpdate({ clearParentCustomer: true }, byId('cus-acme-north')), credentials: admin() });
		expect(error).toBeUndefined();
		// The default guess: Evo Voice stores the '' it is sent, which means no parent.
		expect(sandbox.state.customers['cus-acme-north'].parentCustomerId || undefined).toBeUndefined();
		expect(patches()[0].body).toEqual({ parentCustomerId: '' });
	});

	test('an empty Parent Customer picker is refused and says how to clear it', async () => {
		const { error } = await runNode({ parameters: customerUpdate({ parentCustomerId: byId('') }, byId('cus-acme-north')), credentials: admin() });
		expect(error?.message).toContain('Parent Customer (parentCustomerId) must not be empty; got an empty text. To remove it, turn on "Remove Parent Customer"');
		expect(patches()).toHaveLength(0);
		expect(sandbox.state.customers['cus-acme-north'].parentCustomerId).toBe('cus-acme');
	});
});

describeEachBlankStringMode((mode, own, creds) => {
	const customer = () => own.state.customers['cus-acme-north'];

	test('the parent customer, beside a rename', async () => {
		expect(customer().parentCustomerId).toBe('cus-acme');
		const run = () =>
			runNode({ parameters: customerUpdate({ name: 'North Office', clearParentCustomer: true }, byId('cus-acme-north')), credentials: creds() });
		const { items, error } = await run();
		if (mode === 'store' || mode === 'clear') {
			expect(error).toBeUndefined();
			expect(customer().name).toBe('North Office');
			expect(customer().parentCustomerId ?? '').toBe('');
			if (mode === 'store') expect(customer().parentCustomerId).toBe('');
			else expect('parentCustomerId' in customer()).toBe(false);
			expect(items[0].json.parentCustomerId ?? '').toBe('');
		} else if (mode === 'ignore') {
			expect(error?.message).toBe(
				'Evo Voice kept Parent Customer (parentCustomerId) = cus-acme on customer "cus-acme-north": it did not remove it when sent an empty value; the other changes were applied',
			);
			expect(error?.description).toContain('Remove the Parent Customer in Evo Voice itself');
			expect(customer().parentCustomerId).toBe('cus-acme');
			expect(customer().name).toBe('North Office');
		} else {
			// 'reject': the API's own 400, naming the field; nothing changed.
			expect(error?.httpCode).toBe('400');
			expect(`${error?.message} ${error?.description ?? ''}`).toContain('parentCustomerId');
			expect(`${error?.message} ${error?.description ?? ''}`).toMatch(/must not be empty/);
			expect(customer().parentCustomerId).toBe('cus-acme');
			expect(customer().name).not.toBe('North Office');
		}
	});
});
