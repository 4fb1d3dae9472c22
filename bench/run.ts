/**
 * `npm run bench`: the Evo Voice node's cost inside REAL n8n (the end-to-end set-up of
 * scripts/e2e), against the sandbox, side by side with n8n's HTTP Request node and a plain Node.js
 * HTTP client sending the same requests. See BENCHMARKS.md for the method and the results.
 *
 * Environment:
 *   BENCH_QUICK=1               small N (smoke run, ~2 min once n8n is installed)
 *   BENCH_REPEATS=3             runs of each per-item measurement with N ≤ 2,000 (median reported)
 *   BENCH_REPEATS_LARGE=1       runs of each per-item measurement with N > 2,000
 *   BENCH_SIZES=1000,10000      N for the per-item runs
 *   BENCH_CONCURRENCY=50        requests in flight for (a), (b) and (c) at zero latency
 *   BENCH_LATENCY_N=1000        N for the latency-bound run
 *   BENCH_TARBALLS=label=a.tgz,label2=b.tgz
 *                               benchmark these packed tarballs of the package side by side instead of
 *                               packing the working tree (e.g. before=/tmp/old.tgz,after=/tmp/new.tgz;
 *                               `current` packs the working tree; `label=git:<rev>` builds and packs a
 *                               commit: BENCH_TARBALLS=before=git:HEAD~1,current)
 *   BENCH_NO_BUILD=1            pack the dist/ that is there instead of running `npm run build` first
 *   BENCH_SKIP=perItem,probe,count,latency,merge,webhook,package,http,raw   leave sections out
 *   BENCH_CPU_PROF=1            also run the smallest-N workflows once more with node --cpu-prof: the Evo Voice
 *                               node (per variant), the HTTP Request node and the baseline; profiles kept in
 *                               bench/results/cpuprof/<run>/, summarised by bench/profile-summary.ts
 *   BENCH_KEEP=1                keep the n8n user folders (logs, outputs)
 *   EVOVOICE_E2E_CACHE          where scripts/e2e/hosts.ts keeps the n8n install
 *
 * Writes bench/results/latest.json and bench/results/latest.md; prints the table.
 */
import { spawn, spawnSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';

import { defaultSeed, makeCustomers, SANDBOX_CREDENTIALS, startSandbox, type Sandbox } from '../sandbox';
import { ensureHosts, type N8nHost } from '../scripts/e2e/hosts';
import {
	addCleanup,
	createInstance,
	extractJsonObjects,
	importCredentials,
	importWorkflows,
	installPackage,
	killAll,
	sleep,
	type IRunLike,
	type N8nInstance,
} from '../scripts/e2e/n8n';
import { packPackage } from '../scripts/e2e/run';
import { measure, type Measurement } from './measure';
import { benchReferenceWebhook, webhookTable, type WebhookBenchRow } from './referenceWebhook';
import { benchCredentials, buildWorkflow, NODE, workflowId, type WorkflowSpec } from './workflows';

const ROOT = path.resolve(__dirname, '..');
const RESULTS_DIR = path.join(ROOT, 'bench', 'results');
const N8N_VERSION = '2.40.7';

// ---------------------------------------------------------------------------------------------
// Settings

function numberList(value: string | undefined, fallback: number[]): number[] {
	if (!value) return fallback;
	return value
		.split(',')
		.map((v) => Number(v.trim()))
		.filter((v) => Number.isFinite(v) && v > 0);
}

const QUICK = process.env.BENCH_QUICK === '1';
const SETTINGS = {
	quick: QUICK,
	sizes: numberList(process.env.BENCH_SIZES, QUICK ? [200, 1000] : [1000, 10000]),
	repeats: Number(process.env.BENCH_REPEATS ?? (QUICK ? 1 : 3)),
	/** Runs of sizes above 2,000 items (each takes minutes; the baseline's noise is small per item there). */
	repeatsLarge: Number(process.env.BENCH_REPEATS_LARGE ?? 1),
	concurrency: Number(process.env.BENCH_CONCURRENCY ?? 50),
	latencyN: Number(process.env.BENCH_LATENCY_N ?? (QUICK ? 200 : 1000)),
	latencyMs: 50,
	/** maxConcurrency values of the latency-bound run; the first is the recommended bulk setting. */
	latencyConcurrency: QUICK ? [5] : [5, 20],
	mergeN: QUICK ? 200 : 1000,
	/** In-flight check: PATCH answered after probeLatencyMs, so that concurrency shows at the sandbox. */
	probeN: QUICK ? 100 : 500,
	probeLatencyMs: 20,
	startRepeats: QUICK ? 1 : 3,
	loadRepeats: QUICK ? 3 : 7,
	skip: new Set((process.env.BENCH_SKIP ?? '').split(',').map((s) => s.trim()).filter(Boolean)),
	keep: process.env.BENCH_KEEP === '1',
	cpuProf: process.env.BENCH_CPU_PROF === '1',
};

function say(message: string): void {
	process.stdout.write(`${message}\n`);
}

// ---------------------------------------------------------------------------------------------
// Variants of the package

interface Variant {
	label: string;
	tarball: string;
	instance?: N8nInstance;
	packageDir?: string;
}

/**
 * Builds and packs the package as it was at a git revision (read with `git archive`, which writes
 * nothing to the repository), in a temporary folder that borrows this clone's node_modules.
 */
function packRevision(rev: string): string {
	const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'evovoice-rev-'));
	const env = { ...process.env };
	for (const key of Object.keys(env)) if (/^npm_(config|package|lifecycle)_/i.test(key)) delete env[key];
	const sh = (command: string, cwd: string) => {
		const result = spawnSync('bash', ['-c', command], { cwd, env, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
		if (result.status !== 0) throw new Error(`${command} failed in ${cwd}:\n${result.stdout}\n${result.stderr}`);
		return result.stdout;
	};
	say(`[bench] building ${rev} (git archive → ${dir})`);
	sh(`git -C ${JSON.stringify(ROOT)} archive --format=tar ${JSON.stringify(rev)} | tar -x -C ${JSON.stringify(dir)}`, ROOT);
	fs.symlinkSync(path.join(ROOT, 'node_modules'), path.join(dir, 'node_modules'), 'dir');
	sh('npm run build', dir);
	const [info] = JSON.parse(sh(`npm pack --json --pack-destination ${JSON.stringify(dir)}`, dir)) as Array<{ filename: string }>;
	return path.join(dir, info.filename);
}

function variantsFromEnv(): Variant[] {
	const spec = process.env.BENCH_TARBALLS?.trim();
	const entries = spec ? spec.split(',').map((s) => s.trim()).filter(Boolean) : ['current'];
	const variants: Variant[] = [];
	for (const entry of entries) {
		if (entry === 'current') {
			variants.push({ label: 'current', tarball: packPackage({ build: process.env.BENCH_NO_BUILD !== '1' }) });
			continue;
		}
		const eq = entry.indexOf('=');
		const label = eq > 0 ? entry.slice(0, eq) : path.basename(entry, '.tgz');
		const source = eq > 0 ? entry.slice(eq + 1) : entry;
		const tarball = source.startsWith('git:') ? packRevision(source.slice(4)) : path.resolve(source);
		if (!fs.existsSync(tarball)) throw new Error(`BENCH_TARBALLS: ${tarball} does not exist`);
		variants.push({ label, tarball });
	}
	return variants;
}

// ---------------------------------------------------------------------------------------------
// Running a workflow under measurement

interface NodeRun {
	/** n8n's own wall time for the node (runData executionTime), ms. */
	ms: number;
	items: number;
	error?: string;
}

interface ExecRun {
	m: Measurement;
	nodes: Record<string, NodeRun>;
	ok: boolean;
	error?: string;
	/** Sandbox: requests by route and the most in flight at once during the run. */
	requests: Record<string, number>;
	maxInFlight: number;
}

const activePids = new Set<number>();
addCleanup(async () => {
	for (const pid of activePids) {
		try {
			process.kill(-pid, 'SIGKILL');
		} catch {
			// gone
		}
	}
});

function isRun(value: unknown): value is IRunLike {
	const data = (value as IRunLike | undefined)?.data;
	return typeof data === 'object' && data !== null && typeof data.resultData === 'object';
}

let runCounter = 0;

async function executeMeasured(
	instance: N8nInstance,
	id: string,
	sandbox: Sandbox,
	extraArgs: string[] = [],
	nodeOptions: string[] = [],
	extraEnv: NodeJS.ProcessEnv = {},
): Promise<ExecRun> {
	const stem = path.join(instance.logDir, `bench-${String(++runCounter).padStart(3, '0')}-${id}`);
	const stdoutFile = `${stem}.out`;
	const stderrFile = `${stem}.err`;
	sandbox.reset(); // fresh counters (and maxInFlight) for this run; keeps the faults set after it
	const faults = currentFaults;
	if (faults.length) sandbox.setFaults(faults);
	const m = await measure(
		instance.host.nodeBin,
		[...nodeOptions, instance.host.n8nBin, 'execute', `--id=${id}`, '--rawOutput', ...extraArgs],
		{ cwd: instance.userFolder, env: { ...instance.env, ...extraEnv }, stdoutFile, stderrFile, timeoutMs: 20 * 60_000 },
	);
	const counters = sandbox.counters();
	const text = fs.readFileSync(stdoutFile, 'utf8');
	const run = extractJsonObjects(text).filter(isRun).pop();
	const nodes: Record<string, NodeRun> = {};
	let error: string | undefined;
	if (!run) {
		const err = fs.readFileSync(stderrFile, 'utf8');
		error = `no run data (exit ${m.code ?? m.signal}${m.timedOut ? ', timed out' : ''}): ${`${text}\n${err}`.slice(-1500)}`;
	} else {
		for (const [name, tasks] of Object.entries(run.data.resultData.runData)) {
			const task = tasks[0] as (typeof tasks)[number] & { executionTime?: number };
			nodes[name] = {
				ms: tasks.reduce((sum, t) => sum + Number((t as { executionTime?: number }).executionTime ?? 0), 0),
				items: tasks.reduce((sum, t) => sum + (t.data?.main?.[0]?.length ?? 0), 0),
				error: task?.error?.message,
			};
		}
		const nodeErrors = Object.entries(nodes).filter(([, n]) => n.error);
		if (run.data.resultData.error || nodeErrors.length) {
			error = [run.data.resultData.error?.message, ...nodeErrors.map(([name, n]) => `${name}: ${n.error}`)]
				.filter(Boolean)
				.join('; ');
		}
	}
	if (!SETTINGS.keep) {
		fs.rmSync(stdoutFile, { force: true });
	}
	// n8n 2.40.7 now and then dies of SIGSEGV while exiting, after it printed the whole, successful
	// run (stderr empty): such a run counts, and is noted.
	const crashedAfterSuccess = !!run && !error && m.signal === 'signal 11';
	if (crashedAfterSuccess) exitNotes.push(`${id}: exited with SIGSEGV after printing a successful run`);
	return {
		m,
		nodes,
		ok: !error && (m.code === 0 || crashedAfterSuccess),
		error: error ?? (m.code !== 0 && !crashedAfterSuccess ? `n8n execute exited ${m.code ?? m.signal}; see ${stderrFile}` : undefined),
		requests: counters.byRoute,
		maxInFlight: counters.maxInFlight,
	};
}

let currentFaults: Parameters<Sandbox['setFaults']>[0] = [];
const exitNotes: string[] = [];

// ---------------------------------------------------------------------------------------------
// Statistics

function median(values: number[]): number {
	if (values.length === 0) return NaN;
	const sorted = [...values].sort((a, b) => a - b);
	const mid = Math.floor(sorted.length / 2);
	return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

interface Summary {
	runs: number;
	wallMs: number;
	cpuMs: number;
	userMs: number;
	sysMs: number;
	maxRssMiB: number;
	peakTreeRssMiB: number;
	/** n8n's own time for the node under test (runData executionTime), ms. */
	nodeMs: number;
	maxInFlight: number;
	requests: Record<string, number>;
	processes: string[];
	all: Array<{ wallMs: number; cpuMs: number; maxRssMiB: number; nodeMs: number }>;
}

function summarize(runs: ExecRun[], nodeName?: string): Summary {
	const mib = (kib: number) => kib / 1024;
	return {
		runs: runs.length,
		wallMs: median(runs.map((r) => r.m.wallMs)),
		cpuMs: median(runs.map((r) => r.m.cpuMs)),
		userMs: median(runs.map((r) => r.m.userMs)),
		sysMs: median(runs.map((r) => r.m.sysMs)),
		maxRssMiB: median(runs.map((r) => mib(r.m.maxRssKiB))),
		peakTreeRssMiB: median(runs.map((r) => mib(r.m.peakTreeRssKiB))),
		nodeMs: nodeName ? median(runs.map((r) => r.nodes[nodeName]?.ms ?? NaN)) : NaN,
		maxInFlight: Math.max(...runs.map((r) => r.maxInFlight)),
		requests: runs[runs.length - 1]?.requests ?? {},
		processes: [...new Set(runs.flatMap((r) => r.m.processes.map((p) => p.replace(/^\d+ /, ''))))],
		all: runs.map((r) => ({
			wallMs: r.m.wallMs,
			cpuMs: r.m.cpuMs,
			maxRssMiB: mib(r.m.maxRssKiB),
			nodeMs: nodeName ? (r.nodes[nodeName]?.ms ?? NaN) : NaN,
		})),
	};
}

// ---------------------------------------------------------------------------------------------
// (c) the raw floor

interface RawRun {
	wallMs: number;
	cpuMs: number;
	ok: number;
	failed: number;
	maxInFlight: number;
	processCpuMs: number;
	maxRssMiB: number;
}

async function runRaw(
	host: N8nHost,
	sandbox: Sandbox,
	n: number,
	concurrency: number,
	logDir: string,
	faults: Parameters<Sandbox['setFaults']>[0] = [],
): Promise<RawRun> {
	sandbox.reset();
	if (faults.length) sandbox.setFaults(faults);
	const stem = path.join(logDir, `raw-${n}-${++runCounter}`);
	const m = await measure(
		host.nodeBin,
		['--no-warnings', path.join(__dirname, 'raw-client.ts'), sandbox.url, SANDBOX_CREDENTIALS.adminToken, String(n), String(concurrency)],
		{ stdoutFile: `${stem}.out`, stderrFile: `${stem}.err`, timeoutMs: 10 * 60_000 },
	);
	const out = fs.readFileSync(`${stem}.out`, 'utf8');
	const line = /^RESULT (.*)$/m.exec(out)?.[1];
	if (!line) throw new Error(`raw client failed: ${out}\n${fs.readFileSync(`${stem}.err`, 'utf8')}`);
	const result = JSON.parse(line) as { wallMs: number; cpuMs: number; ok: number; failed: number };
	return {
		...result,
		maxInFlight: sandbox.counters().maxInFlight,
		processCpuMs: m.cpuMs,
		maxRssMiB: m.maxRssKiB / 1024,
	};
}

// ---------------------------------------------------------------------------------------------
// Package: size, files, load time

interface TarballInfo {
	packedBytes: number;
	unpackedBytes: number;
	files: number;
}

function tarballInfo(tarball: string): TarballInfo {
	const listing = spawnSync('tar', ['-tvzf', tarball], { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
	if (listing.status !== 0) throw new Error(`tar -tvzf ${tarball} failed: ${listing.stderr}`);
	let unpackedBytes = 0;
	let files = 0;
	for (const line of listing.stdout.split('\n')) {
		if (!line.startsWith('-')) continue; // regular files only
		const size = Number(line.trim().split(/\s+/)[2]);
		if (Number.isFinite(size)) unpackedBytes += size;
		files++;
	}
	return { packedBytes: fs.statSync(tarball).size, unpackedBytes, files };
}

interface LoadResult {
	loadMs: number;
	cpuMs: number;
	nodes: number;
	credentials: number;
}

function packageLoad(host: N8nHost, packageDir: string): LoadResult {
	const result = spawnSync(host.nodeBin, ['--no-warnings', path.join(__dirname, 'package-load.ts'), host.dir, packageDir], {
		encoding: 'utf8',
		env: { ...process.env, NODE_PATH: path.join(host.dir, 'node_modules'), NODE_OPTIONS: '' },
	});
	const line = /^RESULT (.*)$/m.exec(result.stdout ?? '')?.[1];
	if (!line) throw new Error(`package load failed (exit ${result.status}): ${result.stdout}\n${result.stderr}`);
	return JSON.parse(line) as LoadResult;
}

interface StartResult {
	readyMs: number;
	/** CPU of n8n's process tree until it answered ready (clock ticks of /proc/<pid>/stat). */
	cpuMs: number;
}

function treeCpuMs(root: number): number {
	const ticks = 100; // USER_HZ on Linux
	let total = 0;
	const todo = [root];
	while (todo.length) {
		const pid = todo.pop()!;
		try {
			const stat = fs.readFileSync(`/proc/${pid}/stat`, 'utf8');
			const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
			total += (Number(fields[11]) + Number(fields[12])) * (1000 / ticks);
		} catch {
			continue;
		}
		for (const task of fs.readdirSync(`/proc/${pid}/task`)) {
			try {
				const text = fs.readFileSync(`/proc/${pid}/task/${task}/children`, 'utf8').trim();
				if (text) todo.push(...text.split(/\s+/).map(Number));
			} catch {
				// gone
			}
		}
	}
	return total;
}

/** `n8n start` until /healthz/readiness answers 200, polled every 25 ms. */
async function startToReady(instance: N8nInstance): Promise<StartResult> {
	const started = process.hrtime.bigint();
	const child = spawn(instance.host.nodeBin, [instance.host.n8nBin, 'start'], {
		cwd: instance.userFolder,
		env: instance.env,
		detached: true,
		stdio: ['ignore', fs.openSync(path.join(instance.logDir, `bench-start-${++runCounter}.log`), 'w'), 'ignore'],
	});
	const pid = child.pid!;
	activePids.add(pid);
	let exited = false;
	child.once('exit', () => (exited = true));
	try {
		const deadline = Date.now() + 180_000;
		for (;;) {
			if (exited) throw new Error('n8n start exited before it was ready');
			if (Date.now() > deadline) throw new Error('n8n start not ready after 180 s');
			try {
				const response = await fetch(`${instance.baseUrl}/healthz/readiness`, { signal: AbortSignal.timeout(1000) });
				if (response.ok) break;
			} catch {
				// not listening yet
			}
			await sleep(25);
		}
		const readyMs = Number(process.hrtime.bigint() - started) / 1e6;
		return { readyMs, cpuMs: treeCpuMs(pid) };
	} finally {
		try {
			process.kill(-pid, 'SIGTERM');
		} catch {
			// gone
		}
		const deadline = Date.now() + 20_000;
		while (!exited && Date.now() < deadline) await sleep(100);
		try {
			process.kill(-pid, 'SIGKILL');
		} catch {
			// gone
		}
		activePids.delete(pid);
	}
}

// ---------------------------------------------------------------------------------------------
// Set-up

async function prepareInstance(host: N8nHost, sandbox: Sandbox, tarball: string | undefined, workflows: object[]) {
	const instance = await createInstance(host);
	let packageDir: string | undefined;
	if (tarball) {
		const pkg = installPackage(instance, tarball);
		packageDir = path.join(instance.userFolder, '.n8n', 'nodes', 'node_modules', pkg.name);
	}
	await importCredentials(instance, benchCredentials(sandbox.url));
	if (workflows.length) await importWorkflows(instance, workflows);
	return { instance, packageDir };
}

function machineInfo() {
	const cpuModel = os.cpus()[0]?.model ?? 'unknown';
	return {
		nproc: os.cpus().length,
		cpuModel,
		memoryGiB: Math.round((os.totalmem() / 2 ** 30) * 10) / 10,
		kernel: os.release(),
		loadavgAtStart: os.loadavg().map((v) => Math.round(v * 100) / 100),
	};
}

// ---------------------------------------------------------------------------------------------
// Formatting

const f0 = (v: number) => (Number.isFinite(v) ? v.toFixed(0) : '–');
const f1 = (v: number) => (Number.isFinite(v) ? v.toFixed(1) : '–');
const f2 = (v: number) => (Number.isFinite(v) ? v.toFixed(2) : '–');
const s2 = (ms: number) => (Number.isFinite(ms) ? (ms / 1000).toFixed(2) : '–');

function table(header: string[], rows: string[][]): string {
	const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? '').length)));
	const line = (cells: string[]) => `| ${cells.map((c, i) => c.padEnd(widths[i])).join(' | ')} |`;
	return [line(header), `| ${widths.map((w) => '-'.repeat(w)).join(' | ')} |`, ...rows.map(line)].join('\n');
}

// ---------------------------------------------------------------------------------------------
// Main

async function main(): Promise<void> {
	const started = Date.now();
	const machine = machineInfo();
	say(`[bench] ${QUICK ? 'QUICK ' : ''}run: sizes ${SETTINGS.sizes.join(', ')}, ${SETTINGS.repeats} repeat(s), concurrency ${SETTINGS.concurrency}`);
	say(`[bench] machine: ${machine.nproc} cores, ${machine.cpuModel}, ${machine.memoryGiB} GiB, load ${machine.loadavgAtStart.join(' ')}`);
	const [host] = await ensureHosts([N8N_VERSION]);
	const variants = variantsFromEnv();
	say(`[bench] variants: ${variants.map((v) => `${v.label} (${v.tarball})`).join(', ')}`);

	const maxN = Math.max(...SETTINGS.sizes, SETTINGS.latencyN, SETTINGS.mergeN);
	const seed = defaultSeed();
	seed.customers.push(...makeCustomers(maxN, 'acc-reseller'));
	const sandbox = await startSandbox({ host: '127.0.0.1', port: 0, seed, logLimit: 50 });
	say(`[bench] sandbox ${sandbox.url} with ${maxN} bulk customers`);

	// Workflows: per N the baseline, the node, the HTTP Request node; the latency and merge runs.
	const c = SETTINGS.concurrency;
	const specs: WorkflowSpec[] = [];
	for (const n of SETTINGS.sizes) {
		specs.push({ kind: 'baseline', n, concurrency: c });
		specs.push({ kind: 'evo', n, concurrency: c });
		specs.push({ kind: 'http', n, concurrency: c, sandboxUrl: sandbox.url });
	}
	for (const lc of SETTINGS.latencyConcurrency) {
		specs.push({ kind: 'baseline', n: SETTINGS.latencyN, concurrency: lc, tag: 'lat' });
		specs.push({ kind: 'evo', n: SETTINGS.latencyN, concurrency: lc, tag: 'lat' });
	}
	specs.push({ kind: 'evo', n: SETTINGS.probeN, concurrency: c, tag: 'probe' });
	specs.push({ kind: 'http', n: SETTINGS.probeN, concurrency: c, sandboxUrl: sandbox.url, tag: 'probe' });
	specs.push({ kind: 'evoMerge', n: SETTINGS.mergeN, concurrency: c });
	specs.push({ kind: 'baseline', n: SETTINGS.mergeN, concurrency: c });
	const unique = new Map(specs.map((s) => [workflowId(s), s]));
	const workflows = [...unique.values()].map(buildWorkflow);

	for (const variant of variants) {
		say(`[bench] preparing n8n ${host.version} with ${variant.label}`);
		const prepared = await prepareInstance(host, sandbox, variant.tarball, workflows);
		variant.instance = prepared.instance;
		variant.packageDir = prepared.packageDir;
		say(`[bench]   user folder ${prepared.instance.userFolder}`);
	}
	const first = variants[0].instance!;

	const results: Record<string, unknown> = {
		date: new Date().toISOString(),
		n8n: host.version,
		n8nNode: host.nodeBin.match(/node-(\d+\.\d+\.\d+)/)?.[1],
		runnerNode: process.version,
		machine,
		settings: { ...SETTINGS, skip: [...SETTINGS.skip] },
		variants: variants.map((v) => ({ label: v.label, tarball: v.tarball })),
	};
	const failures: string[] = [];
	const check = (what: string, run: ExecRun, nodeName: string | undefined, n: number, route?: string, perItem = 1) => {
		const before = failures.length;
		if (!run.ok) failures.push(`${what}: ${run.error}`);
		else if (nodeName && run.nodes[nodeName]?.items !== n) failures.push(`${what}: ${run.nodes[nodeName]?.items} items out, expected ${n}`);
		else if (route && (run.requests[route] ?? 0) !== n * perItem) {
			failures.push(`${what}: sandbox saw ${run.requests[route] ?? 0} ${route}, expected ${n * perItem}`);
		}
		if (failures.length > before) say(`[bench]   ✗ ${failures[failures.length - 1]}`);
	};
	const PATCH = 'PATCH /customers/:id';

	// Warm-up: the first `n8n execute` of an instance is slower (caches, SQLite pages).
	for (const variant of variants) {
		await executeMeasured(variant.instance!, workflowId({ kind: 'baseline', n: SETTINGS.sizes[0], concurrency: c }), sandbox);
	}

	// ---- 1. per-item cost at zero latency
	type Key = string;
	const runs = new Map<Key, ExecRun[]>();
	const raws = new Map<number, RawRun[]>();
	const push = (key: Key, run: ExecRun) => runs.set(key, [...(runs.get(key) ?? []), run]);
	for (let rep = 0; rep < (SETTINGS.skip.has('perItem') ? 0 : SETTINGS.repeats); rep++) {
		for (const n of SETTINGS.sizes) {
			if (n > 2000 && rep >= SETTINGS.repeatsLarge) continue;
			for (const variant of variants) {
				const inst = variant.instance!;
				say(`[bench] rep ${rep + 1}/${SETTINGS.repeats} N=${n} [${variant.label}] baseline`);
				const base = await executeMeasured(inst, workflowId({ kind: 'baseline', n, concurrency: c }), sandbox);
				check(`baseline N=${n} [${variant.label}]`, base, NODE.split, n);
				push(`baseline|${variant.label}|${n}`, base);
				say(`[bench]   wall ${s2(base.m.wallMs)} s, cpu ${s2(base.m.cpuMs)} s`);

				say(`[bench] rep ${rep + 1}/${SETTINGS.repeats} N=${n} [${variant.label}] (a) Evo Voice node`);
				const evo = await executeMeasured(inst, workflowId({ kind: 'evo', n, concurrency: c }), sandbox);
				check(`Evo Voice N=${n} [${variant.label}]`, evo, NODE.evo, n, PATCH);
				push(`evo|${variant.label}|${n}`, evo);
				say(`[bench]   wall ${s2(evo.m.wallMs)} s, cpu ${s2(evo.m.cpuMs)} s, node ${s2(evo.nodes[NODE.evo]?.ms ?? NaN)} s, in flight ≤ ${evo.maxInFlight}`);
			}
			if (!SETTINGS.skip.has('http')) {
				say(`[bench] rep ${rep + 1}/${SETTINGS.repeats} N=${n} (b) HTTP Request node`);
				const http = await executeMeasured(first, workflowId({ kind: 'http', n, concurrency: c }), sandbox);
				check(`HTTP Request N=${n}`, http, NODE.http, n, PATCH);
				push(`http|${n}`, http);
				say(`[bench]   wall ${s2(http.m.wallMs)} s, cpu ${s2(http.m.cpuMs)} s, node ${s2(http.nodes[NODE.http]?.ms ?? NaN)} s, in flight ≤ ${http.maxInFlight}`);
			}
			if (!SETTINGS.skip.has('raw')) {
				say(`[bench] rep ${rep + 1}/${SETTINGS.repeats} N=${n} (c) raw Node.js client`);
				const raw = await runRaw(host, sandbox, n, c, first.logDir);
				if (raw.ok !== n) failures.push(`raw N=${n}: ${raw.ok} ok, ${raw.failed} failed`);
				raws.set(n, [...(raws.get(n) ?? []), raw]);
				say(`[bench]   wall ${s2(raw.wallMs)} s, cpu ${s2(raw.cpuMs)} s, in flight ≤ ${raw.maxInFlight}`);
			}
		}
	}

	if (SETTINGS.cpuProf) {
		const n = Math.min(...SETTINGS.sizes);
		const profRoot = path.join(RESULTS_DIR, 'cpuprof');
		fs.rmSync(profRoot, { recursive: true, force: true });
		const profile = async (instance: N8nInstance, name: string, spec: WorkflowSpec) => {
			const dir = path.join(profRoot, name);
			fs.mkdirSync(dir, { recursive: true });
			say(`[bench] --cpu-prof ${spec.kind} N=${n} → ${path.relative(ROOT, dir)}`);
			await executeMeasured(instance, workflowId(spec), sandbox, [], ['--cpu-prof', `--cpu-prof-dir=${dir}`]);
		};
		for (const variant of variants) {
			await profile(variant.instance!, `baseline-${variant.label}`, { kind: 'baseline', n, concurrency: c });
			await profile(variant.instance!, `evo-${variant.label}`, { kind: 'evo', n, concurrency: c });
		}
		if (!SETTINGS.skip.has('http')) await profile(first, 'http', { kind: 'http', n, concurrency: c, sandboxUrl: sandbox.url });
		results.cpuProfiles = { dir: path.relative(ROOT, profRoot), n };
	}

	// ---- expression evaluations per item (a separate run: the counting hook costs time itself)
	const countRows: string[][] = [];
	if (!SETTINGS.skip.has('count')) {
		const n = Math.min(...SETTINGS.sizes);
		const counted: Array<Record<string, unknown>> = [];
		const count = async (instance: N8nInstance, label: string, spec: WorkflowSpec) => {
			const file = path.join(instance.logDir, `expressions-${label}.json`);
			say(`[bench] counting expression evaluations: ${label}, N=${n}`);
			const run = await executeMeasured(
				instance,
				workflowId(spec),
				sandbox,
				[],
				['--no-warnings', '--require', path.join(__dirname, 'count-expressions.ts')],
				{ BENCH_N8N_MODULES: path.join(host.dir, 'node_modules'), BENCH_EXPR_COUNT_FILE: file },
			);
			if (!run.ok) failures.push(`expression count ${label}: ${run.error}`);
			const rows = fs.existsSync(file)
				? (JSON.parse(fs.readFileSync(file, 'utf8')) as Array<{ node: string; expression: string; count: number }>)
				: [];
			for (const row of rows.filter((r) => r.node !== NODE.make)) {
				countRows.push([label, row.node, `\`${row.expression.replace(/\|/g, '\\|')}\``, String(row.count), f2(row.count / n)]);
			}
			counted.push({ label, n, rows });
		};
		for (const variant of variants) await count(variant.instance!, `(a) Evo Voice [${variant.label}]`, { kind: 'evo', n, concurrency: c });
		if (!SETTINGS.skip.has('http')) {
			await count(first, '(b) HTTP Request', { kind: 'http', n, concurrency: c, sandboxUrl: sandbox.url });
		}
		results.expressionCounts = counted;
	}

	const perItem: Array<Record<string, unknown>> = [];
	const perItemRows: string[][] = [];
	for (const n of SETTINGS.skip.has('perItem') ? [] : SETTINGS.sizes) {
		const baseOf = (label: string) => summarize(runs.get(`baseline|${label}|${n}`) ?? []);
		const row = (
			name: string,
			s: Summary,
			base: Summary | undefined,
			nodeName: string | undefined,
		): { cpuUs: number; wallUs: number } => {
			const cpuUs = base ? ((s.cpuMs - base.cpuMs) * 1000) / n : NaN;
			const wallUs = base ? ((s.wallMs - base.wallMs) * 1000) / n : NaN;
			const nodeUs = nodeName ? (s.nodeMs * 1000) / n : NaN;
			perItemRows.push([
				String(n),
				name,
				s2(s.wallMs),
				s2(s.cpuMs),
				base ? s2(s.cpuMs - base.cpuMs) : '',
				base ? f0(cpuUs) : '',
				base ? f0(wallUs) : '',
				nodeName ? s2(s.nodeMs) : '',
				nodeName ? f0(nodeUs) : '',
				f0(s.maxRssMiB),
				base ? f0(s.maxRssMiB - base.maxRssMiB) : '',
				nodeName ? String(s.maxInFlight) : '',
			]);
			perItem.push({ n, name, ...s, cpuUsPerItem: cpuUs, wallUsPerItem: wallUs, nodeUsPerItem: nodeUs });
			return { cpuUs, wallUs };
		};
		const evoFigures: Record<string, { cpuUs: number; wallUs: number; nodeMs: number }> = {};
		for (const variant of variants) {
			const base = baseOf(variant.label);
			row(`baseline [${variant.label}]`, base, undefined, undefined);
			const evo = summarize(runs.get(`evo|${variant.label}|${n}`) ?? [], NODE.evo);
			evoFigures[variant.label] = { ...row(`(a) Evo Voice [${variant.label}]`, evo, base, NODE.evo), nodeMs: evo.nodeMs };
		}
		let httpFig: { cpuUs: number; wallUs: number; nodeMs: number } | undefined;
		if (runs.has(`http|${n}`)) {
			const http = summarize(runs.get(`http|${n}`)!, NODE.http);
			httpFig = { ...row('(b) HTTP Request node', http, baseOf(variants[0].label), NODE.http), nodeMs: http.nodeMs };
		}
		let rawFig: { cpuUs: number; wallUs: number } | undefined;
		const rawRuns = raws.get(n);
		if (rawRuns?.length) {
			const cpuMs = median(rawRuns.map((r) => r.cpuMs));
			const wallMs = median(rawRuns.map((r) => r.wallMs));
			rawFig = { cpuUs: (cpuMs * 1000) / n, wallUs: (wallMs * 1000) / n };
			perItemRows.push([
				String(n),
				'(c) raw Node.js http client',
				s2(wallMs),
				s2(cpuMs),
				s2(cpuMs),
				f0(rawFig.cpuUs),
				f0(rawFig.wallUs),
				'',
				'',
				f0(median(rawRuns.map((r) => r.maxRssMiB))),
				'',
				String(Math.max(...rawRuns.map((r) => r.maxInFlight))),
			]);
			perItem.push({ n, name: 'raw', runs: rawRuns, cpuUsPerItem: rawFig.cpuUs, wallUsPerItem: rawFig.wallUs });
		}
		for (const variant of variants) {
			const a = evoFigures[variant.label];
			const ratios: Record<string, number> = {};
			if (httpFig) {
				ratios.cpuVsHttp = a.cpuUs / httpFig.cpuUs;
				ratios.nodeTimeVsHttp = a.nodeMs / httpFig.nodeMs;
			}
			if (rawFig) {
				ratios.cpuVsRaw = a.cpuUs / rawFig.cpuUs;
				ratios.wallVsRaw = a.wallUs / rawFig.wallUs;
			}
			perItem.push({ n, name: `ratios [${variant.label}]`, ...ratios });
			perItemRows.push([
				String(n),
				`ratios [${variant.label}]`,
				'',
				'',
				'',
				[
					httpFig ? `(a)/(b) ${f2(ratios.cpuVsHttp)}×` : '',
					rawFig ? `(a)/(c) ${f2(ratios.cpuVsRaw)}×` : '',
				]
					.filter(Boolean)
					.join(', '),
				rawFig ? `(a)/(c) ${f2(ratios.wallVsRaw)}×` : '',
				httpFig ? `(a)/(b) ${f2(ratios.nodeTimeVsHttp)}×` : '',
				'',
				'',
				'',
				'',
			]);
		}
	}
	results.perItem = perItem;

	// ---- in-flight check: at zero latency the sandbox answers each request before it reads the next,
	// so its maxInFlight says nothing; with a small delay it shows what each client keeps in flight.
	const probeRows: string[][] = [];
	if (!SETTINGS.skip.has('probe')) {
		const n = SETTINGS.probeN;
		const ideal = (n * SETTINGS.probeLatencyMs) / c;
		currentFaults = [{ route: PATCH, latencyMs: SETTINGS.probeLatencyMs }];
		const probe: Array<Record<string, unknown>> = [];
		for (const variant of variants) {
			const run = await executeMeasured(variant.instance!, workflowId({ kind: 'evo', n, concurrency: c, tag: 'probe' }), sandbox);
			check(`in-flight check Evo Voice [${variant.label}]`, run, NODE.evo, n, PATCH);
			probeRows.push([`(a) Evo Voice [${variant.label}], maxConcurrency ${c}`, String(run.maxInFlight), s2(run.nodes[NODE.evo]?.ms ?? NaN), s2(ideal)]);
			probe.push({ run: `evo [${variant.label}]`, maxInFlight: run.maxInFlight, nodeMs: run.nodes[NODE.evo]?.ms });
		}
		if (!SETTINGS.skip.has('http')) {
			const run = await executeMeasured(first, workflowId({ kind: 'http', n, concurrency: c, sandboxUrl: sandbox.url, tag: 'probe' }), sandbox);
			check('in-flight check HTTP Request', run, NODE.http, n, PATCH);
			probeRows.push([`(b) HTTP Request, batch size ${c}, interval 1 ms`, String(run.maxInFlight), s2(run.nodes[NODE.http]?.ms ?? NaN), s2(ideal)]);
			probe.push({ run: 'http', maxInFlight: run.maxInFlight, nodeMs: run.nodes[NODE.http]?.ms });
		}
		if (!SETTINGS.skip.has('raw')) {
			const raw = await runRaw(host, sandbox, n, c, first.logDir, currentFaults);
			probeRows.push([`(c) raw client, ${c} workers`, String(raw.maxInFlight), s2(raw.wallMs), s2(ideal)]);
			probe.push({ run: 'raw', maxInFlight: raw.maxInFlight, wallMs: raw.wallMs });
		}
		currentFaults = [];
		results.inFlightCheck = { n, latencyMs: SETTINGS.probeLatencyMs, idealMs: ideal, runs: probe };
	}

	// ---- merge mode (GET + PATCH per item)
	const mergeRows: string[][] = [];
	if (!SETTINGS.skip.has('merge')) {
		const n = SETTINGS.mergeN;
		const mergeResults: Array<Record<string, unknown>> = [];
		for (const variant of variants) {
			const mruns: ExecRun[] = [];
			const bruns: ExecRun[] = [];
			for (let rep = 0; rep < 1; rep++) {
				say(`[bench] merge mode N=${n} [${variant.label}]`);
				bruns.push(await executeMeasured(variant.instance!, workflowId({ kind: 'baseline', n, concurrency: c }), sandbox));
				const run = await executeMeasured(variant.instance!, workflowId({ kind: 'evoMerge', n, concurrency: c }), sandbox);
				check(`Evo Voice merge N=${n} [${variant.label}]`, run, NODE.evo, n, PATCH);
				mruns.push(run);
			}
			const s = summarize(mruns, NODE.evo);
			const b = summarize(bruns);
			const cpuUs = ((s.cpuMs - b.cpuMs) * 1000) / n;
			mergeRows.push([
				String(n),
				`(a) Evo Voice, merge [${variant.label}]`,
				s2(s.wallMs),
				s2(s.cpuMs),
				s2(s.cpuMs - b.cpuMs),
				f0(cpuUs),
				f0(((s.wallMs - b.wallMs) * 1000) / n),
				s2(s.nodeMs),
				f0((s.nodeMs * 1000) / n),
				f0(s.maxRssMiB),
				f0(s.maxRssMiB - b.maxRssMiB),
				String(s.maxInFlight),
			]);
			mergeResults.push({ variant: variant.label, n, ...s, baseline: b, cpuUsPerItem: cpuUs, requests: s.requests });
		}
		results.merge = mergeResults;
	}

	// ---- 2. latency-bound run
	const latencyRows: string[][] = [];
	if (!SETTINGS.skip.has('latency')) {
		const n = SETTINGS.latencyN;
		const latencyResults: Array<Record<string, unknown>> = [];
		currentFaults = [{ route: PATCH, latencyMs: SETTINGS.latencyMs }];
		for (const variant of variants) {
			for (const lc of SETTINGS.latencyConcurrency) {
				say(`[bench] latency ${SETTINGS.latencyMs} ms, N=${n}, maxConcurrency ${lc} [${variant.label}]`);
				const base = await executeMeasured(variant.instance!, workflowId({ kind: 'baseline', n, concurrency: lc, tag: 'lat' }), sandbox);
				const run = await executeMeasured(variant.instance!, workflowId({ kind: 'evo', n, concurrency: lc, tag: 'lat' }), sandbox);
				check(`latency N=${n} c=${lc} [${variant.label}]`, run, NODE.evo, n, PATCH);
				const ideal = (n * SETTINGS.latencyMs) / lc;
				const nodeMs = run.nodes[NODE.evo]?.ms ?? NaN;
				const extraWall = run.m.wallMs - base.m.wallMs;
				latencyRows.push([
					String(n),
					`Evo Voice [${variant.label}]`,
					String(lc),
					s2(ideal),
					s2(nodeMs),
					`${f2(nodeMs / ideal)}×`,
					s2(extraWall),
					`${f2(extraWall / ideal)}×`,
					String(run.maxInFlight),
					s2(run.m.cpuMs - base.m.cpuMs),
				]);
				latencyResults.push({
					variant: variant.label,
					n,
					latencyMs: SETTINGS.latencyMs,
					maxConcurrency: lc,
					idealMs: ideal,
					nodeMs,
					nodeVsIdeal: nodeMs / ideal,
					wallMs: run.m.wallMs,
					baselineWallMs: base.m.wallMs,
					extraWallVsIdeal: extraWall / ideal,
					maxInFlight: run.maxInFlight,
					cpuMs: run.m.cpuMs,
					baselineCpuMs: base.m.cpuMs,
				});
				say(`[bench]   node ${s2(nodeMs)} s vs ideal ${s2(ideal)} s, in flight ≤ ${run.maxInFlight}`);
			}
		}
		currentFaults = [];
		results.latency = latencyResults;
	}

	// ---- 4. webhook events by reference ID (before the package section: that one starts n8n too)
	let webhookRows: WebhookBenchRow[] = [];
	if (!SETTINGS.skip.has('webhook')) {
		say('[bench] webhook events by reference ID at 5,000 customers');
		const outcome = await benchReferenceWebhook(
			variants.map((v) => ({ label: v.label, instance: v.instance! })),
			{ customers: 5_000, steadyEvents: QUICK ? 6 : 20, latenciesMs: [0, 20] },
			say,
		);
		webhookRows = outcome.rows;
		failures.push(...outcome.failures);
		results.referenceWebhook = outcome.rows;
	}

	// ---- 3. package
	const packageRows: string[][] = [];
	const startRows: string[][] = [];
	if (!SETTINGS.skip.has('package')) {
		const packageResults: Array<Record<string, unknown>> = [];
		for (const variant of variants) {
			const info = tarballInfo(variant.tarball);
			const loads: LoadResult[] = [];
			for (let i = 0; i < SETTINGS.loadRepeats; i++) loads.push(packageLoad(host, variant.packageDir!));
			const loadMs = median(loads.map((l) => l.loadMs));
			const loadCpuMs = median(loads.map((l) => l.cpuMs));
			packageRows.push([
				variant.label,
				`${f1(info.packedBytes / 1024)} KiB`,
				`${f1(info.unpackedBytes / 1024)} KiB`,
				String(info.files),
				`${f1(loadMs)} ms`,
				`${f1(loadCpuMs)} ms`,
				`${loads[0].nodes} node(s), ${loads[0].credentials} credential(s)`,
			]);
			packageResults.push({ variant: variant.label, ...info, loads, loadMs, loadCpuMs });
		}
		say('[bench] n8n start-to-ready with and without the package');
		const empty = (await prepareInstance(host, sandbox, undefined, [])).instance;
		const starts: Record<string, StartResult[]> = { without: [] };
		for (const v of variants) starts[v.label] = [];
		// One start each first: n8n migrates its database on the first start of a user folder.
		await startToReady(empty);
		for (const v of variants) await startToReady(v.instance!);
		for (let i = 0; i < SETTINGS.startRepeats; i++) {
			starts.without.push(await startToReady(empty));
			for (const v of variants) starts[v.label].push(await startToReady(v.instance!));
		}
		const without = { readyMs: median(starts.without.map((s) => s.readyMs)), cpuMs: median(starts.without.map((s) => s.cpuMs)) };
		startRows.push(['without the package', s2(without.readyMs), s2(without.cpuMs), '', '']);
		for (const v of variants) {
			const w = { readyMs: median(starts[v.label].map((s) => s.readyMs)), cpuMs: median(starts[v.label].map((s) => s.cpuMs)) };
			startRows.push([`with [${v.label}]`, s2(w.readyMs), s2(w.cpuMs), f0(w.readyMs - without.readyMs), f0(w.cpuMs - without.cpuMs)]);
		}
		results.package = packageResults;
		results.startToReady = starts;
		if (!SETTINGS.keep) fs.rmSync(empty.userFolder, { recursive: true, force: true });
	}

	await sandbox.close();
	killAll();
	if (!SETTINGS.keep) {
		for (const v of variants) if (v.instance) fs.rmSync(v.instance.userFolder, { recursive: true, force: true });
	} else {
		for (const v of variants) if (v.instance) say(`[bench] kept ${v.instance.userFolder}`);
	}

	const totalSeconds = (Date.now() - started) / 1000;
	results.failures = failures;
	results.exitNotes = exitNotes;
	results.loadavgAtEnd = os.loadavg().map((v) => Math.round(v * 100) / 100);
	results.seconds = totalSeconds;

	// ---- the report
	const perItemHeader = [
		'N',
		'run',
		'wall s',
		'CPU s',
		'CPU − base s',
		'CPU µs/item',
		'wall µs/item',
		'node s',
		'node µs/item',
		'peak RSS MiB',
		'Δ RSS MiB',
		'max in flight',
	];
	const sections: string[] = [];
	sections.push(
		`n8n ${host.version} on Node ${results.n8nNode}; ${machine.nproc} × ${machine.cpuModel}, ${machine.memoryGiB} GiB; ` +
			`${SETTINGS.repeats} run(s) each, medians; concurrency ${c}; ${new Date().toISOString()}${QUICK ? ' (BENCH_QUICK)' : ''}`,
	);
	if (perItemRows.length || mergeRows.length) {
		sections.push(
			`### 1. Per-item cost, sandbox at zero latency (update customer: name + 9 billing items, updateMode replace)\n\n` +
				table(perItemHeader, [...perItemRows, ...mergeRows]),
		);
	}
	if (countRows.length) {
		sections.push(
			`### Expressions n8n resolves per item (N = ${Math.min(...SETTINGS.sizes)}; engine: n8n's default, isolated-vm)\n\n` +
				table(['run', 'node', 'expression', 'evaluations', 'per item'], countRows),
		);
	}
	if (probeRows.length) {
		sections.push(
			`### In-flight check: PATCH answered after ${SETTINGS.probeLatencyMs} ms, N = ${SETTINGS.probeN} ` +
				`(at zero latency the sandbox finishes each request before it reads the next, so it sees 1)\n\n` +
				table(['client', 'max in flight (sandbox)', 'send time s', `ideal s (N × ${SETTINGS.probeLatencyMs} ms ÷ ${c})`], probeRows),
		);
	}
	if (latencyRows.length) {
		sections.push(
			`### 2. Latency-bound: PATCH answered after ${SETTINGS.latencyMs} ms, N = ${SETTINGS.latencyN}\n\n` +
				table(
					['N', 'run', 'maxConcurrency', 'ideal s', 'node s', 'node/ideal', 'wall − base s', '(wall − base)/ideal', 'max in flight', 'CPU − base s'],
					latencyRows,
				),
		);
	}
	if (webhookRows.length) {
		sections.push(
			'### 4. One CRM webhook event, customer by reference ID, 5,000 customers (production webhook of an active workflow; requests counted by the sandbox)\n\n' +
				webhookTable(webhookRows, table),
		);
	}
	if (packageRows.length) {
		sections.push(
			'### 3. Package\n\n' +
				table(['variant', 'packed', 'unpacked', 'files', 'load (PackageDirectoryLoader)', 'load CPU', 'loaded'], packageRows) +
				'\n\n' +
				table(['n8n start', 'to ready s', 'CPU to ready s', 'Δ ready ms', 'Δ CPU ms'], startRows),
		);
	}
	if (exitNotes.length) sections.push(`Notes: ${exitNotes.length} n8n run(s) exited with SIGSEGV after printing a complete, successful run (counted).`);
	if (failures.length) sections.push(`### Failures\n\n${failures.map((f) => `- ${f}`).join('\n')}`);
	sections.push(`Total bench time: ${totalSeconds.toFixed(0)} s`);
	const report = sections.join('\n\n');

	fs.mkdirSync(RESULTS_DIR, { recursive: true });
	fs.writeFileSync(path.join(RESULTS_DIR, 'latest.json'), JSON.stringify(results, null, 2) + '\n');
	fs.writeFileSync(path.join(RESULTS_DIR, 'latest.md'), report + '\n');
	say('\n' + report + '\n');
	say(`[bench] wrote ${path.relative(ROOT, path.join(RESULTS_DIR, 'latest.json'))} and latest.md`);
	for (const v of variants) if (v.label === 'current' && !process.env.BENCH_KEEP_TARBALL) fs.rmSync(path.dirname(v.tarball), { recursive: true, force: true });
	if (failures.length) process.exitCode = 1;
}

main().catch((error: unknown) => {
	say(`[bench] ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
	killAll();
	process.exit(1);
});
