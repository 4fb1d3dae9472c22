// The probe's read-only timeline steps against a sandbox set to each behaviour: it must report
// the date format, sort, day-filter zone, endDate inclusiveness and session date field the sandbox
// was set to, and say "not settled" when the records cannot tell.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { defaultSeed, loadSemanticsFile, SORTED_LISTS, startOfDay, startSandbox, type Sandbox, type SemanticsOverrides, type SessionDayField } from '../../sandbox';
import { nextDay } from '../../sandbox/dates';
import { C, expectedObserved, finding, outputs } from './helpers';
import { runProbe } from '../../scripts/probe/run';

let sb: Sandbox;
beforeAll(async () => {
	sb = await startSandbox();
});
afterAll(() => sb.close());

const MIN = 60_000;

async function probeWith(semantics: SemanticsOverrides, seed = defaultSeed(), setUp?: () => void) {
	sb.reset(seed);
	sb.setSemantics(semantics);
	setUp?.();
	const run = await runProbe({ baseUrl: sb.url, login: { token: C.adminToken } });
	expect(run.error).toBeUndefined();
	expect(sb.log.filter((e) => e.method !== 'GET')).toEqual([]); // read-only
	return run;
}

/**
 * Sessions and notifications a few minutes either side of the midnight that ends `day` in `zone`:
 * a session opened before and completed after it, one ended before it, one opened after it.
 */
function aroundMidnight(zone: string, day: string): void {
	const midnight = startOfDay(nextDay(day), zone);
	const ev = sb.events;
	const span = ev.session({ customerId: 'cus-acme', ended: false, at: midnight - 5 * MIN });
	ev.session({ customerId: 'cus-acme-north', at: midnight - 3 * MIN, durationMs: MIN });
	ev.session({ customerId: 'cus-bluebird', ended: false, at: midnight + 3 * MIN });
	ev.endSession(span.id, { at: midnight + 5 * MIN });
	ev.notification({ customerId: 'cus-acme', at: midnight - 2 * MIN });
	ev.notification({ customerId: 'cus-acme', at: midnight + 2 * MIN });
}

describe('day filter: zone, endDate and session date', () => {
	it.each([
		['UTC', true, 'dateCreated'],
		['America/New_York', false, 'dateCompleted'],
		['Asia/Kolkata', true, 'dateCompleted'],
		['Pacific/Honolulu', false, 'dateCreated'],
		['Europe/Berlin', true, 'dateCreated'],
	] as [string, boolean, SessionDayField][])('%s, endDate inclusive %s, sessions by %s', async (dayZone, endDateInclusive, sessionDayField) => {
		const run = await probeWith({ dayZone, endDateInclusive, sessionDayField }, defaultSeed(), () => aroundMidnight(dayZone, '2025-06-14'));
		expect(run.findings.observed).toMatchObject({ dayZone, endDateInclusive, sessionDayField });
		expect(finding(run, 'days.zone')).toMatchObject({ verdict: dayZone === 'UTC' ? 'as guessed' : 'differs', observed: expect.stringMatching(new RegExp(`^${dayZone}, UTC`)) });
		expect(finding(run, 'days.endDate')?.verdict).toBe(endDateInclusive ? 'as guessed' : 'differs');
		expect(finding(run, 'days.sessionField')?.verdict).toBe(sessionDayField === 'dateCreated' ? 'as guessed' : 'differs');
	});

	it('records far from any midnight: the zone and the session date are not settled, and not written', async () => {
		const seed = { ...defaultSeed(), sessions: [], notifications: [] };
		const run = await probeWith({ dayZone: 'America/Chicago' }, seed, () => {
			const noon = startOfDay('2025-06-14', 'America/Chicago') + 12 * 60 * MIN;
			for (let i = 0; i < 4; i++) sb.events.session({ customerId: 'cus-acme', at: noon + i * 10 * MIN });
			sb.events.notification({ customerId: 'cus-acme', at: noon });
		});
		expect(run.findings.observed).not.toHaveProperty('dayZone');
		expect(run.findings.observed).not.toHaveProperty('sessionDayField');
		expect(finding(run, 'days.zone')).toMatchObject({ verdict: 'unclear', observed: expect.stringMatching(/^not settled: \d+ zone groups fit/) });
		expect(finding(run, 'days.sessionField')?.observed).toBe('not settled: sessions created and completed on different days would tell');
		expect(run.findings.observed.endDateInclusive).toBe(true);
	});

	it('no session or notification at all: nothing tried, nothing claimed', async () => {
		const run = await probeWith({}, { ...defaultSeed(), sessions: [], notifications: [] });
		for (const topic of ['days.zone', 'days.endDate', 'days.sessionField']) expect(finding(run, topic)?.verdict).toBe('not tested');
		for (const key of ['dayZone', 'endDateInclusive', 'sessionDayField']) expect(run.findings.observed).not.toHaveProperty(key);
		expect(finding(run, 'sort.sessions')).toMatchObject({ verdict: 'unclear', observed: expect.stringMatching(/^not settled: dateLastModified: 0 records/) });
	});
});

describe('date format', () => {
	it.each(['iso', 'isoNoZone', 'wcf'] as const)('%s, and the day filter is still read right from it', async (dateFormat) => {
		const run = await probeWith({ dateFormat });
		expect(run.findings.observed).toMatchObject({ ...pick(expectedObserved(sb.semantics)), dateFormat });
		expect(finding(run, 'dates.format')).toMatchObject({ verdict: dateFormat === 'iso' ? 'as guessed' : 'differs', observed: expect.stringMatching(new RegExp(`^${dateFormat}: \\d+ ${dateFormat}`)) });
	});
});

describe('sort', () => {
	const cases = SORTED_LISTS.flatMap((list) => (['honoured', 'ignored'] as const).map((mode) => [list, mode] as const));
	it.each(cases)('%s %s', async (list, mode) => {
		const run = await probeWith({ sort: { [list]: mode } });
		expect(run.findings.observed.sort).toEqual({ customers: 'honoured', sessions: 'honoured', notifications: 'honoured', [list]: mode });
		expect(finding(run, `sort.${list}`)?.verdict).toBe(mode === 'honoured' ? 'as guessed' : 'differs');
		expect(run.findings.observed).toMatchObject(pick(expectedObserved(sb.semantics)));
		if (mode === 'ignored') expect(outputs(run).report).toContain(`GET /${list} ignores sortField/sortOrder`);
	});

	it('too few records to tell: not settled, and not written', async () => {
		const seed = { ...defaultSeed(), notifications: defaultSeed().notifications!.slice(0, 1) };
		const run = await probeWith({ sort: { notifications: 'ignored' } }, seed);
		expect(run.findings.observed.sort).not.toHaveProperty('notifications');
		expect(finding(run, 'sort.notifications')?.observed).toMatch(/^not settled: dateLastModified: 1 records, 1 distinct dates \(too few to tell\)/);
	});
});

test('observed.json carries every timeline setting into a sandbox that loads it', async () => {
	const set = { dateFormat: 'wcf', sort: { sessions: 'ignored' }, dayZone: 'Asia/Kolkata', endDateInclusive: false, sessionDayField: 'dateCompleted' } as const;
	const run = await probeWith(set, defaultSeed(), () => aroundMidnight('Asia/Kolkata', '2025-06-14'));
	const dir = mkdtempSync(path.join(os.tmpdir(), 'probe-timeline-'));
	try {
		writeFileSync(path.join(dir, 'observed.json'), outputs(run).observed);
		expect(loadSemanticsFile(path.join(dir, 'observed.json'))).toEqual(sb.semantics);
	} finally {
		rmSync(dir, { recursive: true, force: true });
	}
});

/** The timeline parts of an Observed. */
function pick(o: ReturnType<typeof expectedObserved>) {
	const { dateFormat, dayZone, endDateInclusive, sessionDayField, sort } = o;
	return { dateFormat, dayZone, endDateInclusive, sessionDayField, sort };
}
