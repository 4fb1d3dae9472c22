import type { IExecuteSingleFunctions } from 'n8n-workflow';

import { evoVoiceRead } from './api';
import { ApiResponseError } from './apiErrors';
import { ReferenceCache } from './referenceIds/cache';
import {
	LOOKUP_PAGE_SIZE,
	requestKey,
	resolveReferences,
	type CustomerPage,
	type CustomerRecord,
	type ReferenceAnswer,
	type ReferenceIO,
	type ReferenceRequest,
} from './referenceIds/resolve';
import type { RunState } from './runState';

type Read = <T>(fn: () => Promise<T>) => Promise<T>;

/**
 * The cross-execution cache of this node, or none: n8n never saves static data after a manual
 * execution, so a manual run looks up afresh rather than half-use a memory it cannot keep.
 */
function cacheOf(context: IExecuteSingleFunctions, maxAgeMs: number): ReferenceCache | undefined {
	if (maxAgeMs <= 0 || context.getMode() === 'manual') return undefined;
	const namespace = context.getNode().credentials?.evoVoiceApi?.id ?? '';
	return new ReferenceCache(context.getWorkflowStaticData('node') as Record<string, unknown>, { namespace, maxAgeMs });
}

function referenceIO(context: IExecuteSingleFunctions, read: Read): ReferenceIO {
	return {
		async getCustomer(customerId) {
			try {
				return await read(async () => await evoVoiceRead<CustomerRecord>(context, `/customers/${encodeURIComponent(customerId)}`));
			} catch (error) {
				if (error instanceof ApiResponseError && (error.status === 404 || error.status === 403)) return undefined;
				// Raw on purpose: sendRequest turns it into the item's NodeApiError, secrets scrubbed.
				// eslint-disable-next-line @n8n/community-nodes/require-node-api-error
				throw error;
			}
		},
		async listCustomers({ page, countPerPage, accountIds }) {
			return await read(
				async () =>
					await evoVoiceRead<CustomerPage>(context, '/customers', {
						page,
						countPerPage,
						...(accountIds?.length ? { accountIds } : {}),
					}),
			);
		},
	};
}

/**
 * The answer for one item's reference ID. The first item that needs one resolves, in one go,
 * every reference ID the run has been handed so far (with n8n's batching, later batches add more).
 */
export function resolveReference(
	context: IExecuteSingleFunctions,
	state: RunState,
	request: ReferenceRequest,
	maxAgeMs: number,
	read: Read,
): Promise<ReferenceAnswer> {
	const key = requestKey(request);
	if (!state.references.has(key)) {
		state.referenceCache ??= cacheOf(context, maxAgeMs) ?? null;
		const pending = new Map<string, ReferenceRequest>([[key, request]]);
		for (const other of state.lookups.values()) if (!state.references.has(requestKey(other))) pending.set(requestKey(other), other);
		const answers = resolveReferences([...pending.values()], referenceIO(context, read), {
			cache: state.referenceCache ?? undefined,
			pageSize: LOOKUP_PAGE_SIZE,
		});
		for (const pendingKey of pending.keys()) {
			state.references.set(pendingKey, answers.then((all) => all.get(pendingKey) ?? { status: 'none' }));
		}
	}
	return state.references.get(key)!;
}
