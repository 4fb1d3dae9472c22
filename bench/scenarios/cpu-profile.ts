import * as fs from 'fs';
import * as path from 'path';

import type { N8nInstance } from '../../scripts/n8n';
import type { BenchContext } from '../context';
import { executeMeasured } from '../execute';
import { RESULTS_DIR, ROOT, SETTINGS, say } from '../settings';
import { workflowId, type WorkflowSpec } from '../workflows';

/** BENCH_CPU_PROF=1: the smallest-N workflows once more under node --cpu-prof (see profile-summary.ts). */
export async function cpuProfileScenario(ctx: BenchContext): Promise<void> {
	const { sandbox, variants, first, c, results } = ctx;
	if (!SETTINGS.cpuProf) return;
	const n = Math.min(...SETTINGS.sizes);
	const profRoot = path.join(RESULTS_DIR, 'cpuprof');
	fs.rmSync(profRoot, { recursive: true, force: true });
	const profile = async (instance: N8nInstance, name: string, spec: WorkflowSpec) => {
		const dir = path.join(profRoot, name);
		fs.mkdirSync(dir, { recursive: true });
		say(`[bench] --cpu-prof ${spec.kind} N=${n} → ${path.relative(ROOT, dir)}`);
		await executeMeasured(instance, workflowId(spec), sandbox, [], ['--cpu-prof', `--cpu-prof-dir=${dir}`]);
	};
	for (const variant of variants) {
		await profile(variant.instance!, `baseline-${variant.label}`, { kind: 'baseline', n, concurrency: c });
		await profile(variant.instance!, `evo-${variant.label}`, { kind: 'evo', n, concurrency: c });
	}
	if (!SETTINGS.skip.has('http')) await profile(first, 'http', { kind: 'http', n, concurrency: c, sandboxUrl: sandbox.url });
	results.cpuProfiles = { dir: path.relative(ROOT, profRoot), n };
}
