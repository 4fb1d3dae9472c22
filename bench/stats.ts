/** Medians over repeated runs, and the table formatting of the report. */
import type { ExecRun } from './execute';

export function median(values: number[]): number {
	if (values.length === 0) return NaN;
	const sorted = [...values].sort((a, b) => a - b);
	const mid = Math.floor(sorted.length / 2);
	return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

export interface Summary {
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

export function summarize(runs: ExecRun[], nodeName?: string): Summary {
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

export const f0 = (v: number) => (Number.isFinite(v) ? v.toFixed(0) : '–');
export const f1 = (v: number) => (Number.isFinite(v) ? v.toFixed(1) : '–');
export const f2 = (v: number) => (Number.isFinite(v) ? v.toFixed(2) : '–');
export const s2 = (ms: number) => (Number.isFinite(ms) ? (ms / 1000).toFixed(2) : '–');

export function table(header: string[], rows: string[][]): string {
	const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? '').length)));
	const line = (cells: string[]) => `| ${cells.map((c, i) => c.padEnd(widths[i])).join(' | ')} |`;
	return [line(header), `| ${widths.map((w) => '-'.repeat(w)).join(' | ')} |`, ...rows.map(line)].join('\n');
}
