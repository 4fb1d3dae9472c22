import type {
	DeclarativeRestApiSettings,
	IExecutePaginationFunctions,
	INodeExecutionData,
} from 'n8n-workflow';
import { NodeApiError, sleep } from 'n8n-workflow';

import { toNodeApiError } from '../helpers/apiErrors';
import { messages } from '../helpers/messages';
import { DEFAULT_RETRY, retryDelaySeconds } from '../helpers/retry';
import {
	acquireSlot,
	awaitGate,
	getRunState,
	releaseSlot,
	settle,
	summarize,
	type RunState,
} from '../helpers/runState';

export const DEFAULT_MAX_IN_FLIGHT = 5;

function option<T>(context: IExecutePaginationFunctions, name: string, fallback: T): T {
	return context.getNodeParameter(`requestOptions.${name}`, fallback) as T;
}

async function secretsOf(context: IExecutePaginationFunctions): Promise<string[]> {
	try {
		const credentials = await context.getCredentials('evoVoiceApi');
		return [credentials.apiToken, credentials.password]
			.filter((s): s is string => typeof s === 'string' && s.length > 0);
	} catch {
		return [];
	}
}

async function attemptWithRetries(
	context: IExecutePaginationFunctions,
	requestData: DeclarativeRestApiSettings.ResultOptions,
): Promise<INodeExecutionData[]> {
	const maxRetries = option(context, 'maxRetries', DEFAULT_RETRY.maxRetries);
	const maxWait = option(context, 'maxRetryWait', DEFAULT_RETRY.maxWaitSeconds);
	const method = String(requestData.options.method ?? 'GET');
	let waited = 0;
	for (let attempt = 0; ; attempt++) {
		try {
			// A copy each time: the engine's helpers add headers to the options they are given.
			return await context.makeRoutingRequest({
				...requestData,
				options: { ...requestData.options, headers: { ...requestData.options.headers } },
			});
		} catch (error) {
			const delay = attempt < maxRetries ? retryDelaySeconds(error, method, attempt) : undefined;
			// Re-thrown as is: sendRequest turns it into the NodeApiError the user sees.
			// eslint-disable-next-line @n8n/community-nodes/require-node-api-error
			if (delay === undefined || waited + delay > maxWait) throw error;
			waited += delay;
			await sleep(delay * 1000);
		}
	}
}

function failRun(state: RunState, itemIndex: number, error: NodeApiError): NodeApiError {
	state.stopped ??= { itemIndex };
	// n8n ends the run with the failed item of lowest index, once every item has settled: read
	// lazily, the summary then tells which items were applied and which were never sent.
	const own = error.description ?? '';
	Object.defineProperty(error, 'description', {
		get: () => `${own} ${summarize(state)}`.trim(),
		enumerable: true,
		configurable: true,
	});
	return error;
}

/**
 * Sends one item's request. Registered as the operations' `pagination` hook because that is the
 * one place where n8n's routing engine hands a node the request itself (`makeRoutingRequest`):
 * here the node waits for the whole batch to pass its checks, keeps at most N requests in flight,
 * waits out rate limits and records what happened to each item.
 */
export async function sendRequest(
	this: IExecutePaginationFunctions,
	requestData: DeclarativeRestApiSettings.ResultOptions,
): Promise<INodeExecutionData[]> {
	const state = getRunState(this);
	const itemIndex = this.getItemIndex();
	const continueOnFail = this.continueOnFail();
	await awaitGate(state);
	if (!continueOnFail && state.invalid) {
		settle(state, itemIndex, 'notSent');
		throw new NodeApiError(this.getNode(), { message: state.invalid.message }, {
			message: messages.notSentBecauseInvalid(state.invalid.itemIndex + 1, state.invalid.message),
			itemIndex,
		});
	}
	await acquireSlot(state, Math.max(1, option(this, 'maxConcurrency', DEFAULT_MAX_IN_FLIGHT)));
	try {
		if (!continueOnFail && state.stopped) {
			settle(state, itemIndex, 'notSent');
			throw new NodeApiError(this.getNode(), { message: 'Not sent' }, {
				message: messages.notSentAfterFailure(state.stopped.itemIndex + 1),
				itemIndex,
			});
		}
		try {
			const items = await attemptWithRetries(this, requestData);
			settle(state, itemIndex, 'applied');
			return items;
		} catch (error) {
			settle(state, itemIndex, 'failed');
			const timeout = Number(requestData.options.timeout ?? 300_000);
			const nodeError = toNodeApiError(this.getNode(), error, itemIndex, await secretsOf(this), timeout);
			return continueOnFail ? Promise.reject(nodeError) : Promise.reject(failRun(state, itemIndex, nodeError));
		}
	} finally {
		releaseSlot(state);
	}
}
