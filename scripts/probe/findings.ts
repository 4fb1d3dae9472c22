// What the probe concludes, one finding per guess: what the node assumed, what the server did,
// and the numbers of the exchanges that showed it.
import type { AuthMode, NestedMode, NestedObject, SemanticsOverrides, SortedList, SortMode } from '../../sandbox/modes';

/** 'learned': a fact the node made no guess about. */
export type Verdict = 'as guessed' | 'differs' | 'learned' | 'not tested' | 'unclear';

export interface Finding {
	/** Stable key, e.g. 'auth.bearer', 'nested.billingSettings', 'paging.countPerPage'. */
	topic: string;
	title: string;
	guess: string;
	observed: string;
	verdict: Verdict;
	evidence: number[];
}

export interface ShapeDiff {
	/** e.g. 'CustomerInfo' (GET /customers/{id}). */
	what: string;
	source: string;
	/** Dotted paths the server sent that the seeds do not list. */
	extra: string[];
	/** Seed fields absent from every sample (ServiceStack leaves out nulls: absent may mean null). */
	absent: string[];
	/** Paths whose JSON type differs from the seed's type. */
	typeMismatches: string[];
	samples: number;
}

/** Observed semantics, in the shape the sandbox loads; only what the probe actually settled. */
export interface Observed {
	auth: Partial<Record<AuthMode, boolean>>;
	nested: Partial<Record<NestedObject, NestedMode>>;
	emptyTagIds?: SemanticsOverrides['emptyTagIds'];
	blankString?: SemanticsOverrides['blankString'];
	maxCountPerPage?: number | null;
	specificIds?: SemanticsOverrides['specificIds'];
	dateFormat?: SemanticsOverrides['dateFormat'];
	dayZone?: string;
	endDateInclusive?: boolean;
	sessionDayField?: SemanticsOverrides['sessionDayField'];
	sort: Partial<Record<SortedList, SortMode>>;
}

export class Findings {
	readonly list: Finding[] = [];
	readonly shapes: ShapeDiff[] = [];
	readonly observed: Observed = { auth: {}, nested: {}, sort: {} };
	/** Facts worth telling that are no guess (what /auth/status says, the test customer's ID...). */
	readonly notes: string[] = [];

	add(f: Finding): Finding {
		this.list.push(f);
		return f;
	}

	notTested(topic: string, title: string, guess: string, why: string): Finding {
		return this.add({ topic, title, guess, observed: `not tested: ${why}`, verdict: 'not tested', evidence: [] });
	}
}
