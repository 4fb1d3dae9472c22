// ServiceStack-style list paging shared by every list route (customers, accounts, sessions, notifications).
import { fieldError, queryBool, queryInt, queryList, queryString, type Query } from './http';
import type { SortMode, SpecificIdsMode } from './modes';

export interface ListResponse<T> {
	items: T[];
	totalCount: number;
	totalPages: number;
	hasMorePages: boolean;
}

export const DEFAULT_COUNT_PER_PAGE = 25;

type SortKey = string | number | boolean | undefined;

function sortKey(v: unknown): SortKey {
	if (typeof v === 'string') return v.toLowerCase();
	return typeof v === 'number' || typeof v === 'boolean' ? v : undefined;
}

function compare(a: SortKey, b: SortKey): number {
	if (a === b) return 0;
	if (a === undefined) return 1; // missing values sort last either way round
	if (b === undefined) return -1;
	return a < b ? -1 : 1;
}

export interface PageOptions {
	/** The semantics' page-size cap: lowers a larger countPerPage. */
	maxCountPerPage?: number | null;
	/** 'ignored': the records stay in the order given (storage order), whatever was asked. */
	sort?: SortMode;
	/** The order when none is asked: `name` Ascend unless the list says otherwise. */
	defaultField?: string;
	defaultOrder?: 'Ascend' | 'Descend';
	/** 'ignored': specificIds changes nothing (the semantics' specificIds). */
	specificIds?: SpecificIdsMode;
}

/**
 * Filters by specificIds, sorts (sortField over the stored record; ties by id), then pages.
 * `all=true` returns everything in one page. `simplifiedPaging=true` skips the totals the way a
 * .NET DTO would send them when not computed: totalCount 0, totalPages 0, hasMorePages false, so a
 * client must stop on an empty `items` page instead. sortOrder is checked even when the sort is
 * ignored: the typed DTO binds it before the service runs.
 */
export function pageOf<T extends { id: string }>(records: T[], query: Query, options: PageOptions = {}): ListResponse<T> {
	const ids = options.specificIds === 'ignored' ? undefined : queryList(query, 'specificIds');
	if (ids) {
		const wanted = new Set(ids);
		records = records.filter((r) => wanted.has(r.id));
	}
	const askedField = queryString(query, 'sortField');
	// The DTO's SortOrder is a plain enum: a sortField without sortOrder is Ascend, as in .NET.
	const order = queryString(query, 'sortOrder') ?? (askedField === undefined ? options.defaultOrder : undefined) ?? 'Ascend';
	if (order !== 'Ascend' && order !== 'Descend') {
		throw fieldError('InvalidEnumValue', 'sortOrder', `'${order}' is not a valid SortOrders; expected one of Ascend, Descend`);
	}
	let sorted = records;
	if (options.sort !== 'ignored') {
		const field = askedField ?? options.defaultField ?? 'name';
		const sign = order === 'Descend' ? -1 : 1;
		const keyed = records.map((r) => ({ r, k: sortKey((r as Record<string, unknown>)[field]) }));
		keyed.sort((x, y) => sign * compare(x.k, y.k) || (x.r.id < y.r.id ? -1 : x.r.id > y.r.id ? 1 : 0));
		sorted = keyed.map((x) => x.r);
	}
	const maxCountPerPage = options.maxCountPerPage;

	const all = queryBool(query, 'all') ?? false;
	const simplified = queryBool(query, 'simplifiedPaging') ?? false;
	const page = queryInt(query, 'page', 0) ?? 0;
	const asked = queryInt(query, 'countPerPage', 1) ?? DEFAULT_COUNT_PER_PAGE;
	// A capped service answers the cap's worth silently, as AutoQuery's MaxLimit does.
	const perPage = maxCountPerPage ? Math.min(asked, maxCountPerPage) : asked;
	if (all) {
		return { items: sorted, totalCount: simplified ? 0 : sorted.length, totalPages: simplified ? 0 : 1, hasMorePages: false };
	}
	const items = sorted.slice(page * perPage, page * perPage + perPage);
	if (simplified) return { items, totalCount: 0, totalPages: 0, hasMorePages: false };
	const totalPages = Math.ceil(sorted.length / perPage);
	return { items, totalCount: sorted.length, totalPages, hasMorePages: page + 1 < totalPages };
}
