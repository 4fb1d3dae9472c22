/**
 * The Evo Voice Trigger in an active workflow, run by n8n-core's own poll machinery: each tick is
 * the function n8n's PollTriggerExecutor makes (poll, then emit or commit), the emitted items run
 * through WorkflowExecute into a node after the trigger, and the static data is kept as n8n keeps
 * it: in the active workflow's memory between polls, written to the database when a poll emits and
 * when the workflow is activated, and read back from there after a restart.
 */
import { Container } from '@n8n/di';
import type {
	ICredentialDataDecryptedObject,
	IDataObject,
	INode,
	INodeExecutionData,
	INodeParameters,
	IRun,
	IRunExecutionData,
	WorkflowExecuteMode,
} from 'n8n-workflow';
import { Workflow } from 'n8n-workflow';
import { DirectoryLoader, ExecutionLifecycleHooks, PollContext, PollTriggerExecutor, WorkflowExecute } from 'n8n-core';

import { EvoVoiceTrigger } from '../../nodes/EvoVoice/EvoVoiceTrigger.node';
import { buildAdditionalData, NodeTypeTable, PassThroughNode } from './index';

export const TRIGGER_TYPE = 'n8n-nodes-evovoice.evoVoiceTrigger';
const TRIGGER = 'Evo Voice Trigger';
const AFTER = 'CRM';

/** The trigger → a node that passes its items on, as n8n's loader would hand them to the engine. */
export class TriggerNodeTypes extends NodeTypeTable {
	constructor() {
		const trigger = new EvoVoiceTrigger();
		DirectoryLoader.applyDeclarativeNodeOptionParameters(trigger);
		// The node after the trigger receives the events, as a NoOp or a CRM call would.
		super({ [TRIGGER_TYPE]: trigger, 'test.after': new PassThroughNode(AFTER, 'transform') });
	}
}

export interface TriggerOptions {
	parameters: INodeParameters;
	credentials: ICredentialDataDecryptedObject;
	/** The workflow's static data in the database at the start (a copy is taken). */
	staticData?: IDataObject;
	/** The trigger node's name: n8n keys a node's static data by it. */
	nodeName?: string;
}

/** One execution a poll started: the items that reached the node after the trigger. */
export type Execution = IDataObject[];

export interface TickResult {
	/** The execution this tick started, if the poll emitted. */
	execution?: Execution;
	/** The error the poll failed with (n8n records it as a failed execution). */
	error?: Error & { description?: string | null };
}

const triggerNode = (parameters: INodeParameters, name: string): INode => ({
	id: 'trigger',
	name,
	type: TRIGGER_TYPE,
	typeVersion: 1,
	position: [0, 0],
	parameters,
	credentials: { evoVoiceApi: { id: '1', name: 'Evo Voice account' } },
});

export class ActiveTrigger {
	/** The workflow's static data as n8n's database holds it (JSON). */
	database: IDataObject;
	/** Every execution started so far, in order. */
	readonly executions: Execution[] = [];
	private workflow: Workflow;
	private readonly nodeTypes = new TriggerNodeTypes();
	private readonly name: string;

	constructor(private readonly options: TriggerOptions) {
		this.name = options.nodeName ?? TRIGGER;
		this.database = JSON.parse(JSON.stringify(options.staticData ?? {})) as IDataObject;
		this.workflow = this.load();
	}

	/** The workflow as n8n loads it from its database. */
	private load(): Workflow {
		const after: INode = { id: 'after', name: AFTER, type: 'test.after', typeVersion: 1, position: [300, 0], parameters: {} };
		return new Workflow({
			id: 'wf-trigger',
			name: 'Trigger test',
			nodes: [triggerNode(this.options.parameters, this.name), after],
			connections: { [this.name]: { main: [[{ node: AFTER, type: 'main', index: 0 }]] } },
			nodeTypes: this.nodeTypes,
			active: true,
			staticData: JSON.parse(JSON.stringify(this.database)) as IDataObject,
		});
	}

	/** n8n's WorkflowStaticDataService.saveStaticData: written only when something changed. */
	private save(): void {
		if (this.workflow.staticData.__dataChanged === true) {
			this.database = JSON.parse(JSON.stringify(this.workflow.staticData)) as IDataObject;
			this.workflow.staticData.__dataChanged = false;
		}
	}

	/** The trigger's own static data in memory (what the next poll reads). */
	get memory(): IDataObject {
		return JSON.parse(JSON.stringify(this.workflow.getStaticData('node', this.workflow.getNode(this.name)!))) as IDataObject;
	}

	/** Activation, as n8n does it: one poll at once (errors fail the activation), then the static data saved. */
	async activate(): Promise<TickResult> {
		const result = await this.tick(true);
		this.save();
		return result;
	}

	/** n8n restarts: the workflow is loaded from the database again and activated. */
	async restart(): Promise<TickResult> {
		this.workflow = this.load();
		return await this.activate();
	}

	/** One scheduled poll. */
	async tick(testingTrigger = false): Promise<TickResult> {
		const node = this.workflow.getNode(this.name)!;
		const additionalData = buildAdditionalData(undefined, this.options.credentials);
		const runs: Array<Promise<Execution>> = [];
		let failure: TickResult['error'];
		const emit = (data: INodeExecutionData[][]) => {
			// As n8n's __emit: the static data is saved, then the workflow runs with the items.
			this.save();
			runs.push(this.execute(node, data));
		};
		const emitError = (error: Error) => {
			failure = error;
		};
		const context = new PollContext(this.workflow, node, additionalData, 'trigger', testingTrigger ? 'activate' : 'update', emit, emitError);
		const run = Container.get(PollTriggerExecutor).create(this.workflow, node, context, () => true);
		try {
			await run(testingTrigger);
		} catch (error) {
			failure = error as TickResult['error'];
		}
		const [execution] = await Promise.all(runs);
		if (execution) this.executions.push(execution);
		return { execution, error: failure };
	}

	/** The workflow run n8n starts with the emitted items (mode "trigger"): what reaches the next node. */
	private async execute(node: INode, data: INodeExecutionData[][]): Promise<Execution> {
		const workflow = this.load();
		const run = await runWorkflow(workflow, 'trigger', this.options.credentials, [{ node, data: { main: data }, source: null }]);
		const items = run.data.resultData.runData[AFTER]?.[0]?.data?.main?.[0] ?? [];
		return items.map((item) => item.json);
	}

	/** Fetch Test Event in the editor: a manual run of the workflow as saved in the database. */
	async fetchTestEvent(): Promise<{ items: IDataObject[]; error?: { message: string; description?: string | null }; staticDataAfter: IDataObject }> {
		const workflow = this.load();
		const node = workflow.getNode(this.name)!;
		const run = await runWorkflow(workflow, 'manual', this.options.credentials, [{ node, data: { main: [[{ json: {} }]] }, source: null }]);
		const task = run.data.resultData.runData[this.name]?.[0];
		const error = (task?.error ?? run.data.resultData.error) as { message: string; description?: string | null } | undefined;
		const items = (run.data.resultData.runData[AFTER]?.[0]?.data?.main?.[0] ?? []).map((item) => item.json);
		return { items, error, staticDataAfter: JSON.parse(JSON.stringify(workflow.staticData)) as IDataObject };
	}
}

async function runWorkflow(
	workflow: Workflow,
	mode: WorkflowExecuteMode,
	credentials: ICredentialDataDecryptedObject,
	stack: Array<{ node: INode; data: { main: INodeExecutionData[][] }; source: null }>,
): Promise<IRun> {
	const hooks = new ExecutionLifecycleHooks(mode, 'test-execution', workflow as never);
	let finished: (run: IRun) => void = () => {};
	const done = new Promise<IRun>((resolve) => (finished = resolve));
	hooks.addHandler('workflowExecuteAfter', (run) => finished(run));
	const additionalData = buildAdditionalData(hooks, credentials);
	const runExecutionData = {
		resultData: { runData: {} },
		executionData: { contextData: {}, metadata: {}, waitingExecution: {}, waitingExecutionSource: null, nodeExecutionStack: stack },
	} as unknown as IRunExecutionData;
	await new WorkflowExecute(additionalData, mode, runExecutionData).processRunExecutionData(workflow);
	return await done;
}
