import type { IDataObject } from 'n8n-workflow';
import { NodeOperationError, sleep } from 'n8n-workflow';

import { instant } from '../model/dates';
import { messages } from '../model/messages';
import { findHolders, referenceCache, rememberHolder, requestKey, type Holder, type ReferenceRequest } from '../referenceIds';
import { ApiResponseError } from '../transport/errors';
import { entityPath } from '../transport/paths';
import { mayHaveLanded } from '../transport/retry';
import { entityRef, isEntity } from './entity';
import { RecordState, writeRecord, type WriteRequest } from './record';
import { processRecords } from './records';
import { settleAfter } from './settle';
import type { CreateSpec, EntityRef, Resolved, Run } from './types';

/** What POST /customers takes (CreateCustomer); the rest of an update follows as a PATCH. */
const CREATE_FIELDS = ['name', 'parentCustomerId', 'data'] as const;

/** A customer this run created for a reference ID: checked for a twin once other writers have landed. */
export interface Created {
	index: number;
	creates: CreateSpec;
	id: string;
	/** The item's update, laid over the customer that keeps the reference ID if this one is a twin. */
	request: WriteRequest;
	/** When the create was answered: twins are looked for a settle time after it. */
	createdAt: number;
}

const requestOf = (creates: CreateSpec): ReferenceRequest => ({ referenceId: creates.referenceId, accountIds: [creates.accountId] });

/** The oldest holder keeps a reference ID (ties: the smaller ID): every execution that checks picks the same. */
export function keeperOf(holders: Holder[]): Holder | undefined {
	const at = (h: Holder) => instant(h.dateCreated) ?? Number.POSITIVE_INFINITY;
	return [...holders].sort((a, b) => at(a) - at(b) || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0))[0];
}

/**
 * After a create whose answer was lost, the customers that may be it: looked for by reference ID
 * once the server has had time to finish (it may still have been working on it).
 */
async function holdersAfterLoss(run: Run, request: ReferenceRequest, wait: number): Promise<Holder[]> {
	await sleep(wait);
	const found = (await findHolders(run.client, [request])).get(requestKey(request));
	if (!found || 'failure' in found) throw found?.failure ?? new ApiResponseError(200, {}, '', 'malformed');
	return found;
}

function describe(error: unknown, run: Run, index: number): string {
	return run.client.apiError(error, index).message;
}

/**
 * POST /customers, sent once. A lost answer (the server may have stored it) is never resent: with
 * a reference ID the customer is looked for; found, it is the item's; not found, the item says
 * what is known. Without one, the item says the customer may have been created and how to check.
 */
export async function postCustomer(run: Run, body: IDataObject, index: number, lookFor?: { request: ReferenceRequest; name?: string }): Promise<IDataObject> {
	let failure: unknown;
	try {
		const created = await run.client.request<IDataObject>({ method: 'POST', path: '/customers', body });
		if (created && typeof created.id === 'string') return created;
		failure = new ApiResponseError(200, {}, created ?? '', 'malformed');
	} catch (error) {
		failure = error;
	}
	// Thrown after the catch: n8n's scanner allows only NodeApiError and NodeOperationError in one.
	if (!mayHaveLanded(failure)) throw failure;
	return await lostCreate(run, body, index, failure, lookFor);
}

/** A create whose answer was lost: looked for by its reference ID, never sent again. */
async function lostCreate(run: Run, body: IDataObject, index: number, failure: unknown, lookFor?: { request: ReferenceRequest; name?: string }): Promise<IDataObject> {
	const cause = describe(failure, run, index);
	const name = String(body.name ?? '');
	const accountId = String(body.accountId ?? '');
	const fail = (message: string) => new NodeOperationError(run.client.node, run.client.scrub(message), { itemIndex: index });
	if (!lookFor) throw fail(messages.createAnswerLost(name, accountId, cause));
	const wait = Math.max(run.settings.confirm.afterMs, 3 * run.client.slowestMs);
	let holders: Holder[] = [];
	let lookup: unknown;
	try {
		holders = await holdersAfterLoss(run, lookFor.request, wait);
	} catch (error) {
		lookup = error;
	}
	if (lookup !== undefined) throw fail(messages.createAnswerLost(name, accountId, `${cause}; looking it up failed too: ${describe(lookup, run, index)}`));
	// Create or Update takes any holder (twins are settled afterwards); Create only one of its own name.
	const mine = lookFor.name === undefined ? holders : holders.filter((h) => h.name === lookFor.name);
	const referenceId = lookFor.request.referenceId;
	if (mine.length === 0) throw fail(messages.createAnswerLostNotFound(name, accountId, referenceId, cause, wait));
	if (lookFor.name !== undefined && mine.length > 1) throw fail(messages.createAnswerLostSeveral(name, accountId, referenceId, cause, mine));
	const id = keeperOf(mine)?.id ?? '';
	const record = await run.client.read(entityPath('customers', id));
	if (!isEntity(record, id)) throw fail(messages.notTheEntity('Customer', id, record));
	return record;
}

/** The update's body split into what the create takes and what follows it. */
function split(body: IDataObject | undefined): { post: IDataObject; rest: IDataObject } {
	const post: IDataObject = {};
	const rest: IDataObject = { ...(body ?? {}) };
	for (const key of CREATE_FIELDS) {
		if (rest[key] === undefined) continue;
		post[key] = rest[key];
		delete rest[key];
	}
	return { post, rest };
}

export interface CreateResult {
	entity: EntityRef;
	records: IDataObject[];
	request: WriteRequest;
	/** Set when this execution created the customer: it is checked for a twin later. */
	created?: Created;
	written?: Awaited<ReturnType<typeof writeRecord>>;
}

/**
 * Create or Update of a reference ID nobody held: created once per process (a second execution of
 * this process finds the customer the first created), then the rest of the update laid over it.
 * A chain's later items update what the first created.
 */
export async function createOrFind(run: Run, item: Resolved & { creates: CreateSpec }, state: RecordState): Promise<CreateResult> {
	const { client } = run;
	const key = `${client.origin} ${item.creates.key}`;
	const { post, rest } = split(item.body);
	const made = await processRecords.exclusive(key, async () => {
		const known = processRecords.createdFor(key);
		if (known) return { id: known };
		const body = { accountId: item.creates.accountId, referenceId: item.creates.referenceId, ...post };
		const record = await postCustomer(run, body, item.index, { request: requestOf(item.creates) });
		processRecords.rememberCreated(key, String(record.id));
		return { id: String(record.id), record };
	});
	const entity = entityRef('customers', made.id, 'Customer');
	const path = entityPath('customers', made.id);
	// Found, not made here: the whole update applies to it, as to any customer that holds the reference ID.
	const request: WriteRequest = made.record ? { method: 'PATCH', path, body: rest, merge: item.merge } : { method: 'PATCH', path, body: item.body, merge: item.merge };
	if (made.record) state.written(made.record, entity, Date.now(), processRecords.wrote(`${client.origin} ${entity.key}`));
	const created = made.record
		? { index: item.index, creates: item.creates, id: made.id, request: { method: 'PATCH' as const, path, body: item.body, merge: item.merge }, createdAt: Date.now() }
		: undefined;
	const hasMore = Object.keys(request.body ?? {}).length > 0 || (request.merge?.addTagIds.length ?? 0) > 0 || (request.merge?.removeTagIds.length ?? 0) > 0;
	if (!hasMore) return { entity, records: made.record ? [made.record] : [await client.read(path)], request, ...(created ? { created } : {}) };
	const written = await writeRecord(run, request, entity, state, item.index);
	return { entity, records: written.response ? [written.response] : [], request, written, ...(created ? { created } : {}) };
}

/** A twin this run made and removed (`removed`): its changes are the keeper's now, not its own to confirm. */
export type Settled = { stage: 'failed'; error: NodeOperationError } | { stage: 'kept'; records?: IDataObject[]; removed?: string };

/**
 * Once other writers have landed: each customer this run created is checked against every holder
 * of its reference ID. Another execution (another process) may have created a twin at the same
 * moment; the oldest keeps the reference ID, and a younger twin this run made is deleted and its
 * update laid over the keeper, so that the executions converge on one customer. Where that cannot
 * be done, the item fails naming both: never two silent successes.
 */
export async function settleCreated(run: Run, created: Created[]): Promise<Map<number, Settled>> {
	const outcomes = new Map<number, Settled>();
	if (created.length === 0) return outcomes;
	await settleAfter(run, created.map((c) => c.createdAt));
	const { client } = run;
	let found: Map<string, Holder[] | { failure: unknown }>;
	try {
		found = await findHolders(client, created.map((c) => requestOf(c.creates)));
	} catch (error) {
		found = new Map(created.map((c) => [requestKey(requestOf(c.creates)), { failure: error }]));
	}
	const cache = referenceCache(run.context, run.client.origin);
	for (const c of created) {
		const request = requestOf(c.creates);
		const holders = found.get(requestKey(request));
		const fail = (message: string) => outcomes.set(c.index, { stage: 'failed', error: new NodeOperationError(client.node, client.scrub(message), { itemIndex: c.index }) });
		if (!holders || 'failure' in holders) {
			fail(messages.twinCheckFailed(c.id, c.creates.referenceId, describe(holders?.failure, run, c.index)));
			continue;
		}
		const keeper = keeperOf(holders);
		if (!keeper) {
			fail(messages.createdThenGone(c.id, c.creates.referenceId));
			continue;
		}
		if (keeper.id === c.id) {
			rememberHolder(cache, request, c.id);
			outcomes.set(c.index, { stage: 'kept' });
			continue;
		}
		try {
			if (holders.some((h) => h.id === c.id)) await client.request({ method: 'DELETE', path: entityPath('customers', c.id) });
			const entity = entityRef('customers', keeper.id, 'Customer');
			const written = await writeRecord(run, { ...c.request, path: entityPath('customers', keeper.id) }, entity, new RecordState(run, undefined), c.index);
			rememberHolder(cache, request, keeper.id);
			processRecords.rememberCreated(`${client.origin} ${c.creates.key}`, keeper.id);
			outcomes.set(c.index, { stage: 'kept', removed: c.id, ...(written.response ? { records: [written.response] } : {}) });
		} catch (error) {
			fail(messages.twinNotMerged(c.id, keeper.id, c.creates.referenceId, describe(error, run, c.index)));
		}
	}
	return outcomes;
}
