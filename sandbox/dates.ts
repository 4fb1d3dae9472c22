// Dates as the service reads and writes them: whole days (startDate/endDate, YYYY-MM-DD) in a
// zone the documentation does not state, and entity dates in one of the formats a .NET service
// may write (see DATE_FORMATS in modes.ts). Stored dates are always ISO 8601 with Z and ms.
import { fieldError, queryString, type Query } from './http';
import type { DateFormat, SandboxSemantics } from './modes';

const DAY = /^(\d{4})-(\d{2})-(\d{2})$/;
const HOUR = 3_600_000;
const formatters = new Map<string, Intl.DateTimeFormat>();
const dayStarts = new Map<string, number>();

function formatter(zone: string): Intl.DateTimeFormat {
	let f = formatters.get(zone);
	if (!f) {
		f = new Intl.DateTimeFormat('en-US', { timeZone: zone, year: 'numeric', month: '2-digit', day: '2-digit' });
		formatters.set(zone, f);
	}
	return f;
}

/** The local date (YYYY-MM-DD) of an instant in an IANA zone. */
export function zonedDay(ms: number, zone: string): string {
	const parts: Record<string, string> = {};
	for (const p of formatter(zone).formatToParts(ms)) parts[p.type] = p.value;
	return `${parts.year}-${parts.month}-${parts.day}`;
}

/** The day after `day` (both YYYY-MM-DD). */
export function nextDay(day: string): string {
	const [, y, m, d] = DAY.exec(day)!;
	return new Date(Date.UTC(+y, +m - 1, +d + 1)).toISOString().slice(0, 10);
}

/**
 * The first instant of a local day. Binary search rather than offset arithmetic: a day that starts
 * at 01:00 (a DST change at midnight) or has 23 or 25 hours comes out right without special cases.
 * Every zone's midnight lies between 14 h before and 12 h after UTC's.
 */
export function startOfDay(day: string, zone: string): number {
	const key = `${zone} ${day}`;
	const known = dayStarts.get(key);
	if (known !== undefined) return known;
	const [, y, m, d] = DAY.exec(day)!;
	const utc = Date.UTC(+y, +m - 1, +d);
	let lo = utc - 15 * HOUR;
	let hi = utc + 13 * HOUR;
	while (hi - lo > 1) {
		const mid = Math.floor((lo + hi) / 2);
		if (zonedDay(mid, zone) >= day) hi = mid;
		else lo = mid;
	}
	if (dayStarts.size > 10_000) dayStarts.clear();
	dayStarts.set(key, hi);
	return hi;
}

/** A YYYY-MM-DD query parameter, checked; undefined when absent. */
export function dayParam(query: Query, key: string): string | undefined {
	const v = queryString(query, key);
	if (v === undefined) return undefined;
	const m = DAY.exec(v);
	if (!m || new Date(Date.UTC(+m[1], +m[2] - 1, +m[3])).toISOString().slice(0, 10) !== v) {
		throw fieldError('ArgumentException', key, `'${v}' is not a valid ${key}; expected YYYY-MM-DD`);
	}
	return v;
}

/** The instants a startDate/endDate filter admits: from <= t < until (epoch ms); undefined = no filter. */
export interface DayRange {
	from?: number;
	until?: number;
}

export function dayRange(query: Query, semantics: SandboxSemantics): DayRange | undefined {
	const start = dayParam(query, 'startDate');
	const end = dayParam(query, 'endDate');
	if (start === undefined && end === undefined) return undefined;
	const zone = semantics.dayZone;
	return {
		from: start === undefined ? undefined : startOfDay(start, zone),
		until: end === undefined ? undefined : startOfDay(semantics.endDateInclusive ? nextDay(end) : end, zone),
	};
}

/** True if the stored date lies in the range; a record without that date never matches a day filter. */
export function inRange(value: string | undefined, range: DayRange): boolean {
	if (!value) return false;
	const t = Date.parse(value);
	return (range.from === undefined || t >= range.from) && (range.until === undefined || t < range.until);
}

/** A stored date as the service writes it (see DATE_FORMATS). Unparseable values pass through. */
export function formatDate(value: string | undefined, format: DateFormat): string | undefined {
	if (value === undefined || format === 'iso') return value;
	const ms = Date.parse(value);
	if (!Number.isFinite(ms)) return value;
	return format === 'wcf' ? `/Date(${ms}-0000)/` : new Date(ms).toISOString().slice(0, -1);
}

const ENTITY_DATES = ['dateCreated', 'dateLastModified', 'dateCompleted'] as const;

/** A copy of an entity with its dates written in `format` (the same object when the format is ISO). */
export function withDates<T extends object>(entity: T, format: DateFormat): T {
	if (format === 'iso') return entity;
	const out = { ...entity } as Record<string, unknown>;
	for (const key of ENTITY_DATES) if (typeof out[key] === 'string') out[key] = formatDate(out[key] as string, format);
	if (Array.isArray(out.log)) {
		out.log = (out.log as { date?: string }[]).map((l) => ({ ...l, date: formatDate(l.date, format) }));
	}
	return out as T;
}
