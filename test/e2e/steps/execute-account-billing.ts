import type { Counters } from '../../../sandbox';
import { pick } from '../checks';
import { executeWorkflow } from '../../../scripts/n8n/cli';
import { nodeOutput } from '../../../scripts/n8n/run-data';
import type { Step } from './types';

export function routeCount(counters: Counters, route: string): number {
	return counters.byRoute[route] ?? 0;
}

const KEPT_ITEMS = ['tollFreeNumbers', 'inboundVoiceCalls', 'outboundSmsMessages'];

/** account-billing.json with `n8n execute`: one account's billing merged, nothing else touched. */
export const executeAccountBillingStep: Step = {
	name: 'execute account-billing.json',
	async run({ instance, sandbox: sb, seed, checks }) {
		const before = sb.counters();
		const result = await executeWorkflow(instance, 'evovoiceExAccount');
		checks.workflows++;
		if (!checks.ok('account-billing run succeeded', result.ok, () => result.error ?? '')) return;
		const out = nodeOutput(result.run!, 'Update Account');
		checks.items += out.length;
		checks.equal('account-billing: one item out', out.length, 1);
		checks.equal('account-billing: n8n output is the account', out[0]?.id, 'acc-reseller');
		checks.equal('account-billing: n8n output maxPhoneNumbers', out[0]?.maxPhoneNumbers, 500);
		const account = sb.state.accounts['acc-reseller'];
		checks.equal('account-billing: sandbox maxPhoneNumbers', account.maxPhoneNumbers, 500);
		checks.equal('account-billing: sandbox billing base', account.billingSettings?.base?.baseCost, 59);
		const seededAccount = seed.accounts.find((a) => a.id === 'acc-reseller')!;
		checks.equal('account-billing: sandbox billing localNumbers', account.billingSettings?.localNumbers, {
			...(seededAccount.billingSettings?.localNumbers ?? {}),
			unitCost: 1.1,
			allowance: 25,
		});
		checks.equal(
			'account-billing: other billing items kept (merge)',
			pick(account.billingSettings, KEPT_ITEMS),
			pick(seededAccount.billingSettings, KEPT_ITEMS),
		);
		checks.equal('account-billing: name untouched', account.name, 'Northwind Telecom');
		checks.equal('account-billing: other account untouched', sb.state.accounts['acc-other'].maxPhoneNumbers, 50);
		const after = sb.counters();
		checks.equal(
			'account-billing: exactly one PATCH /accounts/:id',
			routeCount(after, 'PATCH /accounts/:id') - routeCount(before, 'PATCH /accounts/:id'),
			1,
		);
	},
};
