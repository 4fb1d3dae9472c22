import { SANDBOX_CREDENTIALS, startSandbox, type Sandbox } from '../../sandbox';
import { runNode } from '../harness';
import { accountUpdate, byId, customerUpdate } from '../fixtures/parameters';

// Explicit ways to clear what can be cleared: a schedule's rules, a parent customer, a logo.
// How the real API clears a reference is a guess ('' — see CLEARED in the body mapper); the
// sandbox applies the same rule, so these tests pin the node's side of it.

let sandbox: Sandbox;
const admin = () => ({ baseUrl: sandbox.url, authType: 'apiToken', apiToken: SANDBOX_CREDENTIALS.adminToken });
const patches = () => sandbox.log.filter((e) => e.method === 'PATCH');

beforeEach(async () => {
	sandbox = await startSandbox();
});
afterEach(async () => await sandbox.close());

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
		expect(sandbox.state.customers['cus-acme-north'].parentCustomerId).toBeUndefined();
	});

	test('an empty Parent Customer picker is refused and says how to clear it', async () => {
		const { error } = await runNode({ parameters: customerUpdate({ parentCustomerId: byId('') }, byId('cus-acme-north')), credentials: admin() });
		expect(error?.message).toContain('Parent Customer (parentCustomerId) must not be empty; got an empty text. To remove it, turn on "Remove Parent Customer"');
		expect(patches()).toHaveLength(0);
		expect(sandbox.state.customers['cus-acme-north'].parentCustomerId).toBe('cus-acme');
	});

	test('Remove Logo clears the logo; a blank Logo ID is refused', async () => {
		expect(sandbox.state.accounts['acc-reseller'].logoId).toBe('file-northwind-logo');
		const blank = await runNode({ parameters: accountUpdate({ logoId: ' ' }), credentials: admin() });
		expect(blank.error?.message).toContain('Logo ID (logoId) must not be empty; got a blank text. To remove it, turn on "Remove Logo"');
		expect(patches()).toHaveLength(0);
		const { error } = await runNode({ parameters: accountUpdate({ clearLogo: true }), credentials: admin() });
		expect(error).toBeUndefined();
		expect(sandbox.state.accounts['acc-reseller'].logoId).toBeUndefined();
		expect(sandbox.state.accounts['acc-reseller'].logoUri).toBeUndefined();
	});
});
