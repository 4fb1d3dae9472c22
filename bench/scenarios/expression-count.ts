import * as fs from 'fs';
import * as path from 'path';

import type { N8nInstance } from '../../scripts/n8n';
import type { BenchContext } from '../context';
import { executeMeasured } from '../execute';
import { SETTINGS, say } from '../settings';
import { f2 } from '../stats';
import { NODE, workflowId, type WorkflowSpec } from '../workflows';

/** Expression evaluations per item (a separate run: the counting hook costs time itself). */
export async function expressionCountScenario(ctx: BenchContext): Promise<string[][]> {
	const { host, sandbox, variants, first, c, results, failures } = ctx;
	const countRows: string[][] = [];
	if (SETTINGS.skip.has('count')) return countRows;
	const n = Math.min(...SETTINGS.sizes);
	const counted: Array<Record<string, unknown>> = [];
	const count = async (instance: N8nInstance, label: string, spec: WorkflowSpec) => {
		const file = path.join(instance.logDir, `expressions-${label}.json`);
		say(`[bench] counting expression evaluations: ${label}, N=${n}`);
		const run = await executeMeasured(
			instance,
			workflowId(spec),
			sandbox,
			[],
			['--no-warnings', '--require', path.join(__dirname, '..', 'count-expressions.ts')],
			{ BENCH_N8N_MODULES: path.join(host.dir, 'node_modules'), BENCH_EXPR_COUNT_FILE: file },
		);
		if (!run.ok) failures.push(`expression count ${label}: ${run.error}`);
		const rows = fs.existsSync(file)
			? (JSON.parse(fs.readFileSync(file, 'utf8')) as Array<{ node: string; expression: string; count: number }>)
			: [];
		for (const row of rows.filter((r) => r.node !== NODE.make)) {
			countRows.push([label, row.node, `\`${row.expression.replace(/\|/g, '\\|')}\``, String(row.count), f2(row.count / n)]);
		}
		counted.push({ label, n, rows });
	};
	for (const variant of variants) await count(variant.instance!, `(a) Evo Voice [${variant.label}]`, { kind: 'evo', n, concurrency: c });
	if (!SETTINGS.skip.has('http')) {
		await count(first, '(b) HTTP Request', { kind: 'http', n, concurrency: c, sandboxUrl: sandbox.url });
	}
	results.expressionCounts = counted;
	return countRows;
}
