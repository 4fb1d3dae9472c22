/**
 * The API's dates as milliseconds. Evo Voice's entity dates are strings whose form is not documented:
 * ISO 8601 with a zone, ISO without one (read as UTC, as .NET writes UTC DateTimes), or
 * ServiceStack's WCF form `/Date(1700000000000-0000)/`. Anything else is undefined: callers that
 * order by date must say what they do without one.
 */
export function parseApiDate(value: unknown): number | undefined {
	if (typeof value !== 'string' || value.trim() === '') return undefined;
	const text = value.trim();
	const wcf = /^\/Date\((-?\d+)([+-]\d{4})?\)\/$/.exec(text);
	if (wcf) return Number(wcf[1]);
	const iso = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?$/.test(text) ? `${text}Z` : text;
	const ms = Date.parse(iso);
	return Number.isNaN(ms) ? undefined : ms;
}
