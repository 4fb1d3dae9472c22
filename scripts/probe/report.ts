// The two outputs of a run: a report a person reads (guess → observed, with the requests that
// showed it) and observed.json, whose `semantics` the sandbox loads to behave as observed. Both
// are scrubbed as whole texts, and refused if any secret form is still in them.
import { EvoVoiceApi } from '../../credentials/EvoVoiceApi.credentials';
import type { Finding, ShapeDiff } from './findings';
import type { Exchange } from './http';
import type { ProbeRun } from './run';

const MARK: Record<Finding['verdict'], string> = { 'as guessed': 'as guessed', differs: '**DIFFERS**', learned: 'learned', 'not tested': 'not tested', unclear: 'unclear' };
/** The credential's Send Token As choices other than Bearer, by auth mode: the advice names them as the UI does. */
const TOKEN_OPTION: Record<string, string> = Object.fromEntries(
	((new EvoVoiceApi().properties.find((p) => p.name === 'sendAs')?.options ?? []) as { name: string; value: string }[])
		.filter((o) => o.value !== 'bearer')
		.map((o) => [o.value, o.name]),
);

const cell = (s: string) => s.replace(/\|/g, '\\|').replace(/\n/g, ' ');
const refs = (ns: number[]) => (ns.length ? ns.map((n) => `#${n}`).join(' ') : '–');

function advice(run: ProbeRun): string[] {
	const o = run.findings.observed;
	const out: string[] = [];
	if (o.auth.bearer === false) {
		const other = Object.keys(TOKEN_OPTION).find((m) => o.auth[m as keyof typeof o.auth]);
		out.push(other
			? `Bearer is refused but the token works as "${TOKEN_OPTION[other]}": choose that in the credential's **Send Token As**.`
			: `Bearer is refused and no other way of sending the token worked${o.auth.basic ? ': use **Email and Password**' : ''}.`);
	} else if (o.auth.bearer) out.push('Bearer works: the credential\'s default (API Token, sent as Bearer) is right.');
	for (const [key, mode] of Object.entries(o.nested)) {
		if (mode === 'replace') out.push(`${key} is replaced whole: keep Nested Objects on *Merge With Current Values* (the default); *Replace* loses what is not sent.`);
		else out.push(`${key} is ${mode === 'merge' ? 'merged one level deep' : 'merged at every depth'} by the server: the node's read-merge-write is not needed for it, but stays safe.`);
	}
	if (o.emptyTagIds === 'ignore') out.push('`tagIds: []` is ignored: **Remove All Tags** does not work on this server. Please report it.');
	if (o.emptyTagIds === 'reject') out.push('`tagIds: []` is refused: **Remove All Tags** fails on this server. Please report it.');
	if (typeof o.maxCountPerPage === 'number' && o.maxCountPerPage < 100) out.push(`Lists are capped at ${o.maxCountPerPage} a page, below the node's 100: Get Many would stop after the first page. Please report it.`);
	if (o.specificIds === 'ignored') out.push('Lists ignore specificIds: the node still works, reading each record of a bulk run (and each read-back) alone, one request each instead of one per hundred.');
	for (const [list, mode] of Object.entries(o.sort)) {
		if (mode === 'ignored') out.push(`GET /${list} ignores sortField/sortOrder: a trigger must read every page of its window and remember what it has seen, not stop at the first known record.`);
	}
	if (o.dateFormat && o.dateFormat !== 'iso') out.push(`Dates come ${o.dateFormat === 'wcf' ? 'as /Date(ms-0000)/' : 'without a zone (read them as UTC)'}: the trigger must parse that form.`);
	if (o.dayZone && o.dayZone !== 'UTC') out.push(`startDate/endDate are days in ${o.dayZone}, not UTC: ask for the days in that zone, or one day more on each side.`);
	if (o.endDateInclusive === false) out.push('endDate excludes its own day: ask for endDate = the day after the last one wanted.');
	if (o.sessionDayField === 'dateCompleted') out.push('The session day filter reads dateCompleted: sessions still open are not found by a day filter.');
	if (run.write?.leftBehind.length) out.push(`The test customer(s) ${run.write.leftBehind.join(', ')} could not be deleted: delete them in Evo Voice.`);
	return out;
}

function shapeLines(d: ShapeDiff): string[] {
	const list = (label: string, items: string[]) => (items.length ? [`- ${label}: ${items.map((i) => `\`${i}\``).join(', ')}`] : []);
	return [
		`### ${d.what}: ${d.source}, ${d.samples} sample${d.samples === 1 ? '' : 's'}`,
		...list('Sent by the server, not in the seeds', d.extra),
		...list('In the seeds, absent from every sample (ServiceStack leaves nulls out)', d.absent),
		...list('Type differs from the seeds', d.typeMismatches),
		...(d.extra.length + d.absent.length + d.typeMismatches.length ? [] : ['- Same fields and types as the seeds.']),
		'',
	];
}

function exchangeLine(e: Exchange): string {
	const body = e.requestBody === undefined ? '' : ` body \`${cell(JSON.stringify(e.requestBody))}\``;
	const answer = e.status ? `${e.status}${e.error ? ` ${e.error}` : ''}` : `no answer (${e.error ?? 'interrupted'})`;
	return `${e.n}. \`${e.method} ${e.url}\` (${e.auth})${body} → ${answer}`;
}

export function renderReport(run: ProbeRun, version: string): string {
	const f = run.findings;
	const lines = [
		'# Evo Voice API probe report',
		'',
		`- Host: ${run.host}`,
		`- Run: ${run.startedAt}, ${(run.durationMs / 1000).toFixed(1)} s, ${run.exchanges.length} requests, ${run.mode}${run.interrupted ? ', **interrupted**' : ''}`,
		`- Login given: ${run.loginKinds.join(' and ')} (secrets are replaced by [redacted] everywhere below)`,
		`- Probe: n8n-nodes-evovoice ${version}`,
		...(run.error ? ['', `**Stopped early:** ${run.error}`] : []),
		'',
		'## Guess → observed',
		'',
		'| Topic | Guess | Observed | Verdict | Requests |',
		'|---|---|---|---|---|',
		...f.list.map((x) => `| ${cell(x.title)} | ${cell(x.guess)} | ${cell(x.observed)} | ${MARK[x.verdict]} | ${refs(x.evidence)} |`),
		'',
		'## What this means for the node',
		'',
		...(advice(run).map((a) => `- ${a}`).join('\n') || '- Nothing to change.').split('\n'),
		'',
		'## Shapes against the seeds',
		'',
		...(f.shapes.length ? f.shapes.flatMap(shapeLines) : ['Nothing could be read to compare.', '']),
		...(f.notes.length ? ['## Notes', '', ...f.notes.map((n) => `- ${n}`), ''] : []),
		'## Requests',
		'',
		...run.exchanges.map(exchangeLine),
		'',
		'## Sending this report',
		'',
		'Read it through first: it holds account and customer IDs, field names and the answers quoted above, but no token, password or session.',
		'Attach this file and observed.json to an issue at https://github.com/evovoice/n8n-nodes-evovoice/issues titled "Probe report: <host>".',
		'',
	];
	return lines.join('\n');
}

export function renderObserved(run: ProbeRun, version: string): unknown {
	return {
		about: 'What `npm run probe` observed. `npm run sandbox -- --semantics observed.json` makes the sandbox behave so; settings left out were not settled and keep the guess.',
		probe: { version, host: run.host, at: run.startedAt, mode: run.mode, interrupted: run.interrupted },
		semantics: run.findings.observed,
		findings: run.findings.list.map(({ topic, verdict, observed, evidence }) => ({ topic, verdict, observed, evidence })),
		shapes: run.findings.shapes,
	};
}

/** Both outputs as texts, scrubbed; throws if a secret survived (it must never be written). */
export function renderOutputs(run: ProbeRun, version: string): { report: string; observed: string } {
	const report = run.secrets.scrub(renderReport(run, version));
	const observed = run.secrets.scrub(`${JSON.stringify(renderObserved(run, version), null, 2)}\n`);
	if (run.secrets.leaks(report) || run.secrets.leaks(observed)) throw new Error('a secret is still in the report; nothing was written');
	return { report, observed };
}
