import type {
	ICredentialDataDecryptedObject,
	IDataObject,
	INode,
	INodeExecutionData,
	INodeParameters,
	INodeType,
	INodeTypes,
	IRun,
	IRunExecutionData,
	IVersionedNodeType,
	IWorkflowExecuteAdditionalData,
	WorkflowExecuteMode,
} from 'n8n-workflow';
import { NodeHelpers, Workflow } from 'n8n-workflow';
import { DirectoryLoader, ExecutionLifecycleHooks, WorkflowExecute } from 'n8n-core';

import { EvoVoiceApi } from '../../credentials/EvoVoiceApi.credentials';
import { EvoVoice } from '../../nodes/EvoVoice/EvoVoice.node';
import { TestCredentialsHelper } from './credentialsHelper';

export const NODE_TYPE = 'n8n-nodes-evovoice.evoVoice';
/** The version a node added in the editor gets. */
export const DEFAULT_VERSION = new EvoVoice().description.defaultVersion ?? 1;

/** A node that passes its items on: the start of the test workflows (items enter the node as in n8n), or what follows a trigger. */
export class PassThroughNode implements INodeType {
	description: INodeType['description'];

	constructor(name: string, group: 'input' | 'transform') {
		this.description = {
			displayName: name,
			name: name.toLowerCase(),
			group: [group],
			version: 1,
			description: `Test ${name}`,
			defaults: { name },
			inputs: ['main'],
			outputs: ['main'],
			properties: [],
		} as unknown as INodeType['description'];
	}

	async execute(this: import('n8n-workflow').IExecuteFunctions) {
		return [this.getInputData()];
	}
}

/** The node as n8n's loader prepares it (for a node with execute() it adds nothing). */
export function loadEvoVoice(): INodeType {
	const node = new EvoVoice();
	DirectoryLoader.applyDeclarativeNodeOptionParameters(node);
	return node;
}

/** The node types a test workflow is built of, by name: what n8n's loader would hand the engine. */
export class NodeTypeTable implements INodeTypes {
	constructor(private readonly types: Record<string, INodeType>) {}

	getByName(type: string): INodeType | IVersionedNodeType {
		return this.types[type];
	}

	getByNameAndVersion(type: string): INodeType {
		return this.types[type];
	}

	getKnownTypes() {
		return {};
	}
}

/** Input → Evo Voice; `evoVoice`: another copy of the node, e.g. one loaded as a second n8n process would load it. */
export class NodeTypes extends NodeTypeTable {
	constructor(evoVoice: INodeType = loadEvoVoice()) {
		super({ [NODE_TYPE]: evoVoice, 'test.input': new PassThroughNode('Input', 'input') });
	}
}

/** What n8n hands the engine besides the workflow: here, credentials and no-op services. */
export function buildAdditionalData(
	hooks: ExecutionLifecycleHooks | undefined,
	credentials: ICredentialDataDecryptedObject,
	currentNodeParameters?: INodeParameters,
): IWorkflowExecuteAdditionalData {
	const credentialsHelper = new TestCredentialsHelper(
		{ evoVoiceApi: new EvoVoiceApi() },
		{ evoVoiceApi: credentials },
	);
	return {
		hooks,
		credentialsHelper,
		currentNodeExecutionIndex: 0,
		variables: {},
		restApiUrl: 'http://localhost/rest',
		instanceBaseUrl: 'http://localhost/',
		webhookBaseUrl: 'http://localhost/webhook',
		webhookWaitingBaseUrl: 'http://localhost/webhook-waiting',
		webhookTestBaseUrl: 'http://localhost/webhook-test',
		formBaseUrl: 'http://localhost/form',
		formWaitingBaseUrl: 'http://localhost/form-waiting',
		formTestBaseUrl: 'http://localhost/form-test',
		mcpBaseUrl: 'http://localhost/mcp',
		mcpTestBaseUrl: 'http://localhost/mcp-test',
		logAiEvent: () => {},
		executeWorkflow: async () => ({ data: [] }),
		getRunExecutionData: async () => undefined,
		getRuntimeCredential: async () => undefined,
		startRunnerTask: async () => ({ ok: false, error: new Error('not available in tests') }),
		currentNodeParameters,
	} as unknown as IWorkflowExecuteAdditionalData;

}

export interface RunOptions {
	parameters: INodeParameters;
	items?: IDataObject[];
	credentials?: ICredentialDataDecryptedObject;
	continueOnFail?: boolean;
	/** n8n's "On Error" setting; `continueOnFail` is short for continueRegularOutput. */
	onError?: 'stopWorkflow' | 'continueRegularOutput' | 'continueErrorOutput';
	/** n8n's execution mode (default manual); n8n keeps static data only outside manual runs. */
	mode?: WorkflowExecuteMode;
	/** The workflow's static data as n8n loaded it from its database (it is changed in place). */
	staticData?: IDataObject;
	/** The node's version in the workflow (default: the one a node added today gets). */
	typeVersion?: number;
	/** The node as another process loaded it (its own module state): see `loadInOtherProcess`. */
	nodeType?: INodeType;
}

export interface RunResult {
	/** The Evo Voice node's output items, errors included (with "continue on fail"). */
	items: INodeExecutionData[];
	/** Every output of the node: with "continue (using error output)", errors are in the second. */
	outputs: INodeExecutionData[][];
	/** The error that stopped the run, if one did. */
	error?: { message: string; description?: string | null; context?: IDataObject; httpCode?: string | null };
	run: IRun;
	/** The static data n8n would save after this run (undefined when nothing changed, or manual). */
	savedStaticData?: IDataObject;
}

/** The Evo Voice node of the test workflows, with its credential reference. */
export function evoVoiceNode(parameters: INodeParameters, extra: Partial<INode> = {}): INode {
	return {
		id: 'evo',
		name: 'Evo Voice',
		type: NODE_TYPE,
		typeVersion: DEFAULT_VERSION,
		position: [200, 0],
		parameters,
		credentials: { evoVoiceApi: { id: '1', name: 'Evo Voice account' } },
		...extra,
	};
}

/** Builds the workflow Input → Evo Voice and runs it through n8n-core's WorkflowExecute. */
export async function runNode(options: RunOptions): Promise<RunResult> {
	const nodeTypes = new NodeTypes(options.nodeType);
	const evoVoice = evoVoiceNode(options.parameters, {
		...(options.continueOnFail ? { onError: 'continueRegularOutput' as const } : {}),
		...(options.onError ? { onError: options.onError } : {}),
		...(options.typeVersion !== undefined ? { typeVersion: options.typeVersion } : {}),
	});
	const input: INode = { id: 'in', name: 'Input', type: 'test.input', typeVersion: 1, position: [0, 0], parameters: {} };
	const workflow = new Workflow({
		id: 'test',
		nodes: [input, evoVoice],
		connections: { Input: { main: [[{ node: 'Evo Voice', type: 'main', index: 0 }]] } },
		nodeTypes,
		active: false,
		staticData: options.staticData,
	});
	const mode = options.mode ?? 'manual';

	const hooks = new ExecutionLifecycleHooks(mode, 'test-execution', workflow as never);
	let finished: (run: IRun) => void = () => {};
	const done = new Promise<IRun>((resolve) => (finished = resolve));
	let savedStaticData: IDataObject | undefined;
	hooks.addHandler('workflowExecuteAfter', (run, newStaticData) => {
		// As n8n's own hook does: saved as JSON, and never after a manual run.
		if (newStaticData && mode !== 'manual') savedStaticData = JSON.parse(JSON.stringify(newStaticData)) as IDataObject;
		finished(run);
	});

	const additionalData = buildAdditionalData(hooks, options.credentials ?? {});

	const runExecutionData: IRunExecutionData = {
		resultData: { runData: {} },
		executionData: {
			contextData: {},
			metadata: {},
			waitingExecution: {},
			waitingExecutionSource: null,
			nodeExecutionStack: [
				{
					node: input,
					data: { main: [(options.items ?? [{}]).map((json) => ({ json }))] },
					source: null,
				},
			],
		},
	} as unknown as IRunExecutionData;

	const workflowExecute = new WorkflowExecute(additionalData, mode, runExecutionData);
	try {
		await workflowExecute.processRunExecutionData(workflow);
	} catch (error) {
		// n8n refuses to start a workflow whose node has issues (e.g. a required parameter left empty).
		return { items: [], outputs: [], error: { message: (error as Error).message + ' ' + JSON.stringify((error as { description?: string }).description ?? '') }, run: undefined as unknown as IRun };
	}
	const run = await done;
	const taskData = run.data.resultData.runData['Evo Voice']?.[0];
	const outputs = (taskData?.data?.main ?? []).map((output) => output ?? []);
	const items = outputs[0] ?? [];
	const error = (taskData?.error ?? run.data.resultData.error) as RunResult['error'] | undefined;
	return { items, outputs, error, run, savedStaticData };
}

/** The node's parameters with n8n's defaults filled in, as the editor would store them. */
export function withDefaults(parameters: INodeParameters): INodeParameters {
	const node = loadEvoVoice();
	return NodeHelpers.getNodeParameters(node.description.properties, parameters, false, false, null, node.description) ?? parameters;
}

/**
 * The node loaded afresh, with module state of its own, as a second n8n process (a queue-mode
 * worker) loads it: what one process knows of the records it writes, the other does not.
 */
export function loadInOtherProcess(): INodeType {
	let node: INodeType | undefined;
	jest.isolateModules(() => {
		const fresh = require('../../nodes/EvoVoice/EvoVoice.node') as typeof import('../../nodes/EvoVoice/EvoVoice.node');
		node = new fresh.EvoVoice();
	});
	if (!node) throw new Error('the node did not load');
	DirectoryLoader.applyDeclarativeNodeOptionParameters(node);
	return node;
}
