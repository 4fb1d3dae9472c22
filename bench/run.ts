/**
 * `npm run bench`: the Evo Voice node's cost inside REAL n8n (the n8n driver of
 * scripts/n8n), against the sandbox, side by side with n8n's HTTP Request node and a plain Node.js
 * HTTP client sending the same requests. See BENCHMARKS.md for the method and the results.
 *
 * Environment:
 *   BENCH_QUICK=1               small N (smoke run, ~2 min once n8n is installed)
 *   BENCH_REPEATS=3             runs of each per-item measurement with N ≤ 2,000 (median reported)
 *   BENCH_REPEATS_LARGE=1       runs of each per-item measurement with N > 2,000
 *   BENCH_SIZES=1000,10000      N for the per-item runs
 *   BENCH_CONCURRENCY=50        requests in flight for (a), (b) and (c) at zero latency
 *   BENCH_LATENCY_N=1000        N for the latency-bound run
 *   BENCH_LATENCY_CONCURRENCY=5,20  the in-flight limits of the latency-bound run
 *   BENCH_LATENCY_REPEATS=3     runs of each latency-bound setting (the median is reported)
 *   BENCH_TARBALLS=label=a.tgz,label2=b.tgz
 *                               benchmark these packed tarballs of the package side by side instead of
 *                               packing the working tree (e.g. before=/tmp/old.tgz,after=/tmp/new.tgz;
 *                               `current` packs the working tree; `label=git:<rev>` builds and packs a
 *                               commit: BENCH_TARBALLS=before=git:HEAD~1,current)
 *   BENCH_NO_BUILD=1            pack the dist/ that is there instead of running `npm run build` first
 *   BENCH_SKIP=perItem,probe,count,latency,merge,mergeLatency,webhook,burst,package,http,raw   leave sections out
 *   BENCH_CPU_PROF=1            also run the smallest-N workflows once more with node --cpu-prof: the Evo Voice
 *                               node (per variant), the HTTP Request node and the baseline; profiles kept in
 *                               bench/results/cpuprof/<run>/, summarised by bench/profile-summary.ts
 *   BENCH_KEEP=1                keep the n8n user folders (logs, outputs)
 *   EVOVOICE_E2E_CACHE          where scripts/n8n/hosts.ts keeps the n8n install
 *
 * Writes bench/results/latest.json and bench/results/latest.md; prints the table.
 */
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';

import { defaultSeed, makeCustomers, startSandbox } from '../sandbox';
import { ensureHosts } from '../scripts/n8n/hosts';
import { killAll } from '../scripts/n8n';
import { machineInfo, makeCheck, prepareInstance, type BenchContext } from './context';
import { executeMeasured, exitNotes } from './execute';
import { buildReport } from './report';
import { cpuProfileScenario } from './scenarios/cpu-profile';
import { expressionCountScenario } from './scenarios/expression-count';
import { inFlightScenario } from './scenarios/in-flight';
import { burstScenario } from './scenarios/burst';
import { latencyScenario } from './scenarios/latency';
import { mergeScenario } from './scenarios/merge';
import { mergeLatencyScenario } from './scenarios/merge-latency';
import { packageScenario } from './scenarios/package';
import { perItemScenario } from './scenarios/per-item';
import { referenceWebhookScenario } from './scenarios/reference-webhook';
import { N8N_VERSION, QUICK, RESULTS_DIR, ROOT, say, SETTINGS } from './settings';
import { variantsFromEnv } from './variants';
import { buildWorkflow, workflowId, type WorkflowSpec } from './workflows';
import { runMain } from '../scripts/lib/main';

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
	const ctx: BenchContext = { host, sandbox, variants, first, c, results, failures, check: makeCheck(failures) };

	// Warm-up: the first `n8n execute` of an instance is slower (caches, SQLite pages).
	for (const variant of variants) {
		await executeMeasured(variant.instance!, workflowId({ kind: 'baseline', n: SETTINGS.sizes[0], concurrency: c }), sandbox);
	}

	// The sections, in the order they have always run (each reads SETTINGS.skip itself).
	const perItemRows = await perItemScenario(ctx);
	await cpuProfileScenario(ctx);
	const countRows = await expressionCountScenario(ctx);
	const probeRows = await inFlightScenario(ctx);
	const mergeRows = await mergeScenario(ctx);
	const latencyRows = await latencyScenario(ctx);
	const mergeLatencyRows = await mergeLatencyScenario(ctx);
	// Before the package section: both start n8n, and it leaves the instances as they were.
	const webhookRows = await referenceWebhookScenario(ctx);
	const burstRows = await burstScenario(ctx);
	const { packageRows, startRows } = await packageScenario(ctx);

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

	const rows = { perItemRows, mergeRows, countRows, probeRows, latencyRows, mergeLatencyRows, webhookRows, burstRows, packageRows, startRows };
	const report = buildReport(host, results, machine, c, rows, failures, totalSeconds);
	fs.mkdirSync(RESULTS_DIR, { recursive: true });
	fs.writeFileSync(path.join(RESULTS_DIR, 'latest.json'), JSON.stringify(results, null, 2) + '\n');
	fs.writeFileSync(path.join(RESULTS_DIR, 'latest.md'), report + '\n');
	say('\n' + report + '\n');
	say(`[bench] wrote ${path.relative(ROOT, path.join(RESULTS_DIR, 'latest.json'))} and latest.md`);
	for (const v of variants) if (v.label === 'current' && !process.env.BENCH_KEEP_TARBALL) fs.rmSync(path.dirname(v.tarball), { recursive: true, force: true });
	if (failures.length) process.exitCode = 1;
}

runMain(module, main, { label: '[bench]' });
