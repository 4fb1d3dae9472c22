import type { IDataObject } from 'n8n-workflow';

import type { Client } from './client';
import { eachLimited } from './limiter';
import type { Collection } from './paths';

/** The most records one list request asks for by ID. */
export const IDS_PER_REQUEST = 100;

/**
 * Records by ID, a hundred to a request (`GET /{collection}?specificIds=…`): what the list gives,
 * by ID. A list may give less of a record than a read by ID does, and a server that ignores
 * `specificIds` gives other records: callers read what is missing alone, and never merge into a
 * record from a list.
 */
export async function listByIds(client: Client, collection: Collection, ids: string[], inFlight: number): Promise<Map<string, IDataObject>> {
	const found = new Map<string, IDataObject>();
	const chunks: string[][] = [];
	for (let i = 0; i < ids.length; i += IDS_PER_REQUEST) chunks.push(ids.slice(i, i + IDS_PER_REQUEST));
	await eachLimited(chunks, inFlight, async (chunk) => {
		const page = await client.page<IDataObject>(`/${collection}`, { specificIds: chunk }, 0, chunk.length);
		const wanted = new Set(chunk);
		for (const record of page.items ?? []) {
			const id = String(record.id ?? '');
			if (wanted.has(id)) found.set(id, record);
		}
	});
	return found;
}
