/**
 * Which customer a reference ID resolved to, remembered across executions.
 *
 * It lives in the node's workflow static data, the one store n8n keeps for a node between
 * executions: n8n loads it with the workflow and writes it back after every execution that is not
 * manual (production webhooks, triggers, schedules — in queue mode the worker writes it). A hit is
 * only a hint: the resolver reads that customer and uses it only if it still holds the reference
 * ID, so a stale, lost or hand-edited entry costs a fresh look-up, never a wrong write.
 *
 * Stored shape (one object, so that n8n wraps two proxies, not one per entry):
 *   { v: 1, ns: <credential ID>, e: { <key>: "<checkedAt> <usedAt> <customerId>" } }
 * with times in base-36 milliseconds. Anything else found there (an old version, another
 * credential, a corrupted value) is treated as empty and replaced at the next write.
 *
 * Bounds: at most `maxEntries` entries (default 10,000: 0.5–0.8 MB of JSON, by the IDs' lengths). When a write goes
 * over, the least recently used tenth is dropped. Use is recorded at most once an hour per entry,
 * so that a steady stream of events for known customers does not rewrite the static data each
 * time. Entries whose uniqueness was last proved by a full scan longer than `maxAgeMs` ago are not
 * served (a fresh look-up proves it again).
 */

export const CACHE_VERSION = 1;
export const DEFAULT_MAX_ENTRIES = 10_000;
export const DEFAULT_MAX_AGE_HOURS = 24;
const TOUCH_INTERVAL_MS = 3_600_000;
const STORE_KEY = 'referenceCache';

export interface CachedCustomer {
	customerId: string;
	/** When a full scan last proved that this customer alone holds the reference ID. */
	checkedAt: number;
	usedAt: number;
}

export interface CacheOptions {
	/** Entries of another namespace (another credential) are ignored. */
	namespace: string;
	maxEntries?: number;
	maxAgeMs?: number;
	now?: () => number;
}

interface Stored {
	v: number;
	ns: string;
	e: Record<string, string>;
}

/**
 * The key of a reference ID within an account scope. JSON of the sorted scope, then the ID: the
 * closing bracket ends the scope unambiguously, and no key can be `__proto__`.
 */
export function cacheKey(referenceId: string, accountIds: readonly string[] = []): string {
	return `${JSON.stringify([...new Set(accountIds)].sort())}${referenceId}`;
}

function encode(entry: CachedCustomer): string {
	return `${entry.checkedAt.toString(36)} ${entry.usedAt.toString(36)} ${entry.customerId}`;
}

function decode(value: unknown): CachedCustomer | undefined {
	if (typeof value !== 'string') return undefined;
	const first = value.indexOf(' ');
	const second = value.indexOf(' ', first + 1);
	if (first < 1 || second < first + 2 || second === value.length - 1) return undefined;
	const checkedAt = parseInt(value.slice(0, first), 36);
	const usedAt = parseInt(value.slice(first + 1, second), 36);
	if (!Number.isFinite(checkedAt) || !Number.isFinite(usedAt)) return undefined;
	return { checkedAt, usedAt, customerId: value.slice(second + 1) };
}

function isStored(value: unknown, namespace: string): value is Stored {
	if (typeof value !== 'object' || value === null) return false;
	const stored = value as Partial<Stored>;
	return (
		stored.v === CACHE_VERSION &&
		stored.ns === namespace &&
		typeof stored.e === 'object' &&
		stored.e !== null &&
		!Array.isArray(stored.e)
	);
}

/** What the resolver asks of a memory of reference IDs (resolve.ts); ReferenceCache is one, layers.ts stacks them. */
export interface ReferenceMemory {
	get(referenceId: string, accountIds?: readonly string[]): CachedCustomer | undefined;
	touch(referenceId: string, accountIds?: readonly string[]): void;
	set(referenceId: string, accountIds: readonly string[] | undefined, customerId: string, checkedAt?: number): void;
	offer(referenceId: string, accountIds: readonly string[] | undefined, customerId: string, checkedAt?: number): boolean;
	delete(referenceId: string, accountIds?: readonly string[]): void;
}

export class ReferenceCache implements ReferenceMemory {
	private readonly maxEntries: number;
	private readonly maxAgeMs: number;
	private readonly now: () => number;
	private count?: number;

	/** `staticData` is the node's static data (`this.getWorkflowStaticData('node')`). */
	constructor(
		private readonly staticData: Record<string, unknown>,
		private readonly options: CacheOptions,
	) {
		this.maxEntries = Math.max(1, options.maxEntries ?? DEFAULT_MAX_ENTRIES);
		this.maxAgeMs = options.maxAgeMs ?? DEFAULT_MAX_AGE_HOURS * 3_600_000;
		this.now = options.now ?? Date.now;
	}

	private readable(): Stored | undefined {
		const stored = this.staticData[STORE_KEY];
		return isStored(stored, this.options.namespace) ? stored : undefined;
	}

	private writable(): Stored {
		const stored = this.readable();
		if (stored) return stored;
		const fresh: Stored = { v: CACHE_VERSION, ns: this.options.namespace, e: {} };
		this.staticData[STORE_KEY] = fresh;
		this.count = 0;
		// n8n's proxy hands back its own wrapper of what was set; write through whatever it holds.
		return this.staticData[STORE_KEY] as Stored;
	}

	get size(): number {
		return (this.count ??= Object.keys(this.readable()?.e ?? {}).length);
	}

	/** The entry, if it is well formed and its uniqueness was proved recently enough. */
	get(referenceId: string, accountIds?: readonly string[]): CachedCustomer | undefined {
		const stored = this.readable();
		if (!stored) return undefined;
		const key = cacheKey(referenceId, accountIds);
		if (!Object.prototype.hasOwnProperty.call(stored.e, key)) return undefined;
		const entry = decode(stored.e[key]);
		if (!entry) {
			this.delete(referenceId, accountIds);
			return undefined;
		}
		return this.now() - entry.checkedAt > this.maxAgeMs ? undefined : entry;
	}

	/** Records a use, at most once an hour per entry. */
	touch(referenceId: string, accountIds?: readonly string[]): void {
		const entry = this.get(referenceId, accountIds);
		const now = this.now();
		if (!entry || now - entry.usedAt < TOUCH_INTERVAL_MS) return;
		this.writable().e[cacheKey(referenceId, accountIds)] = encode({ ...entry, usedAt: now });
	}

	/** Remembers a resolution the run asked for; may evict the least recently used entries. */
	set(referenceId: string, accountIds: readonly string[] | undefined, customerId: string, checkedAt = this.now()): void {
		const stored = this.writable();
		const key = cacheKey(referenceId, accountIds);
		if (!Object.prototype.hasOwnProperty.call(stored.e, key)) this.count = this.size + 1;
		stored.e[key] = encode({ customerId, checkedAt, usedAt: this.now() });
		if (this.size > this.maxEntries) this.evict(stored);
	}

	/**
	 * Remembers a resolution a full scan came across without being asked: refreshes an entry
	 * that is there, fills free room, never evicts. Returns whether it was kept.
	 */
	offer(referenceId: string, accountIds: readonly string[] | undefined, customerId: string, checkedAt = this.now()): boolean {
		const key = cacheKey(referenceId, accountIds);
		const current = this.readable()?.e;
		const existing = current && Object.prototype.hasOwnProperty.call(current, key) ? decode(current[key]) : undefined;
		if (!existing && this.size >= this.maxEntries) return false;
		const stored = this.writable();
		if (!existing) this.count = this.size + 1;
		stored.e[key] = encode({ customerId, checkedAt, usedAt: existing?.usedAt ?? 0 });
		return true;
	}

	delete(referenceId: string, accountIds?: readonly string[]): void {
		const stored = this.readable();
		const key = cacheKey(referenceId, accountIds);
		if (!stored || !Object.prototype.hasOwnProperty.call(stored.e, key)) return;
		delete stored.e[key];
		this.count = this.size - 1;
	}

	/** Drops the least recently used tenth (unreadable entries first). */
	private evict(stored: Stored): void {
		const keep = Math.floor(this.maxEntries * 0.9);
		const byUse = Object.entries(stored.e)
			.map(([key, value]) => ({ key, usedAt: decode(value)?.usedAt ?? -1 }))
			.sort((a, b) => a.usedAt - b.usedAt);
		for (const { key } of byUse.slice(0, byUse.length - keep)) delete stored.e[key];
		this.count = Math.min(byUse.length, keep);
	}
}
