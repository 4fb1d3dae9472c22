/**
 * The Evo Voice Trigger's cost per poll: requests, CPU and wall time of one poll at 0, 10 and 1,000
 * new events, the catch-up of 1,000 at the default cap, the quiet poll right after a busy minute, a
 * host that ignores the sort, and the bytes of the static data at its bound.
 *
 * Each poll is one tick of n8n-core's PollTriggerExecutor with the emitted items run through
 * WorkflowExecute (test/harness/trigger.ts), in this process; the sandbox runs in a child process
 * (driven through its control endpoints) so that this process's CPU is the poll's alone.
 */
import { spawn, type ChildProcess } from 'child_process';
import type { INodeParameters } from 'n8n-workflow';
import * as path from 'path';

import { SANDBOX_CREDENTIALS } from '../../sandbox';
import { ActiveTrigger } from '../../test/harness/trigger';
import { MAX_SEEN, STATE_KEY } from '../../nodes/EvoVoice/trigger/state';
import { median } from '../stats';

const ROOT = path.resolve(__dirname, '..', '..');
const T0 = Date.parse('2025-06-02T10:00:00.000Z');

export interface PollRow {
	case: string;
	newEvents: number;
	polls: number;
	items: number;
	/** GET requests of the measured poll(s). */
	requests: number;
	cpuMs: number;
	wallMs: number;
}

export interface TriggerBench {
	rows: PollRow[];
	staticData: { entries: number; bytesSandboxIds: number; bytes24CharIds: number };
	repeats: number;
}

class SandboxProcess {
	private constructor(
		readonly url: string,
		private readonly child: ChildProcess,
	) {}

	static async start(): Promise<SandboxProcess> {
		const child = spawn(process.execPath, [require.resolve('tsx/cli'), path.join(ROOT, 'sandbox', 'cli.ts'), '--port', '0'], {
			cwd: ROOT,
			stdio: ['ignore', 'pipe', 'inherit'],
			env: { ...process.env, PORT: '0' },
		});
		const url = await new Promise<string>((resolve, reject) => {
			let out = '';
			child.stdout?.on('data', (chunk: Buffer) => {
				out += chunk.toString();
				const match = /listening on (http:\/\/\S+)/.exec(out);
				if (match) resolve(match[1]);
			});
			child.once('exit', (code) => reject(new Error(`the sandbox exited (${code}) before listening: ${out}`)));
		});
		return new SandboxProcess(url, child);
	}

	async control(method: string, route: string, body?: unknown): Promise<Record<string, unknown>> {
		const answer = await fetch(`${this.url}/__sandbox/${route}`, {
			method,
			headers: { 'content-type': 'application/json' },
			body: body === undefined ? undefined : JSON.stringify(body),
		});
		if (!answer.ok) throw new Error(`${method} /__sandbox/${route}: HTTP ${answer.status} ${await answer.text()}`);
		const text = await answer.text();
		return text ? (JSON.parse(text) as Record<string, unknown>) : {};
	}

	async gets(): Promise<number> {
		const counters = (await this.control('GET', 'counters')) as { byRoute?: Record<string, number> };
		return Object.entries(counters.byRoute ?? {}).filter(([route]) => route.startsWith('GET ')).reduce((n, [, count]) => n + count, 0);
	}

	async stop(): Promise<void> {
		this.child.kill('SIGTERM');
		await new Promise((resolve) => this.child.once('exit', resolve));
	}
}

async function measure(sb: SandboxProcess, t: ActiveTrigger, polls: number): Promise<{ requests: number; cpuMs: number; wallMs: number; items: number }> {
	const gets = await sb.gets();
	const cpu = process.cpuUsage();
	const started = performance.now();
	let items = 0;
	for (let i = 0; i < polls; i++) {
		items += (await t.tick()).execution?.length ?? 0;
		if (i < polls - 1) await sb.control('PUT', 'clock', { advanceMs: 60_000 });
	}
	const wallMs = performance.now() - started;
	const used = process.cpuUsage(cpu);
	return { requests: (await sb.gets()) - gets, cpuMs: (used.user + used.system) / 1000, wallMs, items };
}

interface Case {
	name: string;
	newEvents: number;
	/** Polls measured (the catch-up needs several). */
	polls: number;
	parameters: INodeParameters;
	semantics?: Record<string, unknown>;
	/** Events delivered just before the measured poll (a busy minute). */
	before?: number;
}

const sessions = (options: INodeParameters = {}): INodeParameters => ({ event: 'sessionEnded', options: { maxEvents: 1000, ...options } });

const CASES: Case[] = [
	{ name: 'quiet poll', newEvents: 0, polls: 1, parameters: sessions() },
	{ name: '10 new events', newEvents: 10, polls: 1, parameters: sessions() },
	{ name: '1,000 new events, Max Events per Poll 1,000', newEvents: 1000, polls: 1, parameters: sessions() },
	{ name: '1,000 new events, default cap (100): every poll until caught up', newEvents: 1000, polls: 10, parameters: sessions({ maxEvents: 100 }) },
	{ name: 'quiet poll within 5 minutes of 1,000 delivered', newEvents: 0, polls: 1, parameters: sessions(), before: 1000 },
	{ name: 'quiet poll, host ignores the sort, 1,000 sessions today', newEvents: 0, polls: 1, parameters: sessions(), semantics: { sort: { sessions: 'ignored' } }, before: 1000 },
];

async function runCase(sb: SandboxProcess, c: Case): Promise<PollRow> {
	await sb.control('POST', 'reset');
	await sb.control('PUT', 'semantics', c.semantics ?? {});
	await sb.control('PUT', 'clock', { at: T0, frozen: true });
	const t = new ActiveTrigger({
		parameters: c.parameters,
		credentials: { baseUrl: sb.url, authType: 'apiToken', apiToken: SANDBOX_CREDENTIALS.adminToken },
	});
	await t.activate();
	if (c.before) {
		// Past the burst's own span (10 ms apart, the last one now), so that every one of them is new.
		await sb.control('PUT', 'clock', { advanceMs: 20_000 });
		await sb.control('POST', 'events', { sessions: c.before, spacingMs: 10 });
		await sb.control('PUT', 'clock', { advanceMs: 60_000 });
		await t.tick();
	}
	await sb.control('PUT', 'clock', { advanceMs: 30_000 });
	if (c.newEvents) await sb.control('POST', 'events', { sessions: { count: c.newEvents, customerIds: ['cus-acme', 'cus-bluebird', 'cus-acme-north'] }, spacingMs: 10 });
	await sb.control('PUT', 'clock', { advanceMs: 30_000 });
	const m = await measure(sb, t, c.polls);
	if (m.items !== c.newEvents) throw new Error(`${c.name}: delivered ${m.items} events, expected ${c.newEvents}`);
	return { case: c.name, newEvents: c.newEvents, polls: c.polls, items: m.items, requests: m.requests, cpuMs: m.cpuMs, wallMs: m.wallMs };
}

/** The saved state after a burst of MAX_SEEN + 400 events: the memory at its bound. */
async function boundBytes(sb: SandboxProcess): Promise<number> {
	await sb.control('POST', 'reset');
	await sb.control('PUT', 'semantics', {});
	await sb.control('PUT', 'clock', { at: T0, frozen: true });
	const t = new ActiveTrigger({ parameters: sessions(), credentials: { baseUrl: sb.url, authType: 'apiToken', apiToken: SANDBOX_CREDENTIALS.adminToken } });
	await t.activate();
	await sb.control('PUT', 'clock', { advanceMs: 20_000 });
	await sb.control('PUT', 'clock', { advanceMs: 20_000 });
	await sb.control('POST', 'events', { sessions: MAX_SEEN + 400, spacingMs: 2 });
	for (let i = 0; i < 7; i++) {
		await sb.control('PUT', 'clock', { advanceMs: 20_000 });
		await t.tick();
	}
	const node = t.database['node:Evo Voice Trigger'] as Record<string, { seen: Record<string, number> }>;
	if (Object.keys(node[STATE_KEY].seen).length !== MAX_SEEN) throw new Error(`the memory holds ${Object.keys(node[STATE_KEY].seen).length}, not ${MAX_SEEN}`);
	return Buffer.byteLength(JSON.stringify(t.database));
}

/** The same state with Evo Voice's 24-character IDs in place of the sandbox's (ses-000001). */
function bytesWith24CharIds(): number {
	const seen: Record<string, number> = {};
	for (let i = 0; i < MAX_SEEN; i++) seen[`5f3c9a2b7d1e${i.toString(16).padStart(12, '0')}`] = T0 + i;
	const state = { v: 1, event: 'sessionEnded', from: T0, skew: -1234567, seen };
	return Buffer.byteLength(JSON.stringify({ 'node:Evo Voice Trigger': { [STATE_KEY]: state } }));
}

export async function triggerScenario(repeats = 5, say: (message: string) => void = () => {}): Promise<TriggerBench> {
	const sb = await SandboxProcess.start();
	try {
		const rows: PollRow[] = [];
		for (const c of CASES) {
			const runs: PollRow[] = [];
			for (let r = 0; r < repeats; r++) runs.push(await runCase(sb, c));
			const row = { ...runs[0], requests: median(runs.map((x) => x.requests)), cpuMs: median(runs.map((x) => x.cpuMs)), wallMs: median(runs.map((x) => x.wallMs)) };
			say(`[bench:trigger] ${c.name}: ${row.requests} requests, ${row.cpuMs.toFixed(1)} ms CPU, ${row.wallMs.toFixed(1)} ms (median of ${repeats})`);
			rows.push(row);
		}
		const staticData = { entries: MAX_SEEN, bytesSandboxIds: await boundBytes(sb), bytes24CharIds: bytesWith24CharIds() };
		say(`[bench:trigger] static data at ${MAX_SEEN} remembered events: ${staticData.bytesSandboxIds} bytes (sandbox IDs), ${staticData.bytes24CharIds} bytes (24-character IDs)`);
		return { rows, staticData, repeats };
	} finally {
		await sb.stop();
	}
}

export function triggerTable(bench: TriggerBench): string {
	const lines = [
		'| Poll | New events | Polls | Requests | CPU (ms) | Wall (ms) |',
		'|---|---:|---:|---:|---:|---:|',
		...bench.rows.map((r) => `| ${r.case} | ${r.newEvents} | ${r.polls} | ${r.requests} | ${r.cpuMs.toFixed(1)} | ${r.wallMs.toFixed(1)} |`),
		'',
		`Static data at the memory's bound (${bench.staticData.entries} delivered events remembered): ${bench.staticData.bytesSandboxIds.toLocaleString('en-US')} bytes with the sandbox's IDs, ${bench.staticData.bytes24CharIds.toLocaleString('en-US')} bytes with 24-character IDs.`,
	];
	return lines.join('\n');
}
