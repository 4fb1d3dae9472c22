import type { Page } from '../transport/paging';
import { hasNextPage, PAGE_SIZE } from '../transport/paging';
import type { ReferenceCache } from './cache';

/**
 * Reference ID → customer for a whole run: every distinct (reference ID, account scope) of the run
 * in, one answer each out. The API has no filter by reference ID, so:
 * 1. a cached customer is read (`GET /customers/{id}`) and used only if it still holds the
 *    reference ID (and sits in the scope's accounts); that read is returned, to serve as the
 *    merge base of the write that follows;
 * 2. everything else is looked up afresh in ONE scan of the customer list per scope, which reads
 *    to the end, paging as helpers/paging.ts does (only the whole list proves a reference ID is
 *    held by one customer), unless every reference ID it looks for has already turned up twice. The scan indexes every customer it
 *    sees, so one scan warms the cache for all of them.
 *
 * Requests go through `io`, which the caller runs under its own retries and request pool.
 */

export interface CustomerRecord {
	id: string;
	referenceId?: string | null;
	accountId?: string;
	name?: string;
	[key: string]: unknown;
}

export type CustomerPage = Page<CustomerRecord>;

export interface ReferenceIO {
	/** `GET /customers/{id}`; `undefined` when the API answers 404 (or 403: not this login's). */
	getCustomer(customerId: string): Promise<CustomerRecord | undefined>;
	/** `GET /customers?page&countPerPage[&accountIds]`. */
	listCustomers(query: { page: number; countPerPage: number; accountIds?: string[] }): Promise<CustomerPage>;
}

export interface ReferenceRequest {
	referenceId: string;
	/** Only customers of these accounts count; none = every customer this login can see. */
	accountIds?: string[];
}

/** A customer that holds a reference ID, as the list showed it: enough to name it and to order holders. */
export interface Holder {
	id: string;
	name?: string;
	dateCreated?: string;
}

export type ReferenceAnswer =
	| {
			status: 'found';
			customerId: string;
			/** The customer as read just now (cache hits only): a checked base for a merge. */
			customer?: CustomerRecord;
			/** How the list showed it (scans only): a name for messages, never a merge base. */
			holder?: Holder;
			via: 'cache' | 'scan';
	  }
	| { status: 'none' }
	| { status: 'several'; customers: Holder[] }
	| { status: 'failed'; error: unknown };

export interface ResolveOptions {
	/** Without a cache every reference ID is looked up afresh. */
	cache?: ReferenceCache;
	/** Read to the end even when every reference ID already has two holders: to know them all. */
	allHolders?: boolean;
	pageSize?: number;
	now?: () => number;
}

/** A guard against an API that never says it is done. */
const MAX_PAGES = 100_000;

/** The key of a request within a run: requests with equal keys get one answer. */
export function requestKey(request: ReferenceRequest): string {
	return JSON.stringify([request.referenceId, [...new Set(request.accountIds ?? [])].sort()]);
}

function inScope(customer: CustomerRecord, accountIds: string[] | undefined): boolean {
	return !accountIds?.length || (customer.accountId !== undefined && accountIds.includes(customer.accountId));
}

async function verifyCached(
	request: ReferenceRequest,
	io: ReferenceIO,
	cache: ReferenceCache,
): Promise<ReferenceAnswer | undefined> {
	const cached = cache.get(request.referenceId, request.accountIds);
	if (!cached) return undefined;
	const customer = await io.getCustomer(cached.customerId);
	if (customer && customer.referenceId === request.referenceId && inScope(customer, request.accountIds)) {
		cache.touch(request.referenceId, request.accountIds);
		return { status: 'found', customerId: customer.id ?? cached.customerId, customer, via: 'cache' };
	}
	// Moved, deleted or out of scope: forget it and look it up afresh.
	cache.delete(request.referenceId, request.accountIds);
	return undefined;
}

/** One scan of the list for one scope: reference ID → holders, of every customer read. */
async function scan(
	wanted: Set<string>,
	accountIds: string[] | undefined,
	io: ReferenceIO,
	pageSize: number,
	allHolders = false,
): Promise<{ holders: Map<string, CustomerRecord[]>; complete: boolean }> {
	const holders = new Map<string, CustomerRecord[]>();
	let seen = 0;
	for (let page = 0; page < MAX_PAGES; page++) {
		const result = await io.listCustomers({ page, countPerPage: pageSize, ...(accountIds?.length ? { accountIds } : {}) });
		seen += result.items?.length ?? 0;
		for (const customer of result.items ?? []) {
			const referenceId = customer.referenceId;
			if (typeof referenceId !== 'string' || referenceId === '' || !inScope(customer, accountIds)) continue;
			// A customer written while the scan reads can move to a later page and be seen twice.
			const list = holders.get(referenceId);
			if (!list) holders.set(referenceId, [customer]);
			else if (!list.some((known) => known.id === customer.id)) list.push(customer);
		}
		if (!hasNextPage(result, page, seen)) return { holders, complete: true };
		// Two holders each: the answer (several) cannot change, however many pages follow.
		if (!allHolders && [...wanted].every((id) => (holders.get(id)?.length ?? 0) >= 2)) return { holders, complete: false };
	}
	return { holders, complete: true };
}

function holderOf(customer: CustomerRecord): Holder {
	const dateCreated = customer.dateCreated;
	return { id: customer.id, ...(customer.name ? { name: customer.name } : {}), ...(typeof dateCreated === 'string' ? { dateCreated } : {}) };
}

function answerFrom(holders: CustomerRecord[] | undefined): ReferenceAnswer {
	if (!holders?.length) return { status: 'none' };
	if (holders.length === 1) return { status: 'found', customerId: holders[0].id, holder: holderOf(holders[0]), via: 'scan' };
	return { status: 'several', customers: holders.map(holderOf) };
}

/** What a finished scan teaches the cache: the asked IDs first, then all others into free room. */
function learn(cache: ReferenceCache, wanted: Set<string>, accountIds: string[] | undefined, holders: Map<string, CustomerRecord[]>, complete: boolean, now: number): void {
	for (const referenceId of wanted) {
		const found = holders.get(referenceId) ?? [];
		if (found.length === 1 && complete) cache.set(referenceId, accountIds, found[0].id, now);
		else cache.delete(referenceId, accountIds);
	}
	if (!complete) return;
	for (const [referenceId, found] of holders) {
		if (wanted.has(referenceId)) continue;
		if (found.length === 1) cache.offer(referenceId, accountIds, found[0].id, now);
		else cache.delete(referenceId, accountIds);
	}
}

export async function resolveReferences(
	requests: ReferenceRequest[],
	io: ReferenceIO,
	options: ResolveOptions = {},
): Promise<Map<string, ReferenceAnswer>> {
	const { cache, pageSize = PAGE_SIZE, now = Date.now, allHolders = false } = options;
	const distinct = new Map<string, ReferenceRequest>();
	for (const request of requests) distinct.set(requestKey(request), request);
	const answers = new Map<string, ReferenceAnswer>();

	const misses: Array<[string, ReferenceRequest]> = [];
	await Promise.all(
		[...distinct].map(async ([key, request]) => {
			try {
				const hit = cache && (await verifyCached(request, io, cache));
				if (hit) answers.set(key, hit);
				else misses.push([key, request]);
			} catch (error) {
				answers.set(key, { status: 'failed', error });
			}
		}),
	);

	const byScope = new Map<string, Array<[string, ReferenceRequest]>>();
	for (const miss of misses) {
		const scope = JSON.stringify([...new Set(miss[1].accountIds ?? [])].sort());
		byScope.set(scope, [...(byScope.get(scope) ?? []), miss]);
	}
	for (const [scope, group] of byScope) {
		const accountIds = JSON.parse(scope) as string[];
		const wanted = new Set(group.map(([, request]) => request.referenceId));
		try {
			const { holders, complete } = await scan(wanted, accountIds.length ? accountIds : undefined, io, pageSize, allHolders);
			if (cache) learn(cache, wanted, accountIds, holders, complete, now());
			for (const [key, request] of group) answers.set(key, answerFrom(holders.get(request.referenceId)));
		} catch (error) {
			for (const [key] of group) answers.set(key, { status: 'failed', error });
		}
	}
	return answers;
}
