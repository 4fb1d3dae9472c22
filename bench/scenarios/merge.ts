import type { BenchContext } from '../context';
import { PATCH } from '../context';
import { executeMeasured, type ExecRun } from '../execute';
import { SETTINGS, say } from '../settings';
import { f0, s2, summarize } from '../stats';
import { NODE, workflowId } from '../workflows';

/** Merge mode: a GET and a PATCH per item, against its own baseline. */
export async function mergeScenario(ctx: BenchContext): Promise<string[][]> {
	const { sandbox, variants, c, results, check } = ctx;
	const mergeRows: string[][] = [];
	if (SETTINGS.skip.has('merge')) return mergeRows;
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
	return mergeRows;
}
