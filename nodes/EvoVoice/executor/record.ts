import type { IDataObject } from 'n8n-workflow';

import { changesOf, type Change } from '../model/mappers/confirm';
import { mergeIntoCurrent, type MergePlan } from '../model/mappers/merge';
import type { Slot } from '../transport/client';
import { FRESH_BASE_MS, isEntity, readEntity, recordKey, type Snapshot } from './entity';
import { processRecords } from './records';
import type { EntityRef, Resolved, Run } from './types';

/**
 * A record's state as a chain knows it: the read made before the writes, then what each write
 * answered. It is a merge base only while fresh: read at most FRESH_BASE_MS ago, and not written
 * since by another execution of this process.
 */
export class RecordState {
	/** The customer a Create or Update chain created (or found to create no twin): its later items update it. */
	created?: EntityRef;

	constructor(
		private readonly run: Run,
		private snapshot: Snapshot | undefined,
	) {}

	/** The record, read again unless the snapshot is still fresh; inside the caller's slot. */
	async fresh(entity: EntityRef, itemIndex: number, slot: Slot): Promise<Snapshot> {
		const known = this.snapshot;
		const key = recordKey(this.run.client, entity);
		if (known && Date.now() - known.since <= FRESH_BASE_MS && !processRecords.writtenSince(key, known.mark)) return known;
		this.snapshot = await readEntity(this.run.client, entity, itemIndex, slot);
		return this.snapshot;
	}

	/** After a write: its answer is the new state if it is the record; else the next merge reads. */
	written(response: unknown, entity: EntityRef | undefined, since: number, mark: number): void {
		this.snapshot = entity && isEntity(response, entity.id) ? { entity: response, since, mark } : undefined;
	}

	forget(): void {
		this.snapshot = undefined;
	}
}

export interface Written {
	response: IDataObject | undefined;
	/** What the update changed that another writer could undo; none when nothing rests on a read. */
	changes: Change[];
}

export interface WriteRequest {
	method: Resolved['plan']['method'];
	path: string;
	/** The item's own values: laid over the record's current state when `merge` is set. */
	body?: IDataObject;
	merge?: MergePlan;
}

/**
 * One write to one record, alone among this process's writes to it: a merged body is laid over a
 * fresh read, and the read and the write go out in one slot, back to back. Every attempt (a resend
 * after a rate limit too) is laid over a read that is still fresh. The caller may already hold the
 * slot and the record (confirm.ts does, to check before it writes again).
 */
export async function writeRecord(run: Run, request: WriteRequest, entity: EntityRef | undefined, state: RecordState, itemIndex: number, held?: Slot): Promise<Written> {
	const { client } = run;
	const send = async (slot?: Slot): Promise<Written> => {
		let base: Snapshot | undefined;
		const laid = request.merge && entity && slot ? { merge: request.merge, entity, slot } : undefined;
		const lay = async (): Promise<IDataObject> => {
			if (!laid) return request.body ?? {};
			base = await state.fresh(laid.entity, itemIndex, laid.slot);
			return mergeIntoCurrent(base.entity, request.body ?? {}, laid.merge);
		};
		const since = Date.now();
		let landed = false;
		try {
			const response = await client.request<IDataObject>({ method: request.method, path: request.path, body: request.body, ...(laid ? { build: lay } : {}) }, slot);
			landed = true;
			const mark = entity ? processRecords.wrote(recordKey(client, entity)) : processRecords.mark();
			state.written(response, entity, since, mark);
			if (!base || !laid) return { response, changes: [] };
			const after = isEntity(response, laid.entity.id) ? response : mergeIntoCurrent(base.entity, request.body ?? {}, laid.merge);
			return { response, changes: changesOf(request.body ?? {}, laid.merge, base.entity, after) };
		} finally {
			if (!landed) {
				// It may or may not have landed: other executions' reads are stale, and so is ours.
				if (entity) processRecords.wrote(recordKey(client, entity));
				state.forget();
			}
		}
	};
	if (!entity) return await send();
	if (held) return await send(held);
	return await client.withSlot(async (slot) => await processRecords.exclusive(recordKey(client, entity), async () => await send(slot)));
}
