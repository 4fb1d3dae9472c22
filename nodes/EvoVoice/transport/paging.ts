/** A list as the API answers it (ListResponse<T>). */
export interface Page<T> {
	items: T[];
	totalCount?: number;
	totalPages?: number;
	hasMorePages?: boolean;
}

/** The most records one page asks for; a server may cap it lower, which is why pages are not counted on. */
export const PAGE_SIZE = 100;

/**
 * Whether a list has a page after `page` (0-based), judged by what the API says: `hasMorePages`,
 * then `totalPages`, then `totalCount`. A page shorter than asked for ends the list only when the
 * API says nothing else, and then only an empty page does: a server may cap `countPerPage` below
 * what was asked (simplified paging sends no totals at all).
 */
export function hasNextPage(result: Page<unknown>, page: number, seen: number): boolean {
	const items = result.items ?? [];
	if (items.length === 0) return false;
	if (result.hasMorePages === true) return true;
	if (typeof result.totalPages === 'number' && result.totalPages > 0) return page + 1 < result.totalPages;
	if (typeof result.totalCount === 'number' && result.totalCount > 0) return seen < result.totalCount;
	return true;
}

/** Reads a list page after page, up to `limit` records. */
export async function readPages<T>(
	read: (page: number, countPerPage: number) => Promise<Page<T>>,
	limit = Infinity,
): Promise<T[]> {
	const countPerPage = Math.min(PAGE_SIZE, limit);
	const records: T[] = [];
	for (let page = 0; records.length < limit; page++) {
		const result = await read(page, countPerPage);
		records.push(...(result.items ?? []));
		if (!hasNextPage(result, page, records.length)) break;
	}
	return records.length > limit ? records.slice(0, limit) : records;
}
