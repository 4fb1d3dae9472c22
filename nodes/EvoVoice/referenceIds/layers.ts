import { ReferenceCache, type CachedCustomer, type CacheOptions, type ReferenceMemory } from './cache';

/**
 * The workflow's static data, then this process's own memory. n8n keeps a node's static data only
 * where it saves it: in queue mode the executions a worker runs for a production webhook start with
 * none (measured: every event read the whole list), so the worker would look every reference ID up
 * afresh. What the process learnt serves its next executions; every hit is still verified by one
 * read of the customer (resolve.ts), so a stale memory costs a look-up, never a wrong write.
 */
export class LayeredMemory implements ReferenceMemory {
	constructor(private readonly layers: ReferenceMemory[]) {}

	get(referenceId: string, accountIds?: readonly string[]): CachedCustomer | undefined {
		for (const layer of this.layers) {
			const found = layer.get(referenceId, accountIds);
			if (found) return found;
		}
		return undefined;
	}

	touch(referenceId: string, accountIds?: readonly string[]): void {
		for (const layer of this.layers) layer.touch(referenceId, accountIds);
	}

	set(referenceId: string, accountIds: readonly string[] | undefined, customerId: string, checkedAt?: number): void {
		for (const layer of this.layers) layer.set(referenceId, accountIds, customerId, checkedAt);
	}

	offer(referenceId: string, accountIds: readonly string[] | undefined, customerId: string, checkedAt?: number): boolean {
		return this.layers.map((layer) => layer.offer(referenceId, accountIds, customerId, checkedAt)).some(Boolean);
	}

	delete(referenceId: string, accountIds?: readonly string[]): void {
		for (const layer of this.layers) layer.delete(referenceId, accountIds);
	}
}

/** This process's memories, one per API and credential: text keys, bounded as the static data is. */
const processMemories = new Map<string, Record<string, unknown>>();
const MAX_MEMORIES = 100;

export function processMemory(origin: string, options: CacheOptions): ReferenceCache {
	const key = `${origin} ${options.namespace}`;
	let store = processMemories.get(key);
	if (!store) {
		if (processMemories.size >= MAX_MEMORIES) processMemories.delete(processMemories.keys().next().value ?? '');
		store = {};
		processMemories.set(key, store);
	}
	return new ReferenceCache(store, options);
}
