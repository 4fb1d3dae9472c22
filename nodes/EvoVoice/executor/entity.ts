import type { IDataObject } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { messages } from '../model/messages';
import { isObject } from '../model/objects';
import type { Client, Slot } from '../transport/client';
import { listByIds } from '../transport/lists';
import { entityPath } from '../transport/paths';
import { processRecords } from './records';
import type { EntityRef } from './types';

/**
 * A record as read (or as a write returned it): the base a merge is built on. `since` is when the
 * read was sent (its answer is no older), `mark` the process's write mark then (executor/records.ts).
 */
export interface Snapshot {
	entity: IDataObject;
	since: number;
	mark: number;
}

/** True when `value` is the record with this ID: anything else must never become a merge base. */
export function isEntity(value: unknown, id: string): value is IDataObject {
	return isObject(value) && String(value.id ?? '') === id;
}

/** A record's key in a run: writes to one record are applied in input order. */
export function entityRef(collection: EntityRef['collection'], id: string, label: string): EntityRef {
	return { collection, id, label, key: `${collection}/${id}` };
}

/**
 * Reads the record and checks it is the one asked for: an empty object, a proxy's page or another
 * record merged into and written back would overwrite what it lacks.
 */
export async function readEntity(client: Client, entity: EntityRef, itemIndex: number, slot?: Slot): Promise<Snapshot> {
	const since = Date.now();
	const mark = processRecords.mark();
	const read = await client.read(entityPath(entity.collection, entity.id), {}, slot);
	if (!isEntity(read, entity.id)) {
		throw new NodeOperationError(client.node, client.scrub(messages.notTheEntity(entity.label, entity.id, read)), { itemIndex });
	}
	return { entity: read, since, mark };
}

/** The key of a record in this process's registry: the same record whichever run or credential asks. */
export function recordKey(client: Client, entity: EntityRef): string {
	return `${client.origin} ${entity.key}`;
}

/**
 * The records as the lists give them, by record key: a hundred to a request. A list may give less
 * of a record than a read by ID does, so a listed record says "it is there" (and its account), never
 * what a merge rests on; what the list lacks, the caller reads alone.
 */
export async function listEntities(client: Client, entities: EntityRef[], inFlight: number): Promise<Map<string, IDataObject>> {
	const found = new Map<string, IDataObject>();
	for (const collection of new Set(entities.map((e) => e.collection))) {
		const of = entities.filter((e) => e.collection === collection);
		const listed = await listByIds(client, collection, of.map((e) => e.id), inFlight);
		for (const entity of of) {
			const record = listed.get(entity.id);
			if (record) found.set(entity.key, record);
		}
	}
	return found;
}
