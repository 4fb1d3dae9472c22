/** The bench report: the tables of every section that ran, as printed and written to bench/results/latest.md. */
import type { N8nHost } from '../scripts/n8n/hosts';
import { exitNotes } from './execute';
import { QUICK, SETTINGS } from './settings';
import { burstTable } from './scenarios/burst';
import { mergeLatencyTable } from './scenarios/merge-latency';
import { webhookTable } from './scenarios/reference-webhook';
import { table } from './stats';

export interface ReportRows {
	perItemRows: string[][];
	mergeRows: string[][];
	countRows: string[][];
	probeRows: string[][];
	latencyRows: string[][];
	mergeLatencyRows?: string[][];
	webhookRows: string[][];
	burstRows?: string[][];
	packageRows: string[][];
	startRows: string[][];
}

export function buildReport(
	host: N8nHost,
	results: Record<string, unknown>,
	machine: { nproc: number; cpuModel: string; memoryGiB: number },
	c: number,
	rows: ReportRows,
	failures: string[],
	totalSeconds: number,
): string {
	const { perItemRows, mergeRows, countRows, probeRows, latencyRows, webhookRows, packageRows, startRows } = rows;
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
				webhookTable(webhookRows),
		);
	}
	if (rows.mergeLatencyRows?.length) sections.push(mergeLatencyTable(rows.mergeLatencyRows));
	if (rows.burstRows?.length) sections.push(burstTable(rows.burstRows));
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
	return report;
}
