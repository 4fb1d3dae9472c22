import { InputError } from '../model/inputError';
import { problems } from '../model/messages';
import { DEFAULT_MAX_AGE_HOURS } from './cache';

export interface LookupSettings {
	/** Only customers of these accounts count; empty = all this login sees. */
	accountIds: string[];
	/** How long a full look-up's proof of uniqueness is trusted; 0 = no cache. */
	maxAgeMs: number;
}

const LABEL = 'Reference ID Look-Up › Only in Accounts';
const PATH = 'referenceLookup.accountIds';

/** "acc-1, acc-2" or a list from an expression → distinct, trimmed account IDs. */
export function toAccountScope(value: unknown): string[] {
	if (value === undefined || value === null || value === '') return [];
	const entries = Array.isArray(value) ? value : typeof value === 'string' ? value.split(',') : undefined;
	if (!entries) throw new InputError({ label: LABEL, path: PATH, problem: problems.notList(value) });
	const ids = entries.map((entry, index) => {
		if (typeof entry !== 'string') {
			throw new InputError({ label: LABEL, path: `${PATH}[${index}]`, problem: problems.notText(entry) });
		}
		return entry.trim();
	});
	return [...new Set(ids.filter((id) => id !== ''))];
}

/** The Reference ID Look-Up collection as settings, refusing what it cannot use. */
export function lookupSettings(options: { accountIds?: unknown; cacheHours?: unknown } = {}): LookupSettings {
	const hours = options.cacheHours ?? DEFAULT_MAX_AGE_HOURS;
	if (typeof hours !== 'number' || !Number.isFinite(hours) || hours < 0) {
		throw new InputError({
			label: 'Reference ID Look-Up › Remember Look-Ups For (Hours)',
			path: 'referenceLookup.cacheHours',
			problem: typeof hours === 'number' && hours < 0 ? problems.belowMin(hours, 0) : problems.notNumber(hours),
		});
	}
	return { accountIds: toAccountScope(options.accountIds), maxAgeMs: hours * 3_600_000 };
}
