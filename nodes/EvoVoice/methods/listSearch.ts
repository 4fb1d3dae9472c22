import type { ILoadOptionsFunctions, INodeListSearchResult } from 'n8n-workflow';

import { evoVoiceRequest, type Page } from '../helpers/api';

const PAGE_SIZE = 50;

interface Named {
	id: string;
	name: string;
	referenceId?: string;
	accountName?: string;
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
		results: (result.items ?? []).map((entity) => ({
			name: entity.referenceId ? `${entity.name} (${entity.referenceId})` : entity.name,
			value: entity.id,
		})),
		paginationToken: result.hasMorePages ? String(page + 1) : undefined,
	};
}

export async function searchCustomers(
	this: ILoadOptionsFunctions,
	filter?: string,
	paginationToken?: string,
): Promise<INodeListSearchResult> {
	return await search(this, '/customers', filter, paginationToken);
}

export async function searchAccounts(
	this: ILoadOptionsFunctions,
	filter?: string,
	paginationToken?: string,
): Promise<INodeListSearchResult> {
	return await search(this, '/accounts', filter, paginationToken);
}
