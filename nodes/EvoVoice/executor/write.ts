import type { IDataObject } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { CLEARED } from '../model/mappers/body';
import { touches } from '../model/mappers/confirm';
import { messages } from '../model/messages';
import { ApiResponseError } from '../transport/errors';
import { eachLimited } from '../transport/limiter';
import { readPages } from '../transport/paging';
import { entityPath } from '../transport/paths';
import type { Bases } from './bases';
import { confirmChanges, type Watched } from './confirm';
import { createOrFind, postCustomer, settleCreated, type Created } from './create';
import { isEntity } from './entity';
import { failedItem } from './outcomes';
import { RecordState, writeRecord } from './record';
import type { Applied, Done, EntityRef, Failed, Resolved, Run } from './types';

/** Items that write to the same record form one chain, applied in input order. */
function chains(items: Resolved[]): Resolved[][] {
	const byRecord = new Map<string, Resolved[]>();
	const result: Resolved[][] = [];
	for (const item of items) {
		const key = item.plan.kind === 'write' ? (item.entity?.key ?? item.creates?.key) : undefined;
		const chain = key === undefined ? undefined : byRecord.get(key);
		if (chain) {
			chain.push(item);
		} else {
			const started = [item];
			if (key !== undefined) byRecord.set(key, started);
			result.push(started);
		}
	}
	return result;
}

/**
 * A write that clears a reference (Remove Parent Customer, Remove Logo) sends CLEARED; an API that
 * ignores it answers with the old value still there. Such an item fails, naming the field and the
 * value kept, rather than passing for done. An answer that is not the record cannot be checked.
 */
function checkCleared(run: Run, item: Resolved, response: unknown): void {
	const { clears } = item.plan;
	if (!clears?.length || !item.entity || !isEntity(response, item.entity.id)) return;
	const kept = clears.find(({ key }) => response[key] !== undefined && response[key] !== null && response[key] !== CLEARED);
	if (!kept) return;
	throw new NodeOperationError(
		run.client.node,
		run.client.scrub(messages.referenceKept(item.entity.label, item.entity.id, kept.label, kept.key, response[kept.key])),
		{ itemIndex: item.index, description: messages.referenceKeptDescription(kept.label) },
	);
}

/** What the run collects as it writes: changes to confirm (also by record, for the chain's later items), customers created. */
interface Collected {
	watched: Watched[];
	byRecord: Map<string, Watched[]>;
	created: Created[];
}

function watch(collected: Collected, watched: Watched): void {
	collected.watched.push(watched);
	collected.byRecord.set(watched.entity.key, [...(collected.byRecord.get(watched.entity.key) ?? []), watched]);
}

interface Sent {
	records: IDataObject[];
	/** The record written, when only the write knew it (a customer Create or Update created). */
	entity?: EntityRef;
}

/** An update (or a Create or Update that found its customer): laid over a fresh read, its changes watched. */
async function update(run: Run, item: Resolved, entity: EntityRef | undefined, path: string, state: RecordState, collected: Collected): Promise<IDataObject[]> {
	// Create or Update with nothing but the match key, for a customer that has it: nothing to write.
	const sendsNothing = Object.keys(item.body ?? {}).length === 0 && !item.merge?.addTagIds.length && !item.merge?.removeTagIds.length;
	if (item.plan.upsert && sendsNothing) return [await run.client.read(path)];
	const request = { method: item.plan.method, path, body: item.body, merge: item.merge };
	const written = await writeRecord(run, request, entity, state, item.index);
	checkCleared(run, item, written.response);
	if (entity && request.merge && written.changes.length && run.settings.confirm.enabled) {
		watch(collected, { index: item.index, entity, request: { ...request, merge: request.merge }, changes: written.changes, response: written.response, writtenAt: Date.now() });
	}
	return written.response === undefined ? [] : [written.response];
}

async function write(run: Run, item: Resolved, state: RecordState, collected: Collected): Promise<Sent> {
	const { creates } = item;
	if (creates) {
		// A chain's later items update the customer its first one created.
		if (state.created) return { records: await update(run, item, state.created, entityPath('customers', state.created.id), state, collected), entity: state.created };
		const result = await createOrFind(run, { ...item, creates }, state);
		state.created = result.entity;
		if (result.created) collected.created.push(result.created);
		if (result.written?.changes.length && result.request.merge && run.settings.confirm.enabled) {
			const { changes, response } = result.written;
			watch(collected, { index: item.index, entity: result.entity, request: { ...result.request, merge: result.request.merge }, changes, response, writtenAt: Date.now() });
		}
		return { records: result.records, entity: result.entity };
	}
	if (item.plan.method === 'POST' && !item.entity) {
		const lost = item.plan.findIfLost;
		const lookFor = lost && { request: { referenceId: lost.referenceId, accountIds: [lost.accountId] }, name: lost.name };
		return { records: [await postCustomer(run, item.body ?? {}, item.index, lookFor)] };
	}
	return { records: await update(run, item, item.entity, item.path, state, collected) };
}

async function send(run: Run, item: Resolved, state: RecordState, collected: Collected): Promise<Sent> {
	const { plan } = item;
	if (plan.kind === 'write') return await write(run, item, state, collected);
	if (plan.kind === 'list') {
		return { records: await readPages<IDataObject>(async (page, countPerPage) => await run.client.page(item.path, plan.qs ?? {}, page, countPerPage), plan.limit) };
	}
	// A read changes nothing: a GET, or a POST that only asks (such as testing a schedule).
	const answer = await run.client.request({ method: plan.method, path: item.path, qs: plan.qs, body: item.body });
	// Its item's output is the answer: an empty one is no answer.
	if (answer === undefined) throw new ApiResponseError(200, {}, '', 'malformed');
	return { records: [answer] };
}

/**
 * Stage 3: sends every item that passed its checks, chains of one record one after another, chains
 * side by side up to the in-flight limit, then confirms the changes that rest on a read
 * (confirm.ts). Without "continue on fail" nothing new starts after a failure; a cancelled
 * execution starts nothing new either (n8n aborts the requests in flight).
 */
export async function writeItems(run: Run, items: Array<Resolved | Failed>, bases: Bases): Promise<Done[]> {
	const done = new Map<number, Done>();
	const collected: Collected = { watched: [], byRecord: new Map(), created: [] };
	let stopped = false;
	const cancelled = run.context.getExecutionCancelSignal?.();
	const ready = items.filter((item): item is Resolved => item.stage === 'resolved');
	await eachLimited(chains(ready), run.settings.maxInFlight, async (chain) => {
		const state = new RecordState(run, bases.get(chain[0].entity?.key ?? ''));
		for (const item of chain) {
			// What this item sets is its own to confirm, no longer an earlier item's of the chain.
			for (const earlier of collected.byRecord.get((item.entity ?? state.created)?.key ?? '') ?? []) {
				earlier.changes = earlier.changes.filter((c) => !touches(item.body ?? {}, item.merge, c.path));
			}
			if (stopped || cancelled?.aborted) {
				done.set(item.index, { stage: 'notSent', index: item.index });
				continue;
			}
			try {
				const sent = await send(run, item, state, collected);
				const entity = sent.entity ?? item.entity;
				done.set(item.index, { stage: 'applied', index: item.index, plan: item.plan, ...(entity ? { entity } : {}), records: sent.records });
			} catch (error) {
				done.set(item.index, failedItem(run.context, run.client, item.index, error));
				if (!run.settings.continueOnFail) stopped = true;
			}
		}
	});
	// Twins first: a change made to a twin this run then removes is the keeper's, not its own to confirm.
	const settled = await settleCreated(run, collected.created);
	const removed = new Set([...settled.values()].flatMap((s) => (s.stage === 'kept' && s.removed ? [s.removed] : [])));
	const confirmed = await confirmChanges(run, collected.watched.filter((w) => w.changes.length > 0 && !removed.has(w.entity.id)));
	for (const [index, outcome] of [...settled, ...confirmed]) {
		const applied = done.get(index);
		if (outcome.stage === 'failed') done.set(index, failedItem(run.context, run.client, index, outcome.error));
		else if (applied?.stage === 'applied' && outcome.records) done.set(index, { ...applied, records: outcome.records } satisfies Applied);
	}
	return items.map((item) => (item.stage === 'failed' ? item : (done.get(item.index) ?? { stage: 'notSent', index: item.index })));
}
