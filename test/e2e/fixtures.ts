/** What the end-to-end suite's examples run on and must leave in the sandbox. */

/** Bulk customers the monthly billing example rewrites. */
export const BULK = 300;

export const PLANS = ['Basic', 'Pro', 'Enterprise'];
export const PRICES: Record<string, { base: number; perLocalNumber: number; includedNumbers: number; perMinuteOut: number; includedMinutes: number }> = {
	Basic: { base: 19, perLocalNumber: 1.5, includedNumbers: 2, perMinuteOut: 0.02, includedMinutes: 200 },
	Pro: { base: 49, perLocalNumber: 1.25, includedNumbers: 5, perMinuteOut: 0.015, includedMinutes: 1000 },
	Enterprise: { base: 99, perLocalNumber: 1.0, includedNumbers: 20, perMinuteOut: 0.01, includedMinutes: 5000 },
};

/** What the monthly billing workflow must leave on bulk customer i (1-based). */
export function expectedBilling(i: number) {
	const p = PRICES[PLANS[i % 3]];
	return {
		base: { baseCost: p.base },
		localNumbers: { unitCost: p.perLocalNumber, allowance: p.includedNumbers },
		outboundVoiceCalls: { unitCost: p.perMinuteOut, allowance: p.includedMinutes, rawUnitMultiplier: 1.2 },
	};
}

export const bulkId = (i: number) => `cus-bulk-${String(i).padStart(5, '0')}`;

/** CRM contacts the webhook receives; `crmId` is the customer's reference ID in Evo Voice. */
export const CRM_CONTACTS = [
	{
		crmId: 'crm-1001',
		customerId: 'cus-acme',
		name: 'Acme Dental Group',
		plan: 'Enterprise',
		seats: 20,
		vip: true,
		tags: ['tag-vip', 'tag-wholesale'],
	},
	{
		crmId: 'crm-2001',
		customerId: 'cus-bluebird',
		name: 'Bluebird Plumbing & Heating',
		plan: 'Pro',
		seats: 5,
		vip: false,
		tags: ['tag-new'],
	},
];

