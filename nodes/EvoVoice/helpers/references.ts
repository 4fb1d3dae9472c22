import type { IExecuteSingleFunctions } from 'n8n-workflow';

import { evoVoiceRead, type Page } from './api';
import type { RunState } from './runState';

const PAGE_SIZE = 100;

/**
 * Reference ID → customer IDs, for every customer this login can see. The API has no filter by
 * reference ID, so the node reads the list once per run (not once per item) and looks items up in it.
 */
export function referenceIndex(
	context: IExecuteSingleFunctions,
	state: RunState,
	read: <T>(fn: () => Promise<T>) => Promise<T>,
): Promise<Map<string, string[]>> {
	state.referenceIndex ??= (async () => {
		const index = new Map<string, string[]>();
		for (let page = 0; ; page++) {
			const result = await read(
				async () =>
					await evoVoiceRead<Page<{ id: string; referenceId?: string }>>(context, '/customers', {
						page,
						countPerPage: PAGE_SIZE,
						simplifiedPaging: true,
					}),
			);
			const items = result.items ?? [];
			for (const customer of items) {
				if (!customer.referenceId) continue;
				index.set(customer.referenceId, [...(index.get(customer.referenceId) ?? []), customer.id]);
			}
			// With simplifiedPaging the API sends no totals: a short page is the last one.
			if (items.length < PAGE_SIZE) break;
		}
		return index;
	})();
	// A failed read must not be cached for the items still to come.
	state.referenceIndex.catch(() => (state.referenceIndex = undefined));
	return state.referenceIndex;
}
