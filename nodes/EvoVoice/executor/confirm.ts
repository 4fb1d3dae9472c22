import type { IDataObject } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { describeChange, reapplication, undoneOf, type Change } from '../model/mappers/confirm';
import type { MergePlan } from '../model/mappers/merge';
import { messages } from '../model/messages';
import { eachLimited } from '../transport/limiter';
import { listEntities, readEntity, recordKey, type Snapshot } from './entity';
import { failedItem } from './outcomes';
import { RecordState, writeRecord, type WriteRequest } from './record';
import { processRecords } from './records';
import { settleAfter } from './settle';
import type { EntityRef, Failed, Run } from './types';

/** An applied update whose changes rest on a read, to read back once other writers have landed. */
export interface Watched {
	index: number;
	entity: EntityRef;
	request: WriteRequest & { merge: MergePlan };
	changes: Change[];
	response: IDataObject | undefined;
	/** When the write that made the changes was answered: read back a settle time after it. */
	writtenAt: number;
}

export type Confirmation = Failed | { stage: 'confirmed'; records?: IDataObject[] };

/** Rounds of "read back, apply again what was undone" before the item fails naming what did not hold. */
export const MAX_ROUNDS = 4;

/**
 * The watched records as they are now: by list, a hundred to a request, and what the list does not
 * give read alone. A list may answer less of a record than a read by ID does, so a list record
 * only says "held"; anything else is checked on a read by ID (`applyAgain`).
 */
async function readBack(run: Run, watched: Watched[]): Promise<Map<string, { record: IDataObject; snapshot?: Snapshot }>> {
	const found = new Map<string, { record: IDataObject; snapshot?: Snapshot }>();
	const entities = [...new Map(watched.map((w) => [w.entity.key, w.entity])).values()];
	if (entities.length > 1) {
		for (const [key, record] of await listEntities(run.client, entities, run.settings.maxInFlight)) found.set(key, { record });
	}
	await eachLimited(entities.filter((e) => !found.has(e.key)), run.settings.maxInFlight, async (entity) => {
		const snapshot = await readEntity(run.client, entity, 0);
		found.set(entity.key, { record: snapshot.entity, snapshot });
	});
	return found;
}

/**
 * Checks one record by ID, alone among this process's writes to it, and writes again what another
 * execution undid, laid over that read: the next round reads it back in turn.
 */
async function applyAgain(run: Run, watched: Watched, snapshot: Snapshot | undefined): Promise<Watched | undefined> {
	const state = new RecordState(run, snapshot);
	const { client } = run;
	return await client.withSlot(async (slot) =>
		processRecords.exclusive(recordKey(client, watched.entity), async () => {
			const current = await state.fresh(watched.entity, watched.index, slot);
			const undone = undoneOf(watched.changes, current.entity);
			if (undone.length === 0) return undefined;
			const again = reapplication(watched.request.body ?? {}, watched.request.merge, undone);
			const request = { ...watched.request, body: again.body, merge: again.plan };
			const written = await writeRecord(run, request, watched.entity, state, watched.index, slot);
			return { ...watched, request, changes: written.changes, response: written.response ?? watched.response, writtenAt: Date.now() };
		}),
	);
}

/**
 * After the writes: every change that rested on a read is read back once the other executions of
 * the moment have written (settleMs), and what another one undid is applied again on the freshest
 * state, until every change held or was superseded (another writer set it on purpose). An item
 * whose change still does not hold after MAX_ROUNDS, or cannot be read back, fails naming the
 * record and the change: never a silent success.
 */
export async function confirmChanges(run: Run, watched: Watched[]): Promise<Map<number, Confirmation>> {
	const outcomes = new Map<number, Confirmation>();
	let pending = watched;
	for (let round = 1; pending.length > 0; round++) {
		await settleAfter(run, pending.map((w) => w.writtenAt));
		let now: Map<string, { record: IDataObject; snapshot?: Snapshot }>;
		try {
			now = await readBack(run, pending);
		} catch (error) {
			for (const w of pending) outcomes.set(w.index, failedItem(run.context, run.client, w.index, withCause(run, w, error)));
			return outcomes;
		}
		const next: Watched[] = [];
		await eachLimited(pending, run.settings.maxInFlight, async (w) => {
			const read = now.get(w.entity.key);
			if (read && undoneOf(w.changes, read.record).length === 0) {
				outcomes.set(w.index, { stage: 'confirmed', ...(w.response ? { records: [w.response] } : {}) });
				return;
			}
			try {
				const undone = read ? undoneOf(w.changes, read.record) : w.changes;
				if (round >= MAX_ROUNDS) throw new NodeOperationError(run.client.node, notHeld(run, w, undone), { itemIndex: w.index, description: messages.changesNotHeldDescription(MAX_ROUNDS) });
				const again = await applyAgain(run, w, read?.snapshot);
				if (again) next.push(again);
				else outcomes.set(w.index, { stage: 'confirmed', ...(w.response ? { records: [w.response] } : {}) });
			} catch (error) {
				outcomes.set(w.index, failedItem(run.context, run.client, w.index, error instanceof NodeOperationError ? error : withCause(run, w, error)));
			}
		});
		pending = next;
	}
	return outcomes;
}

function notHeld(run: Run, w: Watched, undone: Change[]): string {
	return run.client.scrub(messages.changesNotHeld(w.entity.label, w.entity.id, undone.map(describeChange)));
}

/** A read-back that failed: the write was answered, the item says it could not be confirmed, and why. */
function withCause(run: Run, w: Watched, error: unknown): NodeOperationError {
	const cause = run.client.apiError(error, w.index);
	return new NodeOperationError(run.client.node, messages.changesUnconfirmed(w.entity.label, w.entity.id, cause.message), {
		itemIndex: w.index,
		description: cause.description ?? undefined,
	});
}
