// Account › Update's Remove Logo, under each way Evo Voice may take a blank (see test/customer/update.clearing.test.ts).
import { runNode } from '../harness';
import { accountUpdate } from '../fixtures/parameters';
import { describeEachBlankStringMode } from '../fixtures/blankString';
import { asAdmin, freshSandbox } from '../fixtures/sandbox';

const sandbox = freshSandbox();
const admin = () => asAdmin(sandbox);
const patches = () => sandbox.log.filter((e) => e.method === 'PATCH');

describe('clearing', () => {
	test('Remove Logo clears the logo; a blank Logo ID is refused', async () => {
		expect(sandbox.state.accounts['acc-reseller'].logoId).toBe('file-northwind-logo');
		const blank = await runNode({ parameters: accountUpdate({ logoId: ' ' }), credentials: admin() });
		expect(blank.error?.message).toContain('Logo ID (logoId) must not be empty; got a blank text. To remove it, turn on "Remove Logo"');
		expect(patches()).toHaveLength(0);
		const { error } = await runNode({ parameters: accountUpdate({ clearLogo: true }), credentials: admin() });
		expect(error).toBeUndefined();
		expect(sandbox.state.accounts['acc-reseller'].logoId || undefined).toBeUndefined();
		expect(sandbox.state.accounts['acc-reseller'].logoUri).toBeUndefined();
	});
});

describeEachBlankStringMode((mode, own, creds) => {
	const account = () => own.state.accounts['acc-reseller'];

	test('the logo; with Continue On Fail a kept logo is an error item, never a success', async () => {
		expect(account().logoId).toBe('file-northwind-logo');
		const { items, error } = await runNode({
			parameters: accountUpdate({ maxPhoneNumbers: 40, clearLogo: true }),
			continueOnFail: true,
			credentials: creds(),
		});
		expect(error).toBeUndefined();
		expect(items).toHaveLength(1);
		const out = items[0].json;
		if (mode === 'store' || mode === 'clear') {
			expect(out.error).toBeUndefined();
			expect(account().logoId ?? '').toBe('');
			expect(account().logoUri).toBeUndefined();
			expect(account().maxPhoneNumbers).toBe(40);
		} else if (mode === 'ignore') {
			expect(out).toEqual({
				error:
					'Evo Voice kept Logo ID (logoId) = file-northwind-logo on account "acc-reseller": it did not remove it when sent an empty value; the other changes were applied',
			});
			expect(account().logoId).toBe('file-northwind-logo');
			expect(account().maxPhoneNumbers).toBe(40);
		} else {
			expect(String(out.error)).toMatch(/logoId|Logo Id/);
			expect(account().logoId).toBe('file-northwind-logo');
			expect(account().maxPhoneNumbers).not.toBe(40);
		}
	});
});
