// A reasonable evaluation of an Evo Voice schedule at one moment, for POST .../test-schedule.
// Not the real engine (unseen); the guesses it makes are listed here so they are easy to change:
//  - forceClosed wins over everything and answers "Closed".
//  - Among matching rules the HIGHEST priority number wins; ties go to the earlier rule.
//  - Always rules always match; CustomerState rules never match (there is no customer state here).
//  - Time rules match when every constraint they set holds, in the schedule's time zone:
//    startDate..untilDate (inclusive), byMonth, byMonthDay (negative = from month end), byYearDay,
//    byWeekNo (ISO), byDay ({offset: 0} any; n / -n = n-th / n-th last in the month, or in the
//    year for Yearly rules without byMonth), byHour, byMinute, and startTime <= t < endTime
//    (HH:mm[:ss]; end <= start spans midnight) unless isAllDay. With a startDate, `interval`
//    counts periods from it and frequency implies RRULE defaults (Weekly: same weekday, Monthly:
//    same day, Yearly: same date, None: that date only). bySetPosition and count are ignored.
//  - No match: defaultState ('' when unset).
import { fieldError } from './http';
import type { Schedule, SchedulingRule } from './types';

export const HIGHER_PRIORITY_WINS = true;

export interface LocalTime {
	year: number;
	month: number; // 1-12
	day: number;
	hour: number;
	minute: number;
	second: number;
	dow: number; // 0 = Sunday
}

const DAYS = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'];
// .NET on Windows spells zones this way; accept the common ones beside IANA names.
const WINDOWS_ZONES: Record<string, string> = {
	'Eastern Standard Time': 'America/New_York', 'Central Standard Time': 'America/Chicago',
	'Mountain Standard Time': 'America/Denver', 'US Mountain Standard Time': 'America/Phoenix',
	'Pacific Standard Time': 'America/Los_Angeles', 'Alaskan Standard Time': 'America/Anchorage',
	'Hawaiian Standard Time': 'Pacific/Honolulu', 'GMT Standard Time': 'Europe/London', 'UTC': 'UTC',
};
const formatters = new Map<string, Intl.DateTimeFormat>();

function formatter(timeZoneId: string): Intl.DateTimeFormat {
	let f = formatters.get(timeZoneId);
	if (!f) {
		try {
			f = new Intl.DateTimeFormat('en-US', {
				timeZone: WINDOWS_ZONES[timeZoneId] ?? timeZoneId, hourCycle: 'h23',
				year: 'numeric', month: 'numeric', day: 'numeric', hour: 'numeric', minute: 'numeric', second: 'numeric',
			});
		} catch {
			throw fieldError('InvalidTimeZone', 'schedule.timeZoneId', `'${timeZoneId}' is not a known time zone`);
		}
		formatters.set(timeZoneId, f);
	}
	return f;
}

const utcDay = (y: number, m: number, d: number): number => Math.floor(Date.UTC(y, m - 1, d) / 86_400_000);
const daysInMonth = (y: number, m: number): number => new Date(Date.UTC(y, m, 0)).getUTCDate();

function fromWall(year: number, month: number, day: number, hour = 0, minute = 0, second = 0): LocalTime {
	return { year, month, day, hour, minute, second, dow: (utcDay(year, month, day) + 4) % 7 }; // 1970-01-01 was a Thursday
}

/**
 * The moment to test, as wall-clock time in the schedule's zone. A dateTime with Z or an offset is
 * an instant and is converted; one without is taken as wall time in that zone; none means now.
 */
export function localTime(dateTime: string | undefined, timeZoneId: string): LocalTime {
	const f = formatter(timeZoneId);
	let instant = Date.now();
	if (dateTime) {
		const m = /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(?:\.\d+)?)?)?\s*(Z|[+-]\d{2}:?\d{2})?$/i.exec(dateTime.trim());
		const bad = () => fieldError('InvalidDateTime', 'dateTime', `'${dateTime}' is not an ISO 8601 date and time`);
		if (!m) throw bad();
		if (!m[7]) {
			const [y, mo, d, h, mi, s] = [1, 2, 3, 4, 5, 6].map((i) => Number(m[i] ?? 0));
			if (mo < 1 || mo > 12 || d < 1 || d > daysInMonth(y, mo) || h > 23 || mi > 59 || s > 59) throw bad();
			return fromWall(y, mo, d, h, mi, s);
		}
		instant = Date.parse(dateTime.trim());
		if (Number.isNaN(instant)) throw bad();
	}
	const p: Record<string, number> = {};
	for (const part of f.formatToParts(new Date(instant))) if (part.type !== 'literal') p[part.type] = Number(part.value);
	return fromWall(p.year, p.month, p.day, p.hour, p.minute, p.second);
}

function seconds(time: string | undefined): number | undefined {
	const m = time ? /^(\d{1,2}):(\d{2})(?::(\d{2}))?/.exec(time) : null;
	return m ? Number(m[1]) * 3600 + Number(m[2]) * 60 + Number(m[3] ?? 0) : undefined;
}

function dateOnly(s: string | undefined): LocalTime | undefined {
	const m = s ? /^(\d{4})-(\d{2})-(\d{2})/.exec(s) : null;
	return m ? fromWall(Number(m[1]), Number(m[2]), Number(m[3])) : undefined;
}

function isoWeek(t: LocalTime): number {
	const day = utcDay(t.year, t.month, t.day);
	const thursday = day + 3 - ((t.dow + 6) % 7);
	const yearOfThursday = new Date(thursday * 86_400_000).getUTCFullYear();
	return Math.floor((thursday - utcDay(yearOfThursday, 1, 1)) / 7) + 1;
}

const has = (list: number[] | undefined): list is number[] => Array.isArray(list) && list.length > 0;

function matchesTime(rule: SchedulingRule, t: LocalTime): boolean {
	const today = utcDay(t.year, t.month, t.day);
	const yearDay = today - utcDay(t.year, 1, 1) + 1;
	const yearLength = utcDay(t.year + 1, 1, 1) - utcDay(t.year, 1, 1);
	const dim = daysInMonth(t.year, t.month);
	const start = dateOnly(rule.startDate);
	const until = dateOnly(rule.untilDate);
	const startDay = start && utcDay(start.year, start.month, start.day);
	if (startDay !== undefined && today < startDay) return false;
	if (until && today > utcDay(until.year, until.month, until.day)) return false;
	if (has(rule.byMonth) && !rule.byMonth.includes(t.month)) return false;
	if (has(rule.byMonthDay) && !rule.byMonthDay.some((d) => (d > 0 ? d : dim + d + 1) === t.day)) return false;
	if (has(rule.byYearDay) && !rule.byYearDay.some((d) => (d > 0 ? d : yearLength + d + 1) === yearDay)) return false;
	if (has(rule.byWeekNo) && !rule.byWeekNo.includes(isoWeek(t))) return false;
	if (has(rule.byHour) && !rule.byHour.includes(t.hour)) return false;
	if (has(rule.byMinute) && !rule.byMinute.includes(t.minute)) return false;
	if (rule.byDay?.length) {
		const inYear = rule.frequency === 'Yearly' && !has(rule.byMonth);
		const [pos, len] = inYear ? [yearDay, yearLength] : [t.day, dim];
		const ok = rule.byDay.some(({ dayOfWeek, offset }) => {
			if (dayOfWeek !== DAYS[t.dow]) return false;
			if (!offset) return true;
			return offset > 0 ? Math.ceil(pos / 7) === offset : Math.ceil((len - pos + 1) / 7) === -offset;
		});
		if (!ok) return false;
	}
	if (start && startDay !== undefined && !matchesRecurrence(rule, t, start, today - startDay)) return false;
	if (rule.isAllDay) return true;
	const from = seconds(rule.startTime);
	const to = seconds(rule.endTime);
	if ((rule.startTime && from === undefined) || (rule.endTime && to === undefined)) return false;
	const now = t.hour * 3600 + t.minute * 60 + t.second;
	if (from !== undefined && to !== undefined) return to > from ? now >= from && now < to : now >= from || now < to;
	if (from !== undefined) return now >= from;
	return to === undefined || now < to;
}

/** Interval counting and the RRULE defaults a startDate implies. */
function matchesRecurrence(rule: SchedulingRule, t: LocalTime, start: LocalTime, daysSince: number): boolean {
	const interval = rule.interval && rule.interval > 1 ? rule.interval : 1;
	switch (rule.frequency) {
		case 'None':
			return daysSince === 0;
		case 'Daily':
			return daysSince % interval === 0;
		case 'Weekly': {
			const weeks = Math.floor((daysSince + start.dow) / 7);
			return weeks % interval === 0 && (rule.byDay?.length ? true : t.dow === start.dow);
		}
		case 'Monthly': {
			const months = (t.year - start.year) * 12 + t.month - start.month;
			return months % interval === 0 && (has(rule.byMonthDay) || rule.byDay?.length ? true : t.day === start.day);
		}
		case 'Yearly': {
			const implied = has(rule.byMonth) || has(rule.byMonthDay) || has(rule.byYearDay) || !!rule.byDay?.length;
			return (t.year - start.year) % interval === 0 && (implied || (t.month === start.month && t.day === start.day));
		}
		default:
			return true;
	}
}

function matches(rule: SchedulingRule, t: LocalTime): boolean {
	switch (rule.simpleRuleType) {
		case 'Always':
			return true;
		case 'CustomerState':
			return false;
		default:
			return matchesTime(rule, t);
	}
}

/** The state name the schedule is in at local time `t`. */
export function evaluate(schedule: Schedule, t: LocalTime): string {
	if (schedule.forceClosed) return 'Closed';
	let winner: SchedulingRule | undefined;
	for (const rule of schedule.rules ?? []) {
		if (!matches(rule, t)) continue;
		const p = rule.priority ?? 0;
		const best = winner?.priority ?? 0;
		if (!winner || (HIGHER_PRIORITY_WINS ? p > best : p < best)) winner = rule;
	}
	return winner?.state ?? schedule.defaultState ?? '';
}
