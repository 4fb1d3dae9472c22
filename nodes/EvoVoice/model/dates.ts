/**
 * Dates as Evo Voice may write them, and the whole days its list filters take. The documentation
 * states neither the format nor the zone, so every form a .NET service writes is read (the probe
 * reports which one a host uses), and day filters are asked with a margin wide enough for any zone.
 */

export const DAY_MS = 86_400_000;
export const HOUR_MS = 3_600_000;
export const MINUTE_MS = 60_000;
const ISO_ZONED = /^\d{4}-\d\d-\d\dT\d\d:\d\d(:\d\d(\.\d+)?)?(Z|[+-]\d\d:?\d\d)$/i;
const ISO_LOCAL = /^\d{4}-\d\d-\d\dT\d\d:\d\d(:\d\d(\.\d+)?)?$/;
const WCF = /^\/Date\((-?\d+)([+-]\d{4})?\)\/$/;

/**
 * Epoch ms of an entity date: ISO 8601 with a zone; ISO without one (a .NET DateTime of kind
 * Unspecified, read as UTC, which is how Evo Voice stores dates); or WCF's /Date(ms±hhmm)/, whose
 * milliseconds are UTC whatever the offset says. Undefined for anything else.
 */
export function instant(value: unknown): number | undefined {
	if (typeof value !== 'string') return undefined;
	const text = value.trim();
	const wcf = WCF.exec(text);
	if (wcf) return Number(wcf[1]);
	const ms = ISO_ZONED.test(text) ? Date.parse(text) : ISO_LOCAL.test(text) ? Date.parse(`${text}Z`) : NaN;
	return Number.isFinite(ms) ? ms : undefined;
}

/** The UTC day (YYYY-MM-DD) of an instant, moved by `days`. */
export function utcDay(ms: number, days = 0): string {
	return new Date(Math.floor(ms / DAY_MS) * DAY_MS + days * DAY_MS).toISOString().slice(0, 10);
}

/**
 * The startDate/endDate that surely hold every record dated from `from` to `to`, whatever the
 * server's day zone (UTC-12 to UTC+14) and whether endDate counts its own day: a day before the
 * first UTC day (a zone behind UTC starts its day up to 12 h later), and two after the last (one for
 * a zone ahead of UTC, one for an endDate that excludes its day).
 */
export function dayWindow(from: number, to: number): { startDate: string; endDate: string } {
	return { startDate: utcDay(from, -1), endDate: utcDay(Math.max(from, to), 2) };
}
