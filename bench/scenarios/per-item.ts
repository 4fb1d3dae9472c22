import { runRaw, executeMeasured, type ExecRun, type RawRun } from '../execute';
import type { BenchContext } from '../context';
import { PATCH } from '../context';
import { SETTINGS, say } from '../settings';
import { f0, f2, median, s2, summarize, type Summary } from '../stats';
import { NODE, workflowId } from '../workflows';

/**
 * 1. Per-item cost at zero latency: per N, the baseline workflow (items made, no request), the
 * Evo Voice node per variant, the HTTP Request node and the raw client, repeated; then the table
 * rows with each one's cost above its baseline, and the ratios between them.
 */
export async function perItemScenario(ctx: BenchContext): Promise<string[][]> {
	const { host, sandbox, variants, first, c, results, failures, check } = ctx;
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
	return perItemRows;
}
