import { deepEqual, pick, short } from '../checks';
import { executeWorkflow } from '../../../scripts/n8n/cli';
import { BULK, bulkId, expectedBilling, PLANS } from '../fixtures';
import { nodeOutput } from '../../../scripts/n8n/run-data';
import { routeCount } from './execute-account-billing';
import type { Step } from './types';

/** monthly-billing-update.json with `n8n execute`: every bulk customer gets its plan's billing, in order. */
export const executeMonthlyBillingStep: Step = {
	name: `execute monthly-billing-update.json (${BULK} customers)`,
	async run({ instance, sandbox: sb, checks }) {
		const before = sb.counters();
		const result = await executeWorkflow(instance, 'evovoiceExMonthly', { timeoutMs: 10 * 60_000 });
		checks.workflows++;
		if (!checks.ok('monthly-billing run succeeded', result.ok, () => result.error ?? '')) return;
		const out = nodeOutput(result.run!, 'Update Billing Settings');
		checks.items += out.length;
		checks.equal(`monthly-billing: ${BULK} items out`, out.length, BULK);
		checks.equal(
			'monthly-billing: n8n output ids in order',
			out.map((o) => o.id),
			Array.from({ length: BULK }, (_, k) => bulkId(k + 1)),
		);
		let wrong = 0;
		let firstWrong = '';
		for (let i = 1; i <= BULK; i++) {
			const customer = sb.state.customers[bulkId(i)];
			const expected = expectedBilling(i);
			const good =
				customer !== undefined &&
				customer.overrideBillingSettings === true &&
				deepEqual(pick(customer.billingSettings, Object.keys(expected)), expected) &&
				customer.name === `Bulk Customer ${String(i).padStart(5, '0')}` &&
				customer.data?.Plan?.stringValue === PLANS[i % 3];
			if (!good) {
				wrong++;
				firstWrong ||= `${bulkId(i)}: ${short(customer)}`;
			}
		}
		checks.ok(
			`monthly-billing: all ${BULK} customers in the sandbox have their plan's billing`,
			wrong === 0,
			() => `${wrong} wrong, first ${firstWrong}`,
		);
		checks.equal('monthly-billing: seed customer not touched', sb.state.customers['cus-bluebird'].overrideBillingSettings, false);
		const after = sb.counters();
		checks.equal(
			`monthly-billing: exactly ${BULK} PATCH /customers/:id`,
			routeCount(after, 'PATCH /customers/:id') - routeCount(before, 'PATCH /customers/:id'),
			BULK,
		);
	},
};
