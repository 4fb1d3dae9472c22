/** What a bench run measures and how often, from the environment (documented in run.ts). */
import * as path from 'path';

export const ROOT = path.resolve(__dirname, '..');
export const RESULTS_DIR = path.join(ROOT, 'bench', 'results');
export const N8N_VERSION = '2.40.7';

function numberList(value: string | undefined, fallback: number[]): number[] {
	if (!value) return fallback;
	return value
		.split(',')
		.map((v) => Number(v.trim()))
		.filter((v) => Number.isFinite(v) && v > 0);
}

export const QUICK = process.env.BENCH_QUICK === '1';
export const SETTINGS = {
	quick: QUICK,
	sizes: numberList(process.env.BENCH_SIZES, QUICK ? [200, 1000] : [1000, 10000]),
	repeats: Number(process.env.BENCH_REPEATS ?? (QUICK ? 1 : 3)),
	/** Runs of sizes above 2,000 items (each takes minutes; the baseline's noise is small per item there). */
	repeatsLarge: Number(process.env.BENCH_REPEATS_LARGE ?? 1),
	concurrency: Number(process.env.BENCH_CONCURRENCY ?? 50),
	latencyN: Number(process.env.BENCH_LATENCY_N ?? (QUICK ? 200 : 1000)),
	latencyMs: 50,
	/** Runs of each latency-bound setting; the median is reported. */
	latencyRepeats: Number(process.env.BENCH_LATENCY_REPEATS ?? (QUICK ? 1 : 3)),
	/** maxConcurrency values of the latency-bound run; the first is the recommended bulk setting. */
	latencyConcurrency: numberList(process.env.BENCH_LATENCY_CONCURRENCY, QUICK ? [5] : [5, 20]),
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

export function say(message: string): void {
	process.stdout.write(`${message}\n`);
}
