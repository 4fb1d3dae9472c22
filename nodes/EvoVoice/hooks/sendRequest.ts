import type {
	DeclarativeRestApiSettings,
	IDataObject,
	IExecutePaginationFunctions,
	INodeExecutionData,
} from 'n8n-workflow';
import { NodeApiError, NodeOperationError, sleep } from 'n8n-workflow';

import { evoVoiceRead } from '../helpers/api';
import { toNodeApiError } from '../helpers/apiErrors';
import { fieldDefinitions } from '../helpers/fieldDefinitions';
import { idToPathSegment } from '../helpers/ids';
import { wrapByFieldType } from '../helpers/mappers/fieldTypes';
import { mergeIntoCurrent, needsCurrent } from '../helpers/mappers/merge';
import { messages } from '../helpers/messages';
import { resolveReference } from '../helpers/references';
import type { CustomerRecord } from '../helpers/referenceIds/resolve';
import { lookupSettings } from '../helpers/referenceIds/settings';
import { DEFAULT_RETRY, retryDelaySeconds } from '../helpers/retry';
import {
	acquireSlot,
	awaitGate,
	getRunState,
	releaseSlot,
	runSetting,
	settle,
	summarize,
	type RunState,
} from '../helpers/runState';

export const DEFAULT_MAX_IN_FLIGHT = 5;

type Context = IExecutePaginationFunctions;
type RequestData = DeclarativeRestApiSettings.ResultOptions;

function option<T>(context: Context, name: string, fallback: T): T {
	return runSetting(context, `requestOptions.${name}`, fallback);
}

async function secretsOf(context: Context): Promise<string[]> {
	try {
		const credentials = await context.getCredentials('evoVoiceApi');
		return [credentials.apiToken, credentials.password].filter(
			(s): s is string => typeof s === 'string' && s.length > 0,
		);
	} catch {
		return [];
	}
}

/** Runs `attempt` again while the error is one worth waiting out, within the run's limits. */
async function withRetries<T>(context: Context, method: string, attempt: () => Promise<T>): Promise<T> {
	const maxRetries = option(context, 'maxRetries', DEFAULT_RETRY.maxRetries);
	const maxWait = option(context, 'maxRetryWait', DEFAULT_RETRY.maxWaitSeconds);
	let waited = 0;
	for (let tries = 0; ; tries++) {
		try {
			return await attempt();
		} catch (error) {
			const delay = tries < maxRetries ? retryDelaySeconds(error, method, tries) : undefined;
			// Re-thrown as is: sendRequest turns it into the NodeApiError the user sees.
			// eslint-disable-next-line @n8n/community-nodes/require-node-api-error
			if (delay === undefined || waited + delay > maxWait) throw error;
			waited += delay;
			await sleep(delay * 1000);
		}
	}
}

function send(context: Context, requestData: RequestData, changes: Partial<RequestData['options']> = {}) {
	const method = String(changes.method ?? requestData.options.method ?? 'GET');
	return withRetries(context, method, async () =>
		// A fresh copy each time: the engine's helpers add headers to the options they are given.
		await context.makeRoutingRequest({
			...requestData,
			options: { ...requestData.options, ...changes, headers: { ...requestData.options.headers } },
		}),
	);
}

/** Resolves "By Reference ID" into the customer's path, or fails naming what was found. */
async function resolveReferenceOf(context: Context, state: RunState, requestData: RequestData): Promise<CustomerRecord | undefined> {
	const request = state.lookups.get(context.getItemIndex());
	if (request === undefined) return undefined;
	const { maxAgeMs } = lookupSettings(runSetting(context, 'referenceLookup', {}));
	const answer = await resolveReference(context, state, request, maxAgeMs, (fn) => withRetries(context, 'GET', fn));
	if (answer.status === 'failed') throw answer.error;
	if (answer.status !== 'found') {
		const message =
			answer.status === 'none'
				? messages.referenceNotFound(request.referenceId, request.accountIds)
				: messages.referenceHeldBySeveral(request.referenceId, answer.customers, request.accountIds);
		throw new NodeOperationError(context.getNode(), message, { itemIndex: context.getItemIndex() });
	}
	requestData.options.url = String(requestData.options.url).replace('{referenceId}', idToPathSegment(answer.customerId, 'Customer', 'customerId'));
	// The verified read is a checked base for this item's merge; later items of the run read afresh.
	const customer = answer.customer;
	answer.customer = undefined;
	return customer;
}

type Current = () => Promise<IDataObject>;

/** The entity as it is now, read at most once per item, and only if something needs it. */
function currentOf(context: Context, requestData: RequestData, verified?: IDataObject): Current {
	let current: Promise<IDataObject> | undefined = verified && Promise.resolve(verified);
	const timeout = Number(requestData.options.timeout ?? 300_000);
	return async () =>
		await (current ??= withRetries(context, 'GET', async () => await evoVoiceRead(context, String(requestData.options.url), {}, timeout)));
}

/** Data values typed "from the field's type": wrapped as the account defines each field. */
async function wrapAutoData(context: Context, state: RunState, requestData: RequestData, current: Current): Promise<void> {
	const plan = state.plans.get(context.getItemIndex());
	if (!plan?.autoData?.length) return;
	const accountId = plan.accountId ?? String((await current()).accountId ?? '');
	const fields = await fieldDefinitions(context, state, accountId, (fn) => withRetries(context, 'GET', fn));
	const names = fields.map((field) => field.name);
	const body = (requestData.options.body ?? {}) as IDataObject;
	const data: IDataObject = { ...((body.data as IDataObject) ?? {}) };
	try {
		for (const entry of plan.autoData) {
			data[entry.name] = wrapByFieldType(entry, fields.find((field) => field.name === entry.name), names) as unknown as IDataObject;
		}
	} catch (error) {
		throw new NodeOperationError(context.getNode(), (error as Error).message, { itemIndex: context.getItemIndex() });
	}
	requestData.options.body = { ...body, data };
}

/** Read-merge-write for updates that change part of a nested object or add and remove tags. */
async function mergeWithCurrent(context: Context, state: RunState, requestData: RequestData, current: Current): Promise<void> {
	const plan = state.plans.get(context.getItemIndex());
	const body = requestData.options.body as IDataObject | undefined;
	if (!plan || !body || !needsCurrent(body, plan)) return;
	requestData.options.body = mergeIntoCurrent(await current(), body, plan);
}

/** Every page of a list, or as many items as the limit asks for. */
async function allPages(context: Context, requestData: RequestData): Promise<INodeExecutionData[]> {
	const limit = context.getNodeParameter('returnAll', false) ? Infinity : Number(context.getNodeParameter('limit', 50));
	const pageSize = Math.min(100, limit);
	const results: INodeExecutionData[] = [];
	for (let page = 0; results.length < limit; page++) {
		const qs = { ...requestData.options.qs, page, countPerPage: pageSize };
		const items = await send(context, requestData, { qs });
		results.push(...items);
		if (items.length < pageSize) break;
	}
	return results.slice(0, limit);
}

function stopRun(state: RunState, itemIndex: number, error: NodeApiError | NodeOperationError) {
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
 * Runs one item's work under the run's rules: it waits until the whole batch has passed its
 * checks, keeps at most N requests in flight, stops sending after a failure (without "continue on
 * fail"), and records what happened to each item.
 */
async function guarded(
	context: Context,
	requestData: RequestData,
	work: () => Promise<INodeExecutionData[]>,
): Promise<INodeExecutionData[]> {
	const state = getRunState(context);
	const itemIndex = context.getItemIndex();
	const continueOnFail = context.continueOnFail();
	await awaitGate(state);
	if (!continueOnFail && state.invalid) {
		settle(state, itemIndex, 'notSent');
		throw new NodeApiError(context.getNode(), { message: state.invalid.message }, {
			message: messages.notSentBecauseInvalid(state.invalid.itemIndex + 1, state.invalid.message),
			itemIndex,
		});
	}
	await acquireSlot(state, Math.max(1, option(context, 'maxConcurrency', DEFAULT_MAX_IN_FLIGHT)));
	try {
		if (!continueOnFail && state.stopped) {
			settle(state, itemIndex, 'notSent');
			throw new NodeApiError(context.getNode(), { message: 'Not sent' }, {
				message: messages.notSentAfterFailure(state.stopped.itemIndex + 1),
				itemIndex,
			});
		}
		try {
			const items = await work();
			settle(state, itemIndex, 'applied');
			return items;
		} catch (error) {
			settle(state, itemIndex, 'failed');
			const timeout = Number(requestData.options.timeout ?? 300_000);
			const nodeError =
				error instanceof NodeOperationError
					? error
					: toNodeApiError(context.getNode(), error, itemIndex, await secretsOf(context), timeout);
			throw continueOnFail ? nodeError : stopRun(state, itemIndex, nodeError);
		}
	} finally {
		releaseSlot(state);
	}
}

/**
 * Sends one item's request. Registered as the operations' `pagination` hook because that is the
 * one place where n8n's routing engine hands a node the request itself (`makeRoutingRequest`):
 * here the node resolves reference IDs, merges with current values and waits out rate limits.
 */
export async function sendRequest(this: Context, requestData: RequestData): Promise<INodeExecutionData[]> {
	const state = getRunState(this);
	return await guarded(this, requestData, async () => {
		const verified = await resolveReferenceOf(this, state, requestData);
		const current = currentOf(this, requestData, verified as IDataObject | undefined);
		await wrapAutoData(this, state, requestData, current);
		await mergeWithCurrent(this, state, requestData, current);
		return await send(this, requestData);
	});
}

/** The same for list operations, which read page after page. */
export async function sendPagedRequest(this: Context, requestData: RequestData): Promise<INodeExecutionData[]> {
	return await guarded(this, requestData, async () => await allPages(this, requestData));
}
