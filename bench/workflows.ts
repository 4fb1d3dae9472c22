/**
 * The workflows the benchmark imports into n8n. Every one starts the same way:
 *
 *   Manual Trigger → "Make Items" (Set: one item holding an array of N {id, name}, built by an
 *   expression) → "Split Out" (N items)
 *
 * which needs no Code node, so no task runner takes part. The baseline stops there; the others add
 * one node that sends the N PATCH /customers/{id} requests with the same body:
 *   name (from the item, by expression) + all nine billing items, each with all four values.
 */
import { SANDBOX_CREDENTIALS } from '../sandbox';
import { BILLING_ITEMS as BILLING_ITEM_TABLE } from '../nodes/EvoVoice/model/fields';

export const EVO_CREDENTIAL = { id: 'benchEvoVoiceCred', name: 'Evo Voice (bench sandbox)' };
export const HEADER_CREDENTIAL = { id: 'benchHeaderAuthCr', name: 'Evo Voice bearer header (bench)' };

/** The nine billing items, from the node's own field table. */
export const BILLING_ITEMS = BILLING_ITEM_TABLE.map((item) => item.name);

export const BILLING_VALUE = { baseCost: 10, rawUnitMultiplier: 1.2, unitCost: 0.5, allowance: 100 };

/** The billing settings every request sends (all nine items, four values each). */
export function billingSettings(): Record<string, typeof BILLING_VALUE> {
	return Object.fromEntries(BILLING_ITEMS.map((item) => [item, { ...BILLING_VALUE }]));
}

export function customerId(i: number): string {
	return `cus-bulk-${String(i + 1).padStart(5, '0')}`;
}

export function customerName(i: number): string {
	return `Bench Customer ${i + 1}`;
}

/** Names of the nodes whose run data the runner reads. */
export const NODE = { make: 'Make Items', split: 'Split Out', evo: 'Evo Voice', http: 'HTTP Request' } as const;

export type WorkflowKind = 'baseline' | 'evo' | 'evoMerge' | 'http';

export interface WorkflowSpec {
	kind: WorkflowKind;
	n: number;
	/** Evo Voice: requestOptions.maxConcurrency. HTTP Request: batch size (with a 1 ms interval). */
	concurrency: number;
	/** HTTP Request only: the sandbox's address. */
	sandboxUrl?: string;
	/** Suffix that keeps workflow IDs apart (latency runs, ...). */
	tag?: string;
}

export function workflowId(spec: WorkflowSpec): string {
	// n8n wants IDs of at most 36 characters; letters and digits are always safe.
	return `bench${spec.kind}${spec.n}c${spec.concurrency}${spec.tag ?? ''}`.replace(/[^a-zA-Z0-9]/g, '');
}

interface WorkflowNode {
	id: string;
	name: string;
	type: string;
	typeVersion: number;
	position: [number, number];
	parameters: Record<string, unknown>;
	credentials?: Record<string, { id: string; name: string }>;
}

let uuidCounter = 0;
function nodeId(): string {
	uuidCounter++;
	return `00000000-0000-4000-8000-${String(uuidCounter).padStart(12, '0')}`;
}

function generatorNodes(n: number): WorkflowNode[] {
	const expression =
		`={{ Array.from({ length: ${n} }, (_, i) => ({ id: 'cus-bulk-' + String(i + 1).padStart(5, '0'), ` +
		`name: 'Bench Customer ' + (i + 1) })) }}`;
	return [
		{ id: nodeId(), name: 'Start', type: 'n8n-nodes-base.manualTrigger', typeVersion: 1, position: [0, 0], parameters: {} },
		{
			id: nodeId(),
			name: NODE.make,
			type: 'n8n-nodes-base.set',
			typeVersion: 3.4,
			position: [220, 0],
			parameters: {
				mode: 'manual',
				assignments: { assignments: [{ id: nodeId(), name: 'items', value: expression, type: 'array' }] },
				includeOtherFields: false,
				options: {},
			},
		},
		{
			id: nodeId(),
			name: NODE.split,
			type: 'n8n-nodes-base.splitOut',
			typeVersion: 1,
			position: [440, 0],
			parameters: { fieldToSplitOut: 'items', include: 'noOtherFields', options: {} },
		},
	];
}

function evoNode(spec: WorkflowSpec): WorkflowNode {
	return {
		id: nodeId(),
		name: NODE.evo,
		type: 'n8n-nodes-evovoice.evoVoice',
		typeVersion: 1,
		position: [660, 0],
		parameters: {
			resource: 'customer',
			operation: 'update',
			customerId: { __rl: true, mode: 'id', value: '={{ $json.id }}' },
			updateMode: spec.kind === 'evoMerge' ? 'merge' : 'replace',
			updateFields: { name: '={{ $json.name }}', billingSettings: billingSettings() },
			// Default settings but for the in-flight limit (no Batching: the node no longer needs it).
			requestOptions: { maxConcurrency: spec.concurrency },
		},
		credentials: { evoVoiceApi: EVO_CREDENTIAL },
	};
}

function httpNode(spec: WorkflowSpec): WorkflowNode {
	if (!spec.sandboxUrl) throw new Error('the HTTP Request workflow needs the sandbox URL');
	// No "}}" inside the expression: n8n's template parser would end the expression there.
	const billing = JSON.stringify(billingSettings()).replace(/\}/g, ' }');
	return {
		id: nodeId(),
		name: NODE.http,
		type: 'n8n-nodes-base.httpRequest',
		typeVersion: 4.2,
		position: [660, 0],
		parameters: {
			method: 'PATCH',
			url: `=${spec.sandboxUrl}/customers/{{ encodeURIComponent($json.id) }}`,
			authentication: 'genericCredentialType',
			genericAuthType: 'httpHeaderAuth',
			sendBody: true,
			specifyBody: 'json',
			// The same body the Evo Voice node sends, built by one expression.
			jsonBody: `={{ { name: $json.name, billingSettings: ${billing} } }}`,
			options: { batching: { batch: { batchSize: spec.concurrency, batchInterval: 1 } } },
		},
		credentials: { httpHeaderAuth: HEADER_CREDENTIAL },
	};
}

export function buildWorkflow(spec: WorkflowSpec): Record<string, unknown> {
	const nodes = generatorNodes(spec.n);
	if (spec.kind === 'evo' || spec.kind === 'evoMerge') nodes.push(evoNode(spec));
	if (spec.kind === 'http') nodes.push(httpNode(spec));
	const connections: Record<string, unknown> = {};
	for (let i = 0; i + 1 < nodes.length; i++) {
		connections[nodes[i].name] = { main: [[{ node: nodes[i + 1].name, type: 'main', index: 0 }]] };
	}
	return {
		id: workflowId(spec),
		name: `bench ${spec.kind} N=${spec.n} c=${spec.concurrency}${spec.tag ? ` ${spec.tag}` : ''}`,
		active: false,
		nodes,
		connections,
		settings: { executionOrder: 'v1' },
		pinData: {},
	};
}

export function benchCredentials(sandboxUrl: string) {
	return [
		{
			id: EVO_CREDENTIAL.id,
			name: EVO_CREDENTIAL.name,
			type: 'evoVoiceApi',
			data: { baseUrl: sandboxUrl, authType: 'apiToken', apiToken: SANDBOX_CREDENTIALS.adminToken },
		},
		{
			id: HEADER_CREDENTIAL.id,
			name: HEADER_CREDENTIAL.name,
			type: 'httpHeaderAuth',
			data: { name: 'Authorization', value: `Bearer ${SANDBOX_CREDENTIALS.adminToken}` },
		},
	];
}
