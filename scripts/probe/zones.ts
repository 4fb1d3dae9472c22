// Time zones as hypotheses for the day filter: every zone Intl knows, grouped by the UTC offsets
// it has hour by hour over the days the probe looked at. Zones of one group cut those days at the
// same instants, so no answer can tell them apart; a group is named by its most familiar member.

const HOUR = 3_600_000;
const DAY = 86_400_000;

/** Named first when a group holds them (after UTC and the zones the account's own schedules use). */
const FAMILIAR = [
	'America/New_York', 'America/Chicago', 'America/Denver', 'America/Phoenix', 'America/Los_Angeles', 'America/Anchorage',
	'Pacific/Honolulu', 'America/Halifax', 'America/St_Johns', 'America/Sao_Paulo', 'Europe/London', 'Europe/Berlin', 'Europe/Athens',
	'Europe/Moscow', 'Asia/Dubai', 'Asia/Kolkata', 'Asia/Kathmandu', 'Asia/Shanghai', 'Asia/Tokyo', 'Australia/Adelaide',
	'Australia/Brisbane', 'Australia/Sydney', 'Pacific/Auckland',
];

export interface ZoneGroup {
	/** The name the sandbox is given: UTC, a zone of the account's schedules, a familiar zone, else the first. */
	name: string;
	zones: string[];
	/** Offset in ms for each hour from `from`. */
	offsets: number[];
	from: number;
}

function offsetAt(format: Intl.DateTimeFormat, t: number): number {
	const p: Record<string, number> = {};
	for (const part of format.formatToParts(t)) if (part.type !== 'literal') p[part.type] = Number(part.value);
	return Date.UTC(p.year, p.month - 1, p.day, p.hour % 24, p.minute, p.second) - Math.floor(t / 1000) * 1000;
}

/** Groups of zones alike hour by hour over [from, until). `preferred` names go first (e.g. schedule zones). */
export function zoneGroups(from: number, until: number, preferred: string[] = []): ZoneGroup[] {
	const start = Math.floor(from / HOUR) * HOUR;
	const hours = Math.ceil((until - start) / HOUR);
	const names = [...new Set(['UTC', ...preferred, ...FAMILIAR, ...Intl.supportedValuesOf('timeZone')])];
	const groups = new Map<string, ZoneGroup>();
	for (const zone of names) {
		let format: Intl.DateTimeFormat;
		try {
			format = new Intl.DateTimeFormat('en-US', { timeZone: zone, hourCycle: 'h23', year: 'numeric', month: 'numeric', day: 'numeric', hour: 'numeric', minute: 'numeric', second: 'numeric' });
		} catch {
			continue; // a schedule's zone this runtime does not know
		}
		const offsets = Array.from({ length: hours }, (_, i) => offsetAt(format, start + i * HOUR));
		const key = offsets.join(',');
		const group = groups.get(key);
		if (group) group.zones.push(zone);
		else groups.set(key, { name: zone, zones: [zone], offsets, from: start });
	}
	return [...groups.values()];
}

/** The local day number (days since 1970-01-01 in that zone) of an instant inside the group's window. */
export function localDay(group: ZoneGroup, t: number): number {
	const i = Math.min(Math.max(Math.floor((t - group.from) / HOUR), 0), group.offsets.length - 1);
	return Math.floor((t + group.offsets[i]) / DAY);
}

/** '+05:30', '-04:00'. */
export function showOffset(ms: number): string {
	const m = Math.round(Math.abs(ms) / 60_000);
	return `${ms < 0 ? '-' : '+'}${String(Math.floor(m / 60)).padStart(2, '0')}:${String(m % 60).padStart(2, '0')}`;
}
