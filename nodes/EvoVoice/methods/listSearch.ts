import type { ILoadOptionsFunctions, INodeListSearchItems, INodeListSearchResult } from 'n8n-workflow';

import type { Page } from '../transport/paging';
import { evoVoiceRequest } from '../transport/request';

const PAGE_SIZE = 50;
/**
 * The API filters by name only, yet the list shows reference IDs, so a typed "crm-2001" must find
 * its customer too: the first page of a search also scans the customer list for reference IDs,
 * up to this many customers (a picker must answer while the user types).
 */
const REFERENCE_SCAN_LIMIT = 2_000;
const SCAN_PAGE_SIZE = 100;

interface Named {
	id: string;
	name: string;
	referenceId?: string;
	accountName?: string;
}

function toItem(entity: Named): INodeListSearchItems {
	return { name: entity.referenceId ? `${entity.name} (${entity.referenceId})` : entity.name, value: entity.id };
}

async function search(
	context: ILoadOptionsFunctions,
	path: string,
	filter?: string,
	paginationToken?: string,
): Promise<INodeListSearchResult> {
	const page = Number(paginationToken ?? 0);
	const result = await evoVoiceRequest<Page<Named>>(context, 'GET', path, {
		page,
		countPerPage: PAGE_SIZE,
		sortField: 'name',
		sortOrder: 'Ascend',
		...(filter ? { nameFilter: filter } : {}),
	});
	return {
		results: (result.items ?? []).map(toItem),
		paginationToken: result.hasMorePages ? String(page + 1) : undefined,
	};
}

/** Customers whose reference ID contains the filter (case-insensitive), exact matches first. */
async function customersByReference(context: ILoadOptionsFunctions, filter: string): Promise<Named[]> {
	const wanted = filter.trim().toLowerCase();
	const found: Named[] = [];
	for (let page = 0; page * SCAN_PAGE_SIZE < REFERENCE_SCAN_LIMIT; page++) {
		const result = await evoVoiceRequest<Page<Named>>(context, 'GET', '/customers', {
			page,
			countPerPage: SCAN_PAGE_SIZE,
			simplifiedPaging: true,
		});
		const items = result.items ?? [];
		for (const customer of items) {
			if (customer.referenceId?.toLowerCase().includes(wanted)) found.push(customer);
		}
		if (items.length < SCAN_PAGE_SIZE) break;
	}
	const exact = (c: Named) => (c.referenceId?.toLowerCase() === wanted ? 0 : 1);
	return found.sort((a, b) => exact(a) - exact(b) || a.name.localeCompare(b.name));
}

export async function searchCustomers(
	this: ILoadOptionsFunctions,
	filter?: string,
	paginationToken?: string,
): Promise<INodeListSearchResult> {
	if (!filter?.trim() || paginationToken !== undefined) return await search(this, '/customers', filter, paginationToken);
	const [byName, byReference] = await Promise.all([
		search(this, '/customers', filter),
		customersByReference(this, filter),
	]);
	const seen = new Set<string>();
	const results = [...byReference.map(toItem), ...byName.results].filter((item) =>
		seen.has(String(item.value)) ? false : (seen.add(String(item.value)), true),
	);
	return { results, paginationToken: byName.paginationToken };
}

export async function searchAccounts(
	this: ILoadOptionsFunctions,
	filter?: string,
	paginationToken?: string,
): Promise<INodeListSearchResult> {
	return await search(this, '/accounts', filter, paginationToken);
}
