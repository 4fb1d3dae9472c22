/**
 * Where n8n's CPU goes: reads the V8 CPU profiles that `BENCH_CPU_PROF=1 npm run bench` leaves in
 * bench/results/cpuprof/<run>/ (evo-<variant>, http, baseline-<variant>) and prints self time by
 * package, by file and by function: one run minus another (normally its baseline), per item.
 *
 *   npx tsx bench/profile-summary.ts bench/results/cpuprof/evo-current bench/results/cpuprof/baseline-current 1000
 */
import * as fs from 'fs';
import * as path from 'path';

interface ProfileNode {
	id: number;
	callFrame: { functionName: string; url: string; lineNumber: number };
	children?: number[];
}

interface Profile {
	nodes: ProfileNode[];
	samples: number[];
	timeDeltas: number[];
}

type Totals = Map<string, number>;

interface Aggregate {
	totalMs: number;
	byPackage: Totals;
	byFile: Totals;
	byFunction: Totals;
}

function packageOf(url: string, fn: string): string {
	if (!url) return fn.startsWith('(') ? fn : '(native)';
	if (url.startsWith('node:')) return 'node internals';
	const m = /.*node_modules\/((?:@[^/]+\/)?[^/]+)\//.exec(url);
	return m ? m[1] : url.replace(/^file:\/\//, '');
}

function shortFile(url: string): string {
	const m = /.*node_modules\/((?:@[^/]+\/)?[^/]+\/.*)$/.exec(url);
	return (m ? m[1] : url).replace(/^file:\/\//, '');
}

function add(map: Totals, key: string, ms: number): void {
	map.set(key, (map.get(key) ?? 0) + ms);
}

function aggregate(files: string[]): Aggregate {
	const result: Aggregate = { totalMs: 0, byPackage: new Map(), byFile: new Map(), byFunction: new Map() };
	for (const file of files) {
		const profile = JSON.parse(fs.readFileSync(file, 'utf8')) as Profile;
		const byId = new Map(profile.nodes.map((n) => [n.id, n]));
		for (let i = 0; i < profile.samples.length; i++) {
			const node = byId.get(profile.samples[i]);
			if (!node) continue;
			const ms = (profile.timeDeltas[i] ?? 0) / 1000;
			const { functionName, url, lineNumber } = node.callFrame;
			if (functionName === '(idle)') continue;
			result.totalMs += ms;
			add(result.byPackage, packageOf(url, functionName), ms);
			add(result.byFile, url ? shortFile(url) : functionName, ms);
			add(result.byFunction, `${functionName || '(anonymous)'} ${url ? `${shortFile(url)}:${lineNumber + 1}` : ''}`.trim(), ms);
		}
	}
	return result;
}

function profilesIn(dir: string): string[] {
	if (!fs.existsSync(dir)) return [];
	return fs
		.readdirSync(dir)
		.filter((f) => f.endsWith('.cpuprofile'))
		.map((f) => path.join(dir, f));
}

function print(title: string, node: Totals, base: Totals | undefined, limit: number, perItemDivisor: number): void {
	const keys = new Set([...node.keys(), ...(base?.keys() ?? [])]);
	const rows = [...keys]
		.map((k) => ({ k, ms: node.get(k) ?? 0, base: base?.get(k) ?? 0 }))
		.map((r) => ({ ...r, diff: r.ms - r.base }))
		.sort((a, b) => b.diff - a.diff)
		.slice(0, limit);
	process.stdout.write(`\n${title}\n`);
	process.stdout.write(`${'run ms'.padStart(9)} ${'base ms'.padStart(9)} ${'Δ ms'.padStart(9)} ${'µs/item'.padStart(8)}  what\n`);
	for (const r of rows) {
		process.stdout.write(
			`${r.ms.toFixed(0).padStart(9)} ${r.base.toFixed(0).padStart(9)} ${r.diff.toFixed(0).padStart(9)} ${((r.diff * 1000) / perItemDivisor).toFixed(1).padStart(8)}  ${r.k}\n`,
		);
	}
}

function main(): void {
	const dir = process.argv[2] ?? path.join(__dirname, 'results', 'cpuprof', 'evo-current');
	const baseDir = process.argv[3] ?? path.join(__dirname, 'results', 'cpuprof', 'baseline-current');
	const n = Number(process.argv[4] ?? 1000);
	const run = aggregate(profilesIn(dir));
	const baseFiles = profilesIn(baseDir);
	const base = baseFiles.length ? aggregate(baseFiles) : undefined;
	process.stdout.write(
		`profiles in ${dir}: ${run.totalMs.toFixed(0)} ms sampled (not idle)` +
			(base ? `, baseline ${base.totalMs.toFixed(0)} ms, difference ${(run.totalMs - base.totalMs).toFixed(0)} ms = ${(((run.totalMs - base.totalMs) * 1000) / n).toFixed(0)} µs/item for N=${n}` : '') +
			'\n',
	);
	print('By package (self time)', run.byPackage, base?.byPackage, 25, n);
	print('By file (self time)', run.byFile, base?.byFile, 30, n);
	print('By function (self time)', run.byFunction, base?.byFunction, 40, n);
}

main();
