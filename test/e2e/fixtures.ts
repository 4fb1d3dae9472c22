/** What the end-to-end suite's examples run on and must leave in the sandbox, and the workflows the suites build. */
import { randomUUID } from 'crypto';

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

/** An Evo Voice credential as a workflow names it. */
export interface Credential {
	id: string;
	name: string;
}

export interface WebhookWorkflowSpec {
	name: string;
	path: string;
	/** The Evo Voice node's parameters. */
	parameters: Record<string, unknown>;
	credential: Credential;
	/** Stable ID, for workflows imported with the CLI. */
	id?: string;
	/** The node's version: 1.1 is what the editor adds today; 1 is what older saved workflows hold. */
	typeVersion?: number;
	webhookName?: string;
	nodeName?: string;
}

/**
 * A workflow as a user builds it for a CRM: a production Webhook that answers with the last node's
 * output, feeding one Evo Voice node. Every suite that posts events to n8n builds its workflows here.
 */
export function webhookWorkflow(spec: WebhookWorkflowSpec): Record<string, unknown> {
	const webhookName = spec.webhookName ?? 'Webhook';
	const nodeName = spec.nodeName ?? 'Evo Voice';
	return {
		...(spec.id ? { id: spec.id } : {}),
		name: spec.name,
		nodes: [
			{
				parameters: { httpMethod: 'POST', path: spec.path, responseMode: 'lastNode', options: {} },
				id: randomUUID(),
				name: webhookName,
				type: 'n8n-nodes-base.webhook',
				typeVersion: 2,
				position: [0, 0],
				webhookId: randomUUID(),
			},
			{
				parameters: spec.parameters,
				id: randomUUID(),
				name: nodeName,
				type: 'n8n-nodes-evovoice.evoVoice',
				typeVersion: spec.typeVersion ?? 1,
				position: [300, 0],
				credentials: { evoVoiceApi: spec.credential },
			},
		],
		connections: { [webhookName]: { main: [[{ node: nodeName, type: 'main', index: 0 }]] } },
		settings: { executionOrder: 'v1' },
		pinData: {},
		active: false,
	};
}
