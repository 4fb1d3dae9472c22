import type { INodeExecutionData, IPollFunctions } from 'n8n-workflow';
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

/** The node's poll(): Fetch Test Event in the editor, else one poll of the active workflow. */
export async function runTrigger(context: IPollFunctions): Promise<INodeExecutionData[][] | null> {
	const config = settings(context);
	const client = await Client.open(context, TRIGGER_TRANSPORT);
	const data = context.getWorkflowStaticData('node');
	let failure: unknown;
	try {
		return context.getMode() === 'manual' ? await fetchSample(data, client, config) : await pollEvents(data, client, config);
	} catch (error) {
		failure = error;
	}
	// A failed request becomes the API's message with every form of the secret hidden.
	throw failure instanceof NodeOperationError || failure instanceof NodeApiError
		? failure
		: client.apiError(failure, 0, triggerMessages.pollFailed(config.spec.path));
}
