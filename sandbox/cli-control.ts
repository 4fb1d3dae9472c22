// `npm run sandbox -- events|clock|semantics ...`: drive a sandbox that is already running (e.g.
// the one `npm start` runs) through its /__sandbox control endpoints, so a person can make events
// appear in n8n, move the sandbox's clock or switch its semantics without restarting anything.
import { readFileSync } from 'node:fs';
import type { BurstResult, BurstSpec } from './burst';
import type { ClockSpec } from './clock';
import type { FlowChannel, NotificationType } from './types';

export const CONTROL_HELP = `Drive a running sandbox (default http://127.0.0.1:$PORT, PORT 4080; or --url):

  npm run sandbox -- events [--url U] [--sessions N] [--notifications N] [--customers-created N]
                            [--customers-updated N] [--customer ID]... [--channel Voice|Chat|Fax]...
                            [--type Email|Sms|Push|IncomingCall|OutgoingCall]... [--open N]
                            [--spacing MS] [--every DURATION --times N] [--end-after DURATION] [--end-open N]
      --open N          of the sessions, N stay open (ended false)
      --end-after D     sessions are opened now and ended D later (e.g. 10s); the command waits
      --every D --times N   repeat the burst N times, D apart (real time), e.g. --every 2s --times 10
      --end-open N      end the N sessions opened longest ago
  npm run sandbox -- clock [--url U] [--at ISO-WITH-ZONE [--frozen] | --offset D | --advance D | --real]
      e.g. --at 2025-03-09T23:59:59.900-05:00 --frozen, --offset -2h, --advance 200ms; nothing: print the clock
  npm run sandbox -- semantics [--url U] [--file observed.json]   (no --file: print the settings in force)`;

const REPEATED = new Set(['customer', 'channel', 'type']);
const FLAGS = new Set(['frozen', 'real', 'help']);

function parse(argv: string[]): Record<string, string | string[] | true> {
	const out: Record<string, string | string[] | true> = {};
	for (let i = 0; i < argv.length; i++) {
		const m = /^--([a-z-]+)(?:=(.*))?$/.exec(argv[i]);
		if (!m) throw new Error(`Unexpected argument '${argv[i]}' (see --help)`);
		if (FLAGS.has(m[1])) {
			out[m[1]] = true;
			continue;
		}
		const value = m[2] ?? argv[++i];
		if (value === undefined) throw new Error(`--${m[1]} needs a value`);
		if (REPEATED.has(m[1])) out[m[1]] = [...((out[m[1]] as string[] | undefined) ?? []), value];
		else out[m[1]] = value;
	}
	return out;
}

/** '500ms', '2s', '1m', '-1h' or plain milliseconds. */
export function duration(text: string, flag: string): number {
	const m = /^(-?)(\d+(?:\.\d+)?)(ms|s|m|h)?$/.exec(text.trim());
	if (!m) throw new Error(`--${flag} '${text}' is not a duration (e.g. 500ms, 2s, 1m, -1h)`);
	const unit = { ms: 1, s: 1000, m: 60_000, h: 3_600_000 }[(m[3] ?? 'ms') as 'ms'];
	return (m[1] ? -1 : 1) * Number(m[2]) * unit;
}

function int(opts: Record<string, unknown>, flag: string): number | undefined {
	const v = opts[flag];
	if (v === undefined) return undefined;
	const n = Number(v);
	if (!Number.isInteger(n) || n < 0) throw new Error(`--${flag} '${String(v)}' is not a whole number`);
	return n;
}

async function send(url: string, method: string, path: string, body?: unknown): Promise<any> {
	let res: Response;
	try {
		res = await fetch(`${url}${path}`, { method, headers: body === undefined ? {} : { 'Content-Type': 'application/json' }, body: body === undefined ? undefined : JSON.stringify(body) });
	} catch (err) {
		throw new Error(`no sandbox answers at ${url} (${(err as Error & { cause?: Error }).cause?.message ?? (err as Error).message}); start one with npm run sandbox or npm start, or pass --url`);
	}
	const json: any = await res.json().catch(() => undefined);
	if (!res.ok) throw new Error(`${method} ${path} answered ${res.status}: ${json?.responseStatus?.message ?? 'no message'}`);
	return json;
}

function burstOf(o: Record<string, string | string[] | true>, openAll: boolean): BurstSpec {
	const customerIds = o.customer as string[] | undefined;
	const sessions = int(o, 'sessions');
	const notifications = int(o, 'notifications');
	const spacing = o.spacing === undefined ? undefined : duration(String(o.spacing), 'spacing');
	return {
		...(sessions ? { sessions: { count: sessions, customerIds, channels: o.channel as FlowChannel[] | undefined, open: openAll ? sessions : int(o, 'open') } } : {}),
		...(notifications ? { notifications: { count: notifications, customerIds, types: o.type as NotificationType[] | undefined } } : {}),
		...(int(o, 'customers-created') ? { customersCreated: int(o, 'customers-created') } : {}),
		...(int(o, 'customers-updated') ? { customersUpdated: { count: int(o, 'customers-updated')!, customerIds } } : {}),
		...(int(o, 'end-open') ? { endSessions: { oldestOpen: int(o, 'end-open') } } : {}),
		...(spacing !== undefined ? { spacingMs: spacing } : {}),
	};
}

function describe(r: BurstResult): string {
	const part = (label: string, ids: string[]) => (ids.length ? [`${label} ${ids.length > 3 ? `${ids[0]}…${ids[ids.length - 1]} (${ids.length})` : ids.join(', ')}`] : []);
	const parts = [
		...part('sessions', r.sessions), ...part('notifications', r.notifications), ...part('customers created', r.customersCreated),
		...part('customers updated', r.customersUpdated), ...part('sessions ended', r.sessionsEnded),
	];
	return parts.length ? `${parts.join('; ')} (stamped ${r.first}${r.last !== r.first ? ` … ${r.last}` : ''})` : 'nothing to do: give --sessions, --notifications, --customers-created, --customers-updated or --end-open';
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

async function events(url: string, o: Record<string, string | string[] | true>): Promise<void> {
	const endAfter = o['end-after'] === undefined ? undefined : duration(String(o['end-after']), 'end-after');
	const every = o.every === undefined ? 0 : duration(String(o.every), 'every');
	const times = int(o, 'times') ?? 1;
	const ending: Promise<void>[] = [];
	for (let i = 0; i < times; i++) {
		if (i) await sleep(every);
		const result = (await send(url, 'POST', '/__sandbox/events', burstOf(o, endAfter !== undefined))) as BurstResult;
		console.log(describe(result));
		if (endAfter !== undefined && result.sessions.length) {
			ending.push(sleep(endAfter).then(async () => console.log(describe(await send(url, 'POST', '/__sandbox/events', { endSessions: { ids: result.sessions } })))));
		}
	}
	await Promise.all(ending);
}

async function clock(url: string, o: Record<string, string | string[] | true>): Promise<void> {
	let spec: ClockSpec | undefined;
	if (o.real) spec = { real: true };
	else if (o.at !== undefined) spec = { at: String(o.at), ...(o.frozen ? { frozen: true } : {}) };
	else if (o.offset !== undefined) spec = { offsetMs: duration(String(o.offset), 'offset') };
	else if (o.advance !== undefined) spec = { advanceMs: duration(String(o.advance), 'advance') };
	const state = await send(url, spec ? 'PUT' : 'GET', '/__sandbox/clock', spec);
	console.log(`sandbox time ${state.now}${state.frozen ? ' (frozen)' : ''}, ${state.offsetMs} ms from real time`);
}

/** Runs one control command; `argv` starts with its name. */
export async function controlMain(argv: string[]): Promise<void> {
	const [command, ...rest] = argv;
	const o = parse(rest);
	if (o.help) return void console.log(CONTROL_HELP);
	const url = String(o.url ?? process.env.SANDBOX_URL ?? `http://127.0.0.1:${process.env.PORT ?? 4080}`).replace(/\/+$/, '');
	if (command === 'events') return events(url, o);
	if (command === 'clock') return clock(url, o);
	const file = o.file === undefined ? undefined : JSON.parse(readFileSync(String(o.file), 'utf8'));
	const overrides = file && typeof file === 'object' && 'semantics' in file ? file.semantics : file;
	console.log(JSON.stringify(await send(url, file ? 'PUT' : 'GET', '/__sandbox/semantics', overrides), null, 2));
}
