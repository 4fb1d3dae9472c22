import type { IDataObject } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { messages } from '../model/messages';
import { isObject } from '../model/objects';
import type { Client } from '../transport/client';
import { entityPath } from '../transport/paths';
import type { EntityRef } from './types';

/** A record as read (or as a write returned it), and when: the base a merge is built on. */
export interface Snapshot {
	entity: IDataObject;
	at: number;
}

/** A merge base older than this is read again just before the write that rests on it. */
export const MAX_BASE_AGE_MS = 60_000;

/** A resend of a merged body that waited this long is built again on a fresh read. */
export const REREAD_AFTER_WAIT_SECONDS = 5;

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
export async function readEntity(client: Client, entity: EntityRef, itemIndex: number): Promise<Snapshot> {
	const read = await client.read(entityPath(entity.collection, entity.id));
	if (!isEntity(read, entity.id)) {
		throw new NodeOperationError(client.node, client.scrub(messages.notTheEntity(entity.label, entity.id, read)), { itemIndex });
	}
	return { entity: read, at: Date.now() };
}
