/**
 * `npm run bench:trigger` (also part of `npm run bench`): the Evo Voice Trigger's requests, CPU and
 * wall time per poll, and its static data at the memory's bound (bench/scenarios/trigger.ts).
 * BENCH_TRIGGER_REPEATS=5 (median reported). Writes bench/results/trigger.json and prints a table.
 */
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';

import { runMain } from '../scripts/lib/main';
import { triggerScenario, triggerTable } from './scenarios/trigger';
import { RESULTS_DIR, say } from './settings';

async function main(): Promise<void> {
	const repeats = Number(process.env.BENCH_TRIGGER_REPEATS ?? 5);
	say(`[bench:trigger] ${os.cpus().length} cores, load ${os.loadavg().map((v) => v.toFixed(2)).join(' ')}`);
	const bench = await triggerScenario(repeats, say);
	fs.mkdirSync(RESULTS_DIR, { recursive: true });
	fs.writeFileSync(path.join(RESULTS_DIR, 'trigger.json'), `${JSON.stringify({ date: new Date().toISOString(), node: process.version, ...bench }, null, 2)}\n`);
	say(`\n${triggerTable(bench)}\n`);
}

runMain(module, main, { label: '[bench:trigger]' });
