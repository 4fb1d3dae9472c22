import type { IDataObject, INodeExecutionData, IPollFunctions } from 'n8n-workflow';
import { NodeApiError, NodeOperationError } from 'n8n-workflow';

import { InputError } from '../model/inputError';
import { triggerMessages } from '../model/messages';
import { Client, type TransportSettings } from '../transport/client';
import { fetchSample } from './manual';
import { readConfig, type TriggerConfig } from './parameters';
import { pollEvents } from './poll';

/**
 * How a poll sends: one request at a time (pages are read in order), retries as the action node's
 * defaults but a shorter wait, since the next poll comes anyway and a failed poll changes nothing.
 */
export const TRIGGER_TRANSPORT: TransportSettings = {
	maxInFlight: 1,
	retry: { maxRetries: 3, maxWaitSeconds: 60 },
	timeoutMs: 60_000,
	transport: { timeout: 60_000 },
};

function settings(context: IPollFunctions): TriggerConfig {
	let failure: unknown;
	try {
		return readConfig(context);
	} catch (error) {
		failure = error;
	}
	// Thrown outside the catch: n8n's rules want NodeApiError or NodeOperationError thrown there.
	throw failure instanceof InputError ? new NodeOperationError(context.getNode(), failure.message) : failure;
}

/**
 * The polls under way in this process, by workflow and node. n8n starts a poll at every poll time
 * even while the last one still runs (a slow API, retries): two polls reading the same cursor would
 * deliver the same events, so the later one steps aside and the next poll time carries on.
 */
const polling = new Set<string>();

/** The node's poll(): Fetch Test Event in the editor, else one poll of the active workflow. */
export async function runTrigger(context: IPollFunctions): Promise<INodeExecutionData[][] | null> {
	const config = settings(context);
	if (context.getMode() === 'manual') return await run(context, config, fetchSample);
	// Taken before anything is awaited, so that two polls cannot both find it free.
	const key = `${context.getWorkflow().id ?? ''}:${context.getNode().id}`;
	if (polling.has(key)) return null;
	polling.add(key);
	try {
		return await run(context, config, pollEvents);
	} finally {
		polling.delete(key);
	}
}

type Work = (data: IDataObject, client: Client, config: TriggerConfig) => Promise<INodeExecutionData[][] | null>;

async function run(context: IPollFunctions, config: TriggerConfig, work: Work): Promise<INodeExecutionData[][] | null> {
	const client = await Client.open(context, TRIGGER_TRANSPORT);
	let failure: unknown;
	try {
		return await work(context.getWorkflowStaticData('node'), client, config);
	} catch (error) {
		failure = error;
	}
	// A failed request becomes the API's message with every form of the secret hidden.
	throw failure instanceof NodeOperationError || failure instanceof NodeApiError
		? failure
		: client.apiError(failure, 0, triggerMessages.pollFailed(config.spec.path));
}
