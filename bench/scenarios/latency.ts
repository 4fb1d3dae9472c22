import * as fs from 'fs';
import * as path from 'path';

import type { BenchContext } from '../context';
import { PATCH } from '../context';
import { executeMeasured, runRaw, setFaults } from '../execute';
import { RESULTS_DIR, ROOT, SETTINGS, say } from '../settings';
import { f2, s2 } from '../stats';
import { NODE, workflowId } from '../workflows';

/** 2. Latency-bound: every PATCH answered after latencyMs, at each maxConcurrency, against the ideal N × latency ÷ c. */
export async function latencyScenario(ctx: BenchContext): Promise<string[][]> {
	const { host, sandbox, variants, first, results, check, failures } = ctx;
	const latencyRows: string[][] = [];
	if (SETTINGS.skip.has('latency')) return latencyRows;
	const n = SETTINGS.latencyN;
	const latencyResults: Array<Record<string, unknown>> = [];
	setFaults([{ route: PATCH, latencyMs: SETTINGS.latencyMs }]);
	for (const variant of variants) {
		for (const lc of SETTINGS.latencyConcurrency) {
			say(`[bench] latency ${SETTINGS.latencyMs} ms, N=${n}, maxConcurrency ${lc} [${variant.label}]`);
			const base = await executeMeasured(variant.instance!, workflowId({ kind: 'baseline', n, concurrency: lc, tag: 'lat' }), sandbox);
			// Each run is one sample of a noisy wall clock: the median run of several is reported.
			const runs = [];
			for (let rep = 0; rep < SETTINGS.latencyRepeats; rep++) {
				const one = await executeMeasured(variant.instance!, workflowId({ kind: 'evo', n, concurrency: lc, tag: 'lat' }), sandbox);
				check(`latency N=${n} c=${lc} [${variant.label}] run ${rep + 1}`, one, NODE.evo, n, PATCH);
				runs.push(one);
			}
			const byNodeMs = [...runs].sort((a, b) => (a.nodes[NODE.evo]?.ms ?? NaN) - (b.nodes[NODE.evo]?.ms ?? NaN));
			const run = byNodeMs[Math.floor(byNodeMs.length / 2)];
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
				nodeMsRuns: runs.map((r) => r.nodes[NODE.evo]?.ms ?? NaN),
				nodeVsIdeal: nodeMs / ideal,
				wallMs: run.m.wallMs,
				baselineWallMs: base.m.wallMs,
				extraWallVsIdeal: extraWall / ideal,
				maxInFlight: run.maxInFlight,
				cpuMs: run.m.cpuMs,
				baselineCpuMs: base.m.cpuMs,
			});
			say(`[bench]   node ${s2(nodeMs)} s (median of ${runs.length}: ${byNodeMs.map((r) => s2(r.nodes[NODE.evo]?.ms ?? NaN)).join(', ')}) vs ideal ${s2(ideal)} s, in flight ≤ ${run.maxInFlight}`);
			if (SETTINGS.cpuProf) {
				const dir = path.join(RESULTS_DIR, 'cpuprof', `latency-c${lc}-${variant.label}`);
				fs.rmSync(dir, { recursive: true, force: true });
				fs.mkdirSync(dir, { recursive: true });
				say(`[bench] --cpu-prof latency c=${lc} → ${path.relative(ROOT, dir)}`);
				await executeMeasured(variant.instance!, workflowId({ kind: 'evo', n, concurrency: lc, tag: 'lat' }), sandbox, [], ['--cpu-prof', `--cpu-prof-dir=${dir}`]);
			}
		}
	}
	// The floor: the same requests from Node's own client against the same sandbox, with keep-alive
	// and with a connection per request (as n8n's helpers send them), so that what the sandbox and
	// the machine add to the ideal shows apart from what n8n adds.
	if (!SETTINGS.skip.has('raw')) {
		for (const connections of ['keepAlive', 'close'] as const) {
			const label = connections === 'close' ? 'raw client, a connection per request' : 'raw client, keep-alive';
			for (const lc of SETTINGS.latencyConcurrency) {
				say(`[bench] latency ${SETTINGS.latencyMs} ms, N=${n}, maxConcurrency ${lc} [${label}]`);
				const raw = await runRaw(host, sandbox, n, lc, first.logDir, [{ route: PATCH, latencyMs: SETTINGS.latencyMs }], connections);
				if (raw.ok !== n) failures.push(`raw latency N=${n} c=${lc} ${connections}: ${raw.ok} ok, ${raw.failed} failed`);
				const ideal = (n * SETTINGS.latencyMs) / lc;
				latencyRows.push([String(n), label, String(lc), s2(ideal), s2(raw.wallMs), `${f2(raw.wallMs / ideal)}×`, '–', '–', String(raw.maxInFlight), s2(raw.cpuMs)]);
				latencyResults.push({ variant: `raw-${connections}`, n, latencyMs: SETTINGS.latencyMs, maxConcurrency: lc, idealMs: ideal, wallMs: raw.wallMs, vsIdeal: raw.wallMs / ideal, maxInFlight: raw.maxInFlight, cpuMs: raw.cpuMs });
				say(`[bench]   ${s2(raw.wallMs)} s vs ideal ${s2(ideal)} s, in flight ≤ ${raw.maxInFlight}`);
			}
		}
	}
	setFaults([]);
	results.latency = latencyResults;
	return latencyRows;
}
