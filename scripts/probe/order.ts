// Read-only: how the server writes entity dates, and whether it honours sortField/sortOrder on
// customers, sessions and notifications. A trigger that asks for newest first and stops at the
// first record it has seen relies on the sort; one that reads dates relies on their format.
import type { DateFormat, SortedList } from '../../sandbox/modes';
import type { Findings } from './findings';
import { ok, type Auth, type ProbeClient } from './http';

export type Item = Record<string, unknown> & { id?: string };

const ISO_Z = /^\d{4}-\d\d-\d\dT\d\d:\d\d(:\d\d(\.(\d+))?)?(Z|[+-]\d\d:?\d\d)$/i;
const ISO_LOCAL = /^\d{4}-\d\d-\d\dT\d\d:\d\d(:\d\d(\.(\d+))?)?$/;
const WCF = /^\/Date\((-?\d+)([+-]\d{4})?\)\/$/;

/** How one date is written: the format, and for ISO its fractional digits. */
export function writtenAs(v: string): { format: DateFormat | 'other'; digits: number } {
	let m = ISO_Z.exec(v);
	if (m) return { format: 'iso', digits: m[3]?.length ?? 0 };
	m = ISO_LOCAL.exec(v);
	if (m) return { format: 'isoNoZone', digits: m[3]?.length ?? 0 };
	return { format: WCF.test(v) ? 'wcf' : 'other', digits: 3 };
}

/** Epoch ms of a date in any of the formats (a zoneless one read as UTC); undefined if unreadable. */
export function instant(v: unknown): number | undefined {
	if (typeof v !== 'string') return undefined;
	const wcf = WCF.exec(v);
	if (wcf) return Number(wcf[1]);
	const ms = ISO_LOCAL.test(v) ? Date.parse(`${v}Z`) : ISO_Z.test(v) ? Date.parse(v) : NaN;
	return Number.isFinite(ms) ? ms : undefined;
}

const DATE_FIELDS = ['dateCreated', 'dateLastModified', 'dateCompleted'];
const FIELDS = ['dateLastModified', 'dateCreated'] as const;
const PATHS: Record<SortedList, string> = { customers: '/customers', sessions: '/sessions', notifications: '/notifications' };

/** What the probe read here, for the day-filter step: items by list, and the zones of the account's schedules. */
export interface Read {
	items: Record<SortedList, Item[]>;
	scheduleZones: string[];
}

type Check = { verdict: 'honoured' | 'ignored' | 'not settled'; detail: string; evidence: number[] };

function sortedBy(items: Item[], field: string, descending: boolean): { distinct: number; outOfOrder?: number } {
	const times = items.map((i) => instant(i[field])).filter((t): t is number => t !== undefined);
	const at = times.findIndex((t, i) => i > 0 && (descending ? t > times[i - 1] : t < times[i - 1]));
	return { distinct: new Set(times).size, outOfOrder: at < 0 ? undefined : at };
}

async function checkField(client: ProbeClient, auth: Auth, list: SortedList, field: string, read: Read): Promise<Check> {
	const ask = (sortOrder: string) => client.request('GET', PATHS[list], { auth, query: { countPerPage: 100, page: 0, sortField: field, sortOrder } });
	const desc = await ask('Descend');
	const asc = await ask('Ascend');
	const evidence = [desc.exchange.n, asc.exchange.n];
	if (!ok(desc) || !ok(asc)) return { verdict: 'not settled', detail: `answered ${desc.status} and ${asc.status}`, evidence };
	const d: Item[] = Array.isArray(desc.json?.items) ? desc.json.items : [];
	const a: Item[] = Array.isArray(asc.json?.items) ? asc.json.items : [];
	for (const item of [...d, ...a]) if (item.id && !read.items[list].some((x) => x.id === item.id)) read.items[list].push(item);
	const down = sortedBy(d, field, true);
	const up = sortedBy(a, field, false);
	if (down.distinct < 2) return { verdict: 'not settled', detail: `${field}: ${d.length} records, ${down.distinct} distinct dates (too few to tell)`, evidence };
	if (down.outOfOrder !== undefined) return { verdict: 'ignored', detail: `${field} Descend: item ${down.outOfOrder + 1} of ${d.length} is newer than the one before it`, evidence };
	if (up.outOfOrder !== undefined) return { verdict: 'ignored', detail: `${field} Ascend: item ${up.outOfOrder + 1} of ${a.length} is older than the one before it (Descend looked right by chance)`, evidence };
	return { verdict: 'honoured', detail: `${field}: Descend and Ascend both in order over ${d.length} records (${down.distinct} distinct dates)`, evidence };
}

/** Both sort steps and the date format; returns what was read for the day-filter step. */
export async function probeOrder(client: ProbeClient, findings: Findings, auth: Auth): Promise<Read> {
	const read: Read = { items: { customers: [], sessions: [], notifications: [] }, scheduleZones: [] };
	for (const list of Object.keys(PATHS) as SortedList[]) {
		const checks: Check[] = [];
		for (const field of FIELDS) checks.push(await checkField(client, auth, list, field, read));
		const verdict = checks.some((c) => c.verdict === 'ignored') ? 'ignored' : checks.some((c) => c.verdict === 'honoured') ? 'honoured' : undefined;
		if (verdict) findings.observed.sort[list] = verdict;
		findings.add({
			topic: `sort.${list}`, title: `sortField=dateLastModified / dateCreated with sortOrder=Descend (GET ${PATHS[list]})`,
			guess: 'honoured: newest first, so a trigger can stop at the first record it has already seen',
			observed: `${verdict ?? 'not settled'}: ${checks.map((c) => c.detail).join('; ')}`,
			verdict: verdict === 'honoured' ? 'as guessed' : verdict ? 'differs' : 'unclear', evidence: checks.flatMap((c) => c.evidence),
		});
	}
	for (const c of read.items.customers) {
		const zone = (c.schedule as { timeZoneId?: unknown } | undefined)?.timeZoneId;
		if (typeof zone === 'string' && zone && !read.scheduleZones.includes(zone)) read.scheduleZones.push(zone);
	}
	dateFormat(findings, read);
	return read;
}

function dateFormat(findings: Findings, read: Read): void {
	const seen = new Map<string, number>();
	let total = 0;
	for (const list of Object.keys(read.items) as SortedList[]) {
		for (const item of read.items[list]) {
			for (const field of DATE_FIELDS) {
				if (typeof item[field] !== 'string') continue;
				const w = writtenAs(item[field] as string);
				const key = w.format === 'iso' || w.format === 'isoNoZone' ? `${w.format}/${w.digits}` : w.format;
				seen.set(key, (seen.get(key) ?? 0) + 1);
				total++;
			}
		}
	}
	const title = 'How entity dates are written (dateCreated, dateLastModified, dateCompleted)';
	const guess = 'ISO 8601 with Z and milliseconds, e.g. 2024-05-20T09:30:00.000Z';
	if (!total) return void findings.notTested('dates.format', title, guess, 'no record with a date was read');
	const kinds = [...seen.keys()];
	const formats = new Set(kinds.map((k) => k.split('/')[0]));
	const words = kinds.map((k) => `${seen.get(k)} ${k.replace(/\/(\d+)$/, ' with $1 fractional digits')}`).join(', ');
	const only = formats.size === 1 ? ([...formats][0] as DateFormat | 'other') : undefined;
	if (only && only !== 'other') findings.observed.dateFormat = only;
	findings.add({
		topic: 'dates.format', title, guess, evidence: [],
		observed: `${only && only !== 'other' ? only : 'mixed or unknown'}: ${words} (of ${total} dates read)`,
		verdict: kinds.length === 1 && kinds[0] === 'iso/3' ? 'as guessed' : only && only !== 'other' ? 'differs' : 'unclear',
	});
}
