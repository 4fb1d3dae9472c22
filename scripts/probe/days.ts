// Read-only: what startDate/endDate (whole days, YYYY-MM-DD) mean on this server: in which zone a
// day starts, whether endDate's own day is included, and which date of a session they read. The
// probe asks for single days around the newest records, then keeps every hypothesis (zone, end,
// field) that predicts exactly what each answer held of the records it knows. Only records near a
// midnight tell zones apart: without them the zone stays "not settled".
import type { SessionDayField } from '../../sandbox/modes';
import type { Findings } from './findings';
import { ok, type Auth, type ProbeClient } from './http';
import { instant, type Item, type Read } from './order';
import { localDay, showOffset, zoneGroups, type ZoneGroup } from './zones';

const DAY = 86_400_000;
const HOUR = 3_600_000;
const MAX_PAGES = 10;
type List = 'sessions' | 'notifications';

interface Known { list: List; id: string; created?: number; completed?: number }
interface Query { list: List; start: number; end: number; returned: Set<string>; complete: boolean; evidence: number[] }
interface Hypothesis { group: ZoneGroup; inclusive: boolean; field: SessionDayField }

const dayText = (n: number) => new Date(n * DAY).toISOString().slice(0, 10);
const key = (list: List, id: string) => `${list}:${id}`;

function remember(known: Map<string, Known>, list: List, items: Item[]): void {
	for (const item of items) {
		if (typeof item.id !== 'string') continue;
		known.set(key(list, item.id), { list, id: item.id, created: instant(item.dateCreated), completed: instant(item.dateCompleted) });
	}
}

/** Every page of one day-range query (at most MAX_PAGES), adding what it returns to `known`. */
async function ask(client: ProbeClient, auth: Auth, list: List, start: number, end: number, known: Map<string, Known>): Promise<Query> {
	const q: Query = { list, start, end, returned: new Set(), complete: false, evidence: [] };
	for (let page = 0; page < MAX_PAGES; page++) {
		const res = await client.request('GET', `/${list}`, { auth, query: { startDate: dayText(start), endDate: dayText(end), countPerPage: 100, page } });
		q.evidence.push(res.exchange.n);
		const items: Item[] = ok(res) && Array.isArray(res.json?.items) ? res.json.items : [];
		if (!ok(res)) return q;
		if (!items.length) {
			q.complete = true;
			return q;
		}
		remember(known, list, items);
		for (const item of items) if (typeof item.id === 'string') q.returned.add(item.id);
	}
	return q;
}

function predicts(h: Hypothesis, q: Query, known: Known[]): boolean {
	for (const r of known) {
		if (r.list !== q.list) continue;
		const t = r.list === 'sessions' && h.field === 'dateCompleted' ? r.completed : r.created;
		const day = t === undefined ? undefined : localDay(h.group, t);
		const inside = day !== undefined && day >= q.start && (h.inclusive ? day <= q.end : day < q.end);
		if (inside !== q.returned.has(r.id) && (q.complete || q.returned.has(r.id))) return false;
	}
	return true;
}

export async function probeDays(client: ProbeClient, findings: Findings, auth: Auth, read: Read): Promise<void> {
	const known = new Map<string, Known>();
	remember(known, 'sessions', read.items.sessions);
	remember(known, 'notifications', read.items.notifications);
	const times = [...known.values()].map((r) => r.created).filter((t): t is number => t !== undefined);
	const titles = {
		zone: ['days.zone', 'Whose midnight startDate and endDate (YYYY-MM-DD) mean', 'UTC'],
		end: ['days.endDate', 'endDate includes its own day', 'yes: startDate=D&endDate=D lists day D'],
		field: ['days.sessionField', 'Which session date the day filter reads', 'dateCreated'],
	} as const;
	if (!times.length) {
		for (const [topic, title, guess] of Object.values(titles)) findings.notTested(topic, title, guess, 'no session or notification with a readable dateCreated');
		return;
	}
	const newest = Math.floor(Math.max(...times) / DAY);
	const queries: Query[] = [];
	for (const list of ['sessions', 'notifications'] as const) {
		if (![...known.values()].some((r) => r.list === list)) continue;
		for (const d of [newest - 2, newest - 1, newest]) {
			queries.push(await ask(client, auth, list, d, d, known), await ask(client, auth, list, d, d + 1, known));
		}
	}
	const records = [...known.values()];
	// The hours in which some zone's midnight starts one of the days asked: zones alike there are alike to every answer.
	const groups = zoneGroups((newest - 2) * DAY - 14 * HOUR, (newest + 2) * DAY + 12 * HOUR, read.scheduleZones);
	const fits: Hypothesis[] = [];
	for (const group of groups) {
		for (const inclusive of [true, false]) {
			for (const field of ['dateCreated', 'dateCompleted'] as const) {
				const h = { group, inclusive, field };
				if (queries.every((q) => predicts(h, q, records))) fits.push(h);
			}
		}
	}
	const evidence = queries.flatMap((q) => q.evidence);
	const sessionsAsked = queries.some((q) => q.list === 'sessions');
	settle(findings, fits, evidence, sessionsAsked, titles);
}

function settle(
	findings: Findings, fits: Hypothesis[], evidence: number[], sessionsAsked: boolean,
	titles: Record<'zone' | 'end' | 'field', readonly [string, string, string]>,
): void {
	const none = 'unclear: no zone, end and session date together explain the answers';
	const groups = [...new Set(fits.map((h) => h.group))];
	const [zTopic, zTitle, zGuess] = titles.zone;
	if (groups.length === 1) {
		const g = groups[0];
		findings.observed.dayZone = g.name;
		const offsets = [...new Set(g.offsets)].map(showOffset).join(' and ');
		const alike = g.zones.length > 1 ? ` (and ${g.zones.length - 1} other zones alike on these days)` : '';
		findings.add({ topic: zTopic, title: zTitle, guess: zGuess, observed: `${g.name}, UTC${offsets}${alike}`, verdict: g.offsets.every((o) => o === 0) ? 'as guessed' : 'differs', evidence });
	} else {
		const offsets = [...new Set(groups.flatMap((g) => g.offsets))].sort((a, b) => a - b);
		const range = offsets.length ? `UTC${showOffset(offsets[0])} to UTC${showOffset(offsets[offsets.length - 1])}` : '';
		findings.add({ topic: zTopic, title: zTitle, guess: zGuess, verdict: 'unclear', evidence,
			observed: fits.length ? `not settled: ${groups.length} zone groups fit (${range}); records nearer a midnight would tell them apart` : none });
	}
	const ends = [...new Set(fits.map((h) => h.inclusive))];
	const [eTopic, eTitle, eGuess] = titles.end;
	if (ends.length === 1) findings.observed.endDateInclusive = ends[0];
	findings.add({ topic: eTopic, title: eTitle, guess: eGuess, evidence,
		observed: ends.length === 1 ? (ends[0] ? 'inclusive' : 'exclusive: the range stops at the start of endDate') : fits.length ? 'not settled: both fit the answers' : none,
		verdict: ends.length === 1 ? (ends[0] ? 'as guessed' : 'differs') : 'unclear' });
	const fields = [...new Set(fits.map((h) => h.field))];
	const [fTopic, fTitle, fGuess] = titles.field;
	if (!sessionsAsked) return void findings.notTested(fTopic, fTitle, fGuess, 'no session was read');
	if (fields.length === 1) findings.observed.sessionDayField = fields[0];
	findings.add({ topic: fTopic, title: fTitle, guess: fGuess, evidence,
		observed: fields.length === 1 ? fields[0] : fits.length ? 'not settled: sessions created and completed on different days would tell' : none,
		verdict: fields.length === 1 ? (fields[0] === 'dateCreated' ? 'as guessed' : 'differs') : 'unclear' });
}
