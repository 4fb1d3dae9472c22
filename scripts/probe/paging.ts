// How lists page: the largest countPerPage the server honours, and whether hasMorePages,
// totalCount and totalPages agree with what it sent. The node asks for 100 a page and stops at
// the first short page, so a lower cap would silently end its Get Many early.
import type { Findings } from './findings';
import { ok, type Auth, type ProbeClient } from './http';

export const PAGE_SIZES = [1, 10, 25, 50, 100, 250, 500, 1000];
const NODE_PAGE = 100;

export async function probePaging(client: ProbeClient, findings: Findings, auth: Auth, path = '/customers'): Promise<void> {
	const title = `Largest countPerPage honoured (GET ${path})`;
	const guess = `at least ${NODE_PAGE} (the node asks for ${NODE_PAGE} a page and stops at a short page)`;
	const evidence: number[] = [];
	let honoured = 0;
	let cap: number | undefined;
	let askedAtCap = 0;
	let refusedAt: number | undefined;
	let total: number | undefined;
	let consistency: string | undefined;
	for (const size of PAGE_SIZES) {
		const res = await client.request('GET', path, { auth, query: { countPerPage: size, page: 0 } });
		evidence.push(res.exchange.n);
		if (!ok(res) || !Array.isArray(res.json?.items)) {
			refusedAt = size;
			break;
		}
		const { items, totalCount, totalPages, hasMorePages } = res.json as { items: unknown[]; totalCount?: number; totalPages?: number; hasMorePages?: boolean };
		total = typeof totalCount === 'number' ? totalCount : undefined;
		const expected = total === undefined ? size : Math.min(size, total);
		if (items.length < expected) {
			cap = items.length;
			askedAtCap = size;
			consistency ??= checkTotals(items.length, total, totalPages, hasMorePages, size);
			break;
		}
		honoured = size;
		if (size === 1) consistency = checkTotals(1, total, totalPages, hasMorePages, 1);
		if (total !== undefined && total <= size) break; // the data ran out: larger sizes prove nothing
	}

	let observed: string;
	let verdict: 'as guessed' | 'differs' | 'unclear';
	if (cap !== undefined) {
		findings.observed.maxCountPerPage = cap;
		observed = `capped at ${cap}: countPerPage ${askedAtCap} answered ${cap} items of ${total ?? 'an unknown number'}`;
		verdict = cap >= NODE_PAGE ? 'as guessed' : 'differs';
	} else if (refusedAt !== undefined) {
		observed = `countPerPage ${refusedAt} was refused; ${honoured || 'no size'} was the largest honoured`;
		verdict = honoured >= NODE_PAGE ? 'as guessed' : 'differs';
	} else if (total !== undefined && total <= honoured) {
		observed = `every size up to ${honoured} honoured, but there are only ${total} records: any cap is above ${total}`;
		verdict = total >= NODE_PAGE ? 'as guessed' : 'unclear';
	} else {
		findings.observed.maxCountPerPage = null;
		observed = `no cap up to ${honoured}`;
		verdict = 'as guessed';
	}
	findings.add({ topic: 'paging.countPerPage', title, guess, observed, verdict, evidence });
	if (consistency !== undefined) {
		findings.add({
			topic: 'paging.totals', title: 'hasMorePages, totalCount and totalPages',
			guess: 'totalCount counts every match; totalPages = ceil(totalCount / page size); hasMorePages true while pages remain',
			observed: consistency || 'consistent', verdict: consistency ? 'differs' : 'as guessed', evidence: evidence.slice(0, cap === undefined ? 1 : evidence.length),
		});
	}
}

/** '' when the totals agree with a page of `got` items asked as `asked` a page; else what is off. */
function checkTotals(got: number, total: number | undefined, totalPages: number | undefined, hasMore: boolean | undefined, asked: number): string {
	if (total === undefined) return 'no totalCount in the answer';
	const problems: string[] = [];
	const byGot = Math.ceil(total / Math.max(got, 1));
	const byAsked = Math.ceil(total / asked);
	if (totalPages !== byGot) problems.push(totalPages === byAsked ? `totalPages ${totalPages} counts pages of the size asked (${asked}), not of the size sent (${got})` : `totalPages ${totalPages} for ${total} records at ${got} a page`);
	if (hasMore !== total > got) problems.push(`hasMorePages ${hasMore} on page 0 with ${got} of ${total} records`);
	return problems.join('; ');
}
