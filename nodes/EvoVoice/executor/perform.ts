import type { IDataObject } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { ApiResponseError } from '../transport/errors';
import { CLEARED } from '../model/mappers/body';
import { messages } from '../model/messages';
import { readPages } from '../transport/paging';
import { mergeIntoCurrent } from '../model/mappers/merge';
import { isEntity, MAX_BASE_AGE_MS, readEntity, REREAD_AFTER_WAIT_SECONDS, type Snapshot } from './entity';
import { eachLimited } from '../transport/limiter';
import { needsMerge } from './prepare';
import type { Run, RunItem } from './run';

/** Items that write to the same entity form one chain, applied in input order. */
function chains(items: RunItem[]): RunItem[][] {
	const byEntity = new Map<string, RunItem[]>();
	const result: RunItem[][] = [];
	for (const item of items) {
		if (item.outcome.stage !== 'ready') continue;
		const key = item.plan!.kind === 'write' ? item.entityKey : undefined;
		const chain = key === undefined ? undefined : byEntity.get(key);
		if (chain) {
			chain.push(item);
		} else {
			const started = [item];
			if (key !== undefined) byEntity.set(key, started);
			result.push(started);
		}
	}
	return result;
}

/** One chain's view of its entity: what the last write left, or the read made before the writes. */
class EntityState {
	constructor(
		private readonly run: Run,
		private snapshot: Snapshot | undefined,
	) {}

	async current(item: RunItem): Promise<IDataObject> {
		if (!this.snapshot || Date.now() - this.snapshot.at > MAX_BASE_AGE_MS) await this.reread(item);
		return this.snapshot!.entity;
	}

	async reread(item: RunItem): Promise<IDataObject> {
		const target = item.plan!.target!;
		const path = item.path!.slice(0, item.path!.length - (item.plan!.subPath?.length ?? 0));
		this.snapshot = await readEntity(this.run.client, path, item.entityId!, target.label, item.index);
		return this.snapshot.entity;
	}

	/** After a write: its answer is the new state if it is the entity; else the next merge reads. */
	written(response: unknown, item: RunItem): void {
		this.snapshot = isEntity(response, item.entityId ?? '') ? { entity: response, at: Date.now() } : undefined;
	}

	forget(): void {
		this.snapshot = undefined;
	}
}

async function write(run: Run, item: RunItem, state: EntityState): Promise<IDataObject[]> {
	const plan = item.plan!;
	const merge = needsMerge(plan) ? plan.merge : undefined;
	const body = merge ? mergeIntoCurrent(await state.current(item), plan.body!, merge) : plan.body;
	const response = await run.client.request({
		method: plan.method,
		path: item.path!,
		body,
		...(merge
			? {
					rebuild: {
						afterSeconds: REREAD_AFTER_WAIT_SECONDS,
						body: async () => mergeIntoCurrent(await state.reread(item), plan.body!, merge),
					},
				}
			: {}),
	});
	state.written(response, item);
	checkCleared(run, item, response);
	return response === undefined ? [] : [response];
}

/**
 * A write that clears a reference (Remove Parent Customer, Remove Logo) sends CLEARED; an API that
 * ignores it answers with the old value still there. Such an item fails, naming the field and the
 * value kept, rather than passing for done. An answer that is not the entity cannot be checked.
 */
function checkCleared(run: Run, item: RunItem, response: unknown): void {
	const { clears, target } = item.plan!;
	if (!clears?.length || !isEntity(response, item.entityId ?? '')) return;
	const kept = clears.find(({ key }) => response[key] !== undefined && response[key] !== null && response[key] !== CLEARED);
	if (!kept) return;
	const label = target?.label ?? 'record';
	throw new NodeOperationError(
		run.client.node,
		run.client.scrub(messages.referenceKept(label, item.entityId ?? '', kept.label, kept.key, response[kept.key])),
		{ itemIndex: item.index, description: messages.referenceKeptDescription(kept.label) },
	);
}

async function execute(run: Run, item: RunItem, state: EntityState): Promise<IDataObject[]> {
	const plan = item.plan!;
	if (plan.kind === 'write') return await write(run, item, state);
	if (plan.kind === 'list') {
		return await readPages<IDataObject>(
			async (page, countPerPage) => await run.client.page(item.path!, plan.qs ?? {}, page, countPerPage),
			plan.limit,
		);
	}
	// A read changes nothing: a GET, or a POST that only asks (such as testing a schedule).
	const answer = await run.client.request({ method: plan.method, path: item.path!, qs: plan.qs, body: plan.body });
	// Its item's output is the answer: an empty one is no answer.
	if (answer === undefined) throw new ApiResponseError(200, {}, '', 'malformed');
	return [answer];
}

/**
 * Sends every item that passed its checks: chains of one entity one after another, chains side by
 * side up to the in-flight limit. Without "continue on fail" nothing new starts after a failure.
 */
export async function perform(run: Run): Promise<void> {
	let stopped = false;
	const cancelled = run.context.getExecutionCancelSignal?.();
	await eachLimited(chains(run.items), run.settings.maxInFlight, async (chain) => {
		const state = new EntityState(run, run.bases?.get(chain[0].entityKey ?? ''));
		for (const item of chain) {
			// A cancelled execution starts nothing new (n8n aborts the requests in flight).
			if (stopped || cancelled?.aborted) {
				item.outcome = { stage: 'notSent' };
				continue;
			}
			try {
				item.records = await execute(run, item, state);
				item.outcome = { stage: 'applied' };
			} catch (error) {
				// The write may or may not have landed: the next one in the chain reads afresh.
				state.forget();
				item.outcome = {
					stage: 'failed',
					error: error instanceof NodeOperationError ? error : run.client.apiError(error, item.index),
				};
				if (!run.settings.continueOnFail) stopped = true;
			}
		}
	});
}
