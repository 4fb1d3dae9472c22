import type { BenchContext } from '../context';
import { PATCH } from '../context';
import { executeMeasured, setFaults } from '../execute';
import { SETTINGS, say } from '../settings';
import { f2, s2 } from '../stats';
import { NODE, workflowId } from '../workflows';

/** 2. Latency-bound: every PATCH answered after latencyMs, at each maxConcurrency, against the ideal N × latency ÷ c. */
export async function latencyScenario(ctx: BenchContext): Promise<string[][]> {
	const { sandbox, variants, results, check } = ctx;
	const latencyRows: string[][] = [];
	if (SETTINGS.skip.has('latency')) return latencyRows;
	const n = SETTINGS.latencyN;
	const latencyResults: Array<Record<string, unknown>> = [];
	setFaults([{ route: PATCH, latencyMs: SETTINGS.latencyMs }]);
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
	setFaults([]);
	results.latency = latencyResults;
	return latencyRows;
}
