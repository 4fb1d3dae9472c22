/**
 * Bench section: a bulk run of merge updates against a distant API (issue #20's third measure).
 * N updates of N different customers (name + the nine billing items, Update Mode left at its
 * default, merge), Max Requests in Flight 5, the sandbox answering EVERY route after latencyMs
 * (reads, lists and writes alike: a merge rests on reads, and #20 added read-backs). Each variant
 * runs BENCH_LATENCY_REPEATS times, the median by the node's own time is reported with the
 * requests it sent by route; variants whose node has Confirm Changes also run once with it off.
 *
 * Its workflows are imported here (not by run.ts), so that the section stands alone.
 */
import * as fs from 'fs';
import * as path from 'path';

import { importWorkflows } from '../../scripts/n8n';
import type { BenchContext } from '../context';
import { PATCH } from '../context';
import { executeMeasured, setFaults, type ExecRun } from '../execute';
import { RESULTS_DIR, ROOT, SETTINGS, say } from '../settings';
import { f2, s2, table } from '../stats';
import type { Variant } from '../variants';
import { buildWorkflow, NODE, workflowId, type WorkflowSpec } from '../workflows';

export const MERGE_LATENCY_IN_FLIGHT = 5;

interface MergeLatencyResult {
	variant: string;
	confirm: 'default' | 'off';
	n: number;
	nodeMs: number;
	nodeMsRuns: number[];
	wallMs: number;
	baselineWallMs: number;
	cpuMs: number;
	baselineCpuMs: number;
	requests: Record<string, number>;
	maxInFlight: number;
	/** The median run's end, from the sandbox's request log (tail). */
	tail: Tail;
}

/**
 * What the run sent after its last write, from the sandbox's log (a ring of its last requests):
 * the wait from the last write answered to the next request (the settle time before the
 * read-backs), and the read-backs themselves. Zero when nothing followed the last write.
 */
export interface Tail {
	waitMs: number;
	readBackMs: number;
	requestsAfter: number;
}

export function tailOf(log: Array<{ route: string; startedAt: string; durationMs: number }>): Tail {
	const span = log.map((e) => ({ route: e.route, start: Date.parse(e.startedAt), end: Date.parse(e.startedAt) + e.durationMs }));
	const lastWrite = Math.max(...span.filter((e) => e.route === PATCH).map((e) => e.end));
	const after = span.filter((e) => e.start >= lastWrite);
	if (!Number.isFinite(lastWrite) || after.length === 0) return { waitMs: 0, readBackMs: 0, requestsAfter: 0 };
	const first = Math.min(...after.map((e) => e.start));
	return { waitMs: first - lastWrite, readBackMs: Math.max(...after.map((e) => e.end)) - first, requestsAfter: after.length };
}

/** Whether the installed package knows this parameter name (its built node description names it). */
export function packageKnows(variant: Variant, name: string): boolean {
	if (!variant.packageDir) return false;
	const walk = (dir: string): boolean =>
		fs.readdirSync(dir, { withFileTypes: true }).some((entry) => {
			const full = path.join(dir, entry.name);
			if (entry.isDirectory()) return entry.name !== 'node_modules' && walk(full);
			return entry.name.endsWith('.js') && fs.readFileSync(full, 'utf8').includes(name);
		});
	return walk(path.join(variant.packageDir, 'dist'));
}

function specs(n: number) {
	const merge: WorkflowSpec = { kind: 'evoMerge', n, concurrency: MERGE_LATENCY_IN_FLIGHT, tag: 'mlat' };
	const off: WorkflowSpec = { ...merge, tag: 'mlatoff' };
	const baseline: WorkflowSpec = { kind: 'baseline', n, concurrency: MERGE_LATENCY_IN_FLIGHT, tag: 'mlat' };
	return { merge, off, baseline };
}

/** The same merge workflow with Request Options › Confirm Changes off. */
function unconfirmed(spec: WorkflowSpec): Record<string, unknown> {
	const workflow = buildWorkflow(spec) as { nodes: Array<{ name: string; parameters: Record<string, unknown> }> };
	const evo = workflow.nodes.find((node) => node.name === NODE.evo)!;
	evo.parameters.requestOptions = { ...(evo.parameters.requestOptions as object), confirmChanges: false };
	return workflow;
}

/** Requests by route, the most first: "GET /customers/:id 1000, PATCH /customers/:id 1000, …". */
export function byRoute(requests: Record<string, number>): string {
	return Object.entries(requests)
		.filter(([, count]) => count > 0)
		.sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))
		.map(([route, count]) => `${route} ${count}`)
		.join(', ');
}

export async function mergeLatencyScenario(ctx: BenchContext): Promise<string[][]> {
	if (SETTINGS.skip.has('mergeLatency')) return [];
	const { sandbox, variants, results, check } = ctx;
	const n = SETTINGS.latencyN;
	const { merge, off, baseline } = specs(n);
	const fault = [{ route: '*', latencyMs: SETTINGS.latencyMs }];
	const all: MergeLatencyResult[] = [];
	for (const variant of variants) {
		const withOff = packageKnows(variant, 'confirmChanges');
		await importWorkflows(variant.instance!, [buildWorkflow(merge), buildWorkflow(baseline), ...(withOff ? [unconfirmed(off)] : [])]);
		setFaults(fault);
		const base = await executeMeasured(variant.instance!, workflowId(baseline), sandbox);
		const settings: Array<{ confirm: 'default' | 'off'; spec: WorkflowSpec; repeats: number }> = [{ confirm: 'default', spec: merge, repeats: SETTINGS.latencyRepeats }];
		if (withOff) settings.push({ confirm: 'off', spec: off, repeats: 1 });
		for (const { confirm, spec, repeats } of settings) {
			say(`[bench] merge updates, every route answered after ${SETTINGS.latencyMs} ms, N=${n}, ${MERGE_LATENCY_IN_FLIGHT} in flight, Confirm Changes ${confirm} [${variant.label}]`);
			const runs: ExecRun[] = [];
			const tails = new Map<ExecRun, Tail>();
			for (let rep = 0; rep < repeats; rep++) {
				const run = await executeMeasured(variant.instance!, workflowId(spec), sandbox);
				check(`merge latency N=${n} confirm ${confirm} [${variant.label}] run ${rep + 1}`, run, NODE.evo, n, PATCH);
				const tail = tailOf(sandbox.log);
				say(`[bench]   run ${rep + 1}: node ${s2(run.nodes[NODE.evo]?.ms ?? NaN)} s, wall ${s2(run.m.wallMs)} s; ${byRoute(run.requests)}; after the last write: ${tail.requestsAfter} requests, wait ${s2(tail.waitMs)} s, read-back ${s2(tail.readBackMs)} s`);
				runs.push(run);
				tails.set(run, tail);
			}
			if (SETTINGS.cpuProf && confirm === 'default') {
				// BENCH_CPU_PROF=1: once more under --cpu-prof, with its baseline (bench/profile-summary.ts).
				for (const [name, id] of [[`merge-latency-${variant.label}`, workflowId(spec)], [`merge-latency-baseline-${variant.label}`, workflowId(baseline)]]) {
					const dir = path.join(RESULTS_DIR, 'cpuprof', name);
					fs.rmSync(dir, { recursive: true, force: true });
					fs.mkdirSync(dir, { recursive: true });
					say(`[bench] --cpu-prof ${id} → ${path.relative(ROOT, dir)}`);
					await executeMeasured(variant.instance!, id, sandbox, [], ['--cpu-prof', `--cpu-prof-dir=${dir}`]);
				}
			}
			const sorted = [...runs].sort((a, b) => (a.nodes[NODE.evo]?.ms ?? NaN) - (b.nodes[NODE.evo]?.ms ?? NaN));
			const mid = sorted[Math.floor(sorted.length / 2)];
			all.push({
				variant: variant.label,
				confirm,
				n,
				nodeMs: mid.nodes[NODE.evo]?.ms ?? NaN,
				nodeMsRuns: runs.map((r) => r.nodes[NODE.evo]?.ms ?? NaN),
				wallMs: mid.m.wallMs,
				baselineWallMs: base.m.wallMs,
				cpuMs: mid.m.cpuMs,
				baselineCpuMs: base.m.cpuMs,
				requests: mid.requests,
				maxInFlight: mid.maxInFlight,
				tail: tails.get(mid)!,
			});
		}
	}
	setFaults([]);
	results.mergeLatency = all;
	// Ideal: a read and a write per customer, each latencyMs, MERGE_LATENCY_IN_FLIGHT at a time.
	const ideal = (n * 2 * SETTINGS.latencyMs) / MERGE_LATENCY_IN_FLIGHT;
	const first = all.find((r) => r.confirm === 'default');
	return all.map((r) => [
		`Evo Voice [${r.variant}]${r.confirm === 'off' ? ', Confirm Changes off' : ''}`,
		s2(ideal),
		r.nodeMsRuns.length > 1 ? `${s2(r.nodeMs)} (${r.nodeMsRuns.map(s2).join(', ')})` : s2(r.nodeMs),
		`${f2(r.nodeMs / ideal)}×`,
		first && r !== first ? `${f2(r.nodeMs / first.nodeMs)}×` : '',
		s2(r.wallMs - r.baselineWallMs),
		String(Object.values(r.requests).reduce((sum, c) => sum + c, 0)),
		byRoute(r.requests),
		r.tail.requestsAfter ? `${s2(r.tail.waitMs)} + ${s2(r.tail.readBackMs)} (${r.tail.requestsAfter} requests)` : '–',
		String(r.maxInFlight),
		s2(r.cpuMs - r.baselineCpuMs),
	]);
}

export function mergeLatencyTable(rows: string[][]): string {
	return (
		`### 5. Merge updates against a distant API: every route answered after ${SETTINGS.latencyMs} ms, N = ${SETTINGS.latencyN} customers, ` +
		`${MERGE_LATENCY_IN_FLIGHT} in flight, Update Mode merge (default)\n\n` +
		table(['run', 'ideal s (2 requests each)', 'node s (median; runs)', 'node/ideal', 'node / first variant', 'wall − base s', 'requests', 'requests by route', 'after the last write: wait + read-back s', 'max in flight', 'CPU − base s'], rows)
	);
}
