import type { IDataObject } from 'n8n-workflow';

import type { Client } from '../executor/client';
import { messages } from './messages';
import { readPages } from './paging';

/**
 * What a reference ID (the customer's ID in another system) stands for: the customer's ID, or why
 * there is none. `entity`, when given, is the customer as read by its ID, and serves as the merge
 * base of the first write to it.
 */
export type Resolution = { customerId: string; entity?: IDataObject } | { error: string };

/**
 * Resolves every distinct reference ID of the run at once, before anything is written. The API has
 * no filter by reference ID, so the customer list is read once per run, page by page to its end,
 * and each ID looked up in it. An API failure is thrown: every item that needed the list fails with it.
 */
export async function resolveReferences(client: Client, referenceIds: ReadonlySet<string>): Promise<Map<string, Resolution>> {
	const resolved = new Map<string, Resolution>();
	if (referenceIds.size === 0) return resolved;
	const customers = await readPages<{ id: string; referenceId?: string }>(
		async (page, countPerPage) => await client.page('/customers', {}, page, countPerPage),
	);
	const index = new Map<string, string[]>();
	for (const customer of customers) {
		if (!customer.referenceId || !referenceIds.has(customer.referenceId)) continue;
		index.set(customer.referenceId, [...(index.get(customer.referenceId) ?? []), customer.id]);
	}
	for (const referenceId of referenceIds) {
		const ids = [...new Set(index.get(referenceId) ?? [])];
		resolved.set(
			referenceId,
			ids.length === 1
				? { customerId: ids[0] }
				: { error: ids.length === 0 ? messages.noReferenceMatch(referenceId) : messages.severalReferenceMatches(referenceId, ids) },
		);
	}
	return resolved;
}
