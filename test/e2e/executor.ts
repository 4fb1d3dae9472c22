/**
 * End-to-end checks of the node's executor in real n8n, whose expression engine (isolated-vm in
 * n8n 2.x) is not the one the jest harness runs: an expression that fails for one item, with and
 * without "continue on fail", and several items for one customer in one run.
 *
 * The checks work on customers of their own, added to the sandbox and removed afterwards, so the
 * other checks of the suite see the seed as it was.
 */
import type { Sandbox } from '../../sandbox';
import type { CustomerInfo } from '../../sandbox/types';
import { executeWorkflow, importWorkflows, nodeOutput, runErrors, type N8nInstance } from '../../scripts/n8n';

/** The part of the suite's bookkeeping these checks use. */
export interface CheckRecorder {
	workflows: number;
	items: number;
	ok(name: string, condition: boolean, detail?: () => string): boolean;
	equal(name: string, actual: unknown, expected: unknown): boolean;
	step(name: string, fn: () => Promise<void>): Promise<void>;
}

export interface ExecutorCheckContext {
	instance: N8nInstance;
	sandbox: Sandbox;
	checks: CheckRecorder;
	credential: { id: string; name: string };
}

const IDS = ['cus-e2e-exec-1', 'cus-e2e-exec-2', 'cus-e2e-exec-3'];
const NODE = 'Evo Voice';

function workflow(id: string, jsCode: string, parameters: object, node: object = {}) {
	return {
		id,
		name: `e2e ${id}`,
		active: false,
		settings: { executionOrder: 'v1' },
		connections: {
			'Run Now': { main: [[{ node: 'Items', type: 'main', index: 0 }]] },
			Items: { main: [[{ node: NODE, type: 'main', index: 0 }]] },
		},
		nodes: [
			{ id: `${id}-t`, name: 'Run Now', type: 'n8n-nodes-base.manualTrigger', typeVersion: 1, position: [0, 0], parameters: {} },
			{ id: `${id}-c`, name: 'Items', type: 'n8n-nodes-base.code', typeVersion: 2, position: [220, 0], parameters: { jsCode } },
			{
				id: `${id}-e`,
				name: NODE,
				type: 'n8n-nodes-evovoice.evoVoice',
				typeVersion: 1,
				position: [440, 0],
				parameters: { resource: 'customer', operation: 'update', ...parameters },
				...node,
			},
		],
	};
}

const items = (list: object[]) => `return ${JSON.stringify(list.map((json) => ({ json })))};`;
const byExpression = (expression: string) => ({ __rl: true, mode: 'id', value: `={{ ${expression} }}` });

// Item 2's text is not JSON: its Name expression throws.
const RAW = [
	{ id: IDS[0], raw: '{"name": "Renamed One"}' },
	{ id: IDS[1], raw: '{not json' },
	{ id: IDS[2], raw: '{"name": "Renamed Three"}' },
];
const renameParameters = {
	customerId: byExpression('$json.id'),
	updateMode: 'replace',
	updateFields: { name: '={{ JSON.parse($json.raw).name }}' },
};

const TAGS = ['tag-vip', 'tag-churn-risk', 'tag-wholesale'];

export const EXECUTOR_WORKFLOW_IDS = ['evovoiceE2eExprStop', 'evovoiceE2eExprContinue', 'evovoiceE2eDuplicates'];

export function executorWorkflows(credential: ExecutorCheckContext['credential']) {
	const credentials = { credentials: { evoVoiceApi: credential } };
	return [
		workflow(EXECUTOR_WORKFLOW_IDS[0], items(RAW), renameParameters, credentials),
		workflow(EXECUTOR_WORKFLOW_IDS[1], items(RAW), renameParameters, { ...credentials, onError: 'continueRegularOutput' }),
		workflow(
			EXECUTOR_WORKFLOW_IDS[2],
			items(TAGS.map((tag, i) => ({ id: IDS[0], tag, seats: String(10 + i), cost: 1 + i }))),
			{
				customerId: byExpression('$json.id'),
				updateFields: {
					addTagIds: '={{ [$json.tag] }}',
					billingSettings: { localNumbers: { unitCost: '={{ $json.cost }}' } },
					data: { values: [{ name: 'Seats', type: 'auto', value: '={{ $json.seats }}' }] },
				},
			},
			credentials,
		),
	];
}

function addCustomers(sandbox: Sandbox): void {
	const template = sandbox.state.customers['cus-acme'];
	IDS.forEach((id, i) => {
		const customer: CustomerInfo = { ...structuredClone(template), id, name: `E2E Executor ${i + 1}`, referenceId: `e2e-exec-${i + 1}`, tags: [] };
		delete customer.parentCustomerId;
		sandbox.state.customers[id] = customer;
	});
}

export async function executorChecks({ instance, sandbox, checks, credential }: ExecutorCheckContext): Promise<void> {
	const patchesTo = () => sandbox.log.filter((e) => e.method === 'PATCH' && IDS.some((id) => e.path === `/customers/${id}`)).length;
	addCustomers(sandbox);
	try {
		await checks.step('import the executor check workflows', async () => {
			await importWorkflows(instance, executorWorkflows(credential));
		});

		await checks.step('an expression that fails for item 2, without "continue on fail": nothing is written', async () => {
			const before = patchesTo();
			const result = await executeWorkflow(instance, EXECUTOR_WORKFLOW_IDS[0]);
			checks.workflows++;
			const errors = result.run ? runErrors(result.run).join(' | ') : (result.error ?? '');
			checks.ok('expression error: the run fails', !result.ok, () => 'the run succeeded');
			checks.ok('expression error: the error names item 2', errors.includes('item 2 has invalid input'), () => errors);
			checks.ok('expression error: the error names the field', errors.includes('Update Fields (updateFields'), () => errors);
			checks.equal('expression error: no PATCH sent', patchesTo() - before, 0);
			checks.equal('expression error: names unchanged', IDS.map((id) => sandbox.state.customers[id].name), ['E2E Executor 1', 'E2E Executor 2', 'E2E Executor 3']);
		});

		await checks.step('the same with "continue on fail": item 2 is an error item, 1 and 3 are written', async () => {
			const result = await executeWorkflow(instance, EXECUTOR_WORKFLOW_IDS[1]);
			checks.workflows++;
			if (!checks.ok('continue on fail: the run succeeds', result.ok, () => result.error ?? '')) return;
			const out = nodeOutput(result.run!, NODE);
			checks.items += out.length;
			checks.equal('continue on fail: three items out', out.length, 3);
			checks.equal('continue on fail: items 1 and 3 renamed', [out[0]?.name, out[2]?.name], ['Renamed One', 'Renamed Three']);
			checks.ok('continue on fail: item 2 is its error', String(out[1]?.error ?? '').includes('Update Fields (updateFields'), () => JSON.stringify(out[1]));
			checks.equal('continue on fail: sandbox names', IDS.map((id) => sandbox.state.customers[id].name), ['Renamed One', 'E2E Executor 2', 'Renamed Three']);
		});

		await checks.step('three items for one customer in one run: every change kept', async () => {
			const before = structuredClone(sandbox.state.customers[IDS[0]]);
			const result = await executeWorkflow(instance, EXECUTOR_WORKFLOW_IDS[2]);
			checks.workflows++;
			if (!checks.ok('duplicates: the run succeeds', result.ok, () => result.error ?? '')) return;
			const out = nodeOutput(result.run!, NODE);
			checks.items += out.length;
			checks.equal('duplicates: three items out', out.length, 3);
			const after = sandbox.state.customers[IDS[0]];
			checks.equal('duplicates: all three tags added', (after.tags ?? []).map((t) => t.id).sort(), [...TAGS].sort());
			checks.equal('duplicates: the last item\'s data value and unit cost', [after.data?.Seats, after.billingSettings?.localNumbers?.unitCost], [{ numberValue: 12 }, 3]);
			checks.equal('duplicates: other data values kept', { ...after.data, Seats: undefined }, { ...before.data, Seats: undefined });
			checks.equal('duplicates: other billing kept', { ...after.billingSettings, localNumbers: undefined }, { ...before.billingSettings, localNumbers: undefined });
		});
	} finally {
		for (const id of IDS) delete sandbox.state.customers[id];
	}
}
