/**
 * `npm run bench:queue` (also the last part of `npm run bench`): the monthly billing job over
 * 10,000 customers split across n8n queue-mode workers — the parent workflow hands chunks of 500 to
 * the chunk workflow through its webhook, so each chunk is its own execution, taken by whichever
 * worker is free (examples/queue-mode/). Measured in one run with 1 worker, then with 2:
 * wall time, requests per second, the most requests in flight per chunk execution (Max Requests
 * in Flight is 5) and in total.
 *
 * Environment: BENCH_QUEUE_N=10000 (customers; a multiple of 500), BENCH_QUEUE_LATENCY_MS=20
 * (the sandbox's answer time), BENCH_QUEUE_CONCURRENCY=5 (`n8n worker --concurrency`), BENCH_NO_BUILD=1.
 * Writes bench/results/queue.json and prints a Markdown table.
 */
import * as fs from 'fs';
import * as path from 'path';

import { defaultSeed, makeCustomers, startSandbox, type RequestLogEntry } from '../sandbox';
import { ensureHosts } from '../scripts/n8n/hosts';
import { cli, killAll, N8nRest, sleep, type N8nInstance } from '../scripts/n8n';
import { OWNER, packPackage, sandboxCredentials } from '../scripts/n8n/project';
import { addWorker, startCluster } from '../test/e2e/queue/cluster';
import { startPostgres, startRedis } from '../test/e2e/queue/servers';
import { runMain } from '../scripts/lib/main';

const ROOT = path.resolve(__dirname, '..');
const N = Number(process.env.BENCH_QUEUE_N ?? 10_000);
const CHUNK = 500;
const LATENCY_MS = Number(process.env.BENCH_QUEUE_LATENCY_MS ?? 20);
const CONCURRENCY = Number(process.env.BENCH_QUEUE_CONCURRENCY ?? 5);
const PARENT_ID = 'evovoiceQBillParent';
const CHUNK_ID = 'evovoiceQBillChunk';

function say(message: string): void {
	process.stdout.write(`[bench:queue] ${message}\n`);
}

function loadWorkflows(mainUrl: string): object[] {
	const dir = path.join(ROOT, 'examples', 'queue-mode');
	const parent = JSON.parse(fs.readFileSync(path.join(dir, 'monthly-billing-parent.json'), 'utf8').replace('http://n8n:5678', mainUrl));
	const chunk = JSON.parse(fs.readFileSync(path.join(dir, 'monthly-billing-chunk.json'), 'utf8'));
	for (const node of parent.nodes as Array<{ name: string; parameters: { assignments?: { assignments: Array<{ value: string }> } } }>) {
		const assignment = node.parameters.assignments?.assignments[0];
		if (assignment) assignment.value = assignment.value.replace('const n = 10000', `const n = ${N}`);
	}
	return [
		{ ...parent, id: PARENT_ID, active: false },
		{ ...chunk, id: CHUNK_ID, active: false },
	];
}

async function importAll(main: N8nInstance, sandboxUrl: string): Promise<void> {
	const creds = path.join(main.userFolder, 'creds.json');
	fs.writeFileSync(creds, JSON.stringify(sandboxCredentials(sandboxUrl)));
	const c = await cli(main, ['import:credentials', `--input=${creds}`]);
	fs.rmSync(creds, { force: true });
	if (c.code !== 0) throw new Error(`import:credentials failed: ${c.logFile}`);
	const dir = path.join(main.userFolder, 'wf');
	fs.mkdirSync(dir, { recursive: true });
	loadWorkflows(main.baseUrl).forEach((w, i) => fs.writeFileSync(path.join(dir, `${i}.json`), JSON.stringify(w)));
	const w = await cli(main, ['import:workflow', '--separate', `--input=${dir}`]);
	if (w.code !== 0) throw new Error(`import:workflow failed: ${w.logFile}`);
}

/** The most requests open at once among these log entries (from their start times and durations). */
function maxOverlap(entries: RequestLogEntry[]): number {
	const points: Array<[number, number]> = [];
	for (const e of entries) {
		const start = Date.parse(e.startedAt);
		points.push([start, 1], [start + e.durationMs, -1]);
	}
	points.sort((a, b) => a[0] - b[0] || a[1] - b[1]);
	let open = 0;
	let max = 0;
	for (const [, delta] of points) max = Math.max(max, (open += delta));
	return max;
}

interface Result {
	workers: number;
	seconds: number;
	requests: number;
	requestsPerSecond: number;
	maxInFlightTotal: number;
	maxInFlightPerExecution: number;
	chunkExecutions: number;
	succeeded: number;
	wrong: number;
}

async function main(): Promise<void> {
	const started = Date.now();
	const [host] = await ensureHosts(['2.40.7']);
	const tarball = packPackage({ build: process.env.BENCH_NO_BUILD !== '1' });
	const seed = defaultSeed();
	seed.customers.push(...makeCustomers(N, 'acc-reseller'));
	const sb = await startSandbox({ seed, logLimit: 4 * N + 1000, faults: [{ latencyMs: LATENCY_MS }] });
	const [postgres, redis] = await Promise.all([startPostgres(), startRedis()]);
	// n8n's own lock timings: a 500-item chunk can hold a worker's event loop longer than the suite's short lock.
	const env = { QUEUE_WORKER_LOCK_DURATION: '60000', QUEUE_WORKER_LOCK_RENEW_TIME: '10000', QUEUE_WORKER_STALLED_INTERVAL: '30000' };
	const cluster = await startCluster({ host, tarball, postgres, redis, workers: 1, concurrency: CONCURRENCY, env, prepare: (m) => importAll(m, sb.url) });
	const results: Result[] = [];
	try {
		const rest = new N8nRest(cluster.main.baseUrl);
		await rest.setupOwner(OWNER);
		await rest.login(OWNER);
		await rest.activateWorkflow(CHUNK_ID);
		await rest.activateWorkflow(PARENT_ID);
		for (const workers of [1, 2]) {
			if (cluster.workers.length < workers) await addWorker(cluster, { host, tarball, concurrency: CONCURRENCY });
			sb.reset(seed);
			sb.setFaults([{ latencyMs: LATENCY_MS }]);
			const before = new Set((await rest.allExecutions([CHUNK_ID])).map((x) => x.id));
			const t0 = Date.now();
			const run = await fetch(`${cluster.main.baseUrl}/webhook/evovoice-billing-run`, { method: 'POST', body: '{}', headers: { 'content-type': 'application/json' } });
			if (run.status !== 200) throw new Error(`starting the parent workflow: HTTP ${run.status} ${await run.text()}`);
			const deadline = Date.now() + 20 * 60_000;
			while ((sb.counters().byRoute['PATCH /customers/:id'] ?? 0) < N && Date.now() < deadline) await sleep(200);
			const seconds = (Date.now() - t0) / 1000;
			// The chunk executions themselves, as n8n records them.
			let chunks = (await rest.allExecutions([CHUNK_ID])).filter((x) => !before.has(x.id));
			for (let i = 0; i < 60 && chunks.filter((x) => x.status === 'success').length < N / CHUNK; i++) {
				await sleep(1000);
				chunks = (await rest.allExecutions([CHUNK_ID])).filter((x) => !before.has(x.id));
			}
			const counters = sb.counters();
			const byChunk = new Map<number, RequestLogEntry[]>();
			for (const entry of sb.log) {
				const match = /cus-bulk-(\d+)/.exec(entry.path);
				if (!match) continue;
				const chunk = Math.floor((Number(match[1]) - 1) / CHUNK);
				byChunk.set(chunk, [...(byChunk.get(chunk) ?? []), entry]);
			}
			let wrong = 0;
			for (let i = 1; i <= N; i++) {
				const customer = sb.state.customers[`cus-bulk-${String(i).padStart(5, '0')}`];
				// The plan cycles Basic, Pro, Enterprise by number; their base prices are 19, 49, 99.
				const expected = [19, 49, 99][i % 3];
				if (customer?.overrideBillingSettings !== true || customer.billingSettings?.base?.baseCost !== expected) wrong++;
			}
			const result: Result = {
				workers,
				seconds: Number(seconds.toFixed(1)),
				requests: counters.total,
				requestsPerSecond: Number((counters.total / seconds).toFixed(0)),
				maxInFlightTotal: counters.maxInFlight,
				maxInFlightPerExecution: Math.max(...[...byChunk.values()].map(maxOverlap)),
				chunkExecutions: chunks.length,
				succeeded: chunks.filter((x) => x.status === 'success').length,
				wrong,
			};
			say(JSON.stringify(result));
			results.push(result);
		}
	} finally {
		await cluster.stop();
		await redis.stop();
		await postgres.stop();
		await sb.close();
		fs.rmSync(path.dirname(tarball), { recursive: true, force: true });
		killAll();
	}
	const table = [
		`Monthly billing over ${N.toLocaleString('en')} customers in queue mode (n8n ${host.version}), chunks of ${CHUNK}, sandbox latency ${LATENCY_MS} ms, worker concurrency ${CONCURRENCY}, Max Requests in Flight 5 per execution`,
		'',
		'| workers | wall time (s) | requests | requests/s | max in flight per execution | max in flight, total | chunk executions (succeeded) | customers wrong |',
		'|---|---|---|---|---|---|---|---|',
		...results.map((r) => `| ${r.workers} | ${r.seconds} | ${r.requests} | ${r.requestsPerSecond} | ${r.maxInFlightPerExecution} | ${r.maxInFlightTotal} | ${r.chunkExecutions} (${r.succeeded}) | ${r.wrong} |`),
	].join('\n');
	process.stdout.write(`\n${table}\n\n`);
	fs.mkdirSync(path.join(ROOT, 'bench', 'results'), { recursive: true });
	fs.writeFileSync(path.join(ROOT, 'bench', 'results', 'queue.json'), JSON.stringify({ n: N, chunk: CHUNK, latencyMs: LATENCY_MS, concurrency: CONCURRENCY, results }, null, 2));
	say(`total ${((Date.now() - started) / 1000).toFixed(0)}s`);
	const bad = results.some((r) => r.wrong > 0 || r.succeeded !== N / CHUNK || r.maxInFlightPerExecution > 5);
	process.exitCode = bad ? 1 : 0;
}

runMain(module, main, { label: '[bench:queue]' });
