import * as fs from 'fs';

import { prepareInstance, type BenchContext } from '../context';
import { packageLoad, startToReady, tarballInfo, type LoadResult, type StartResult } from '../package-cost';
import { SETTINGS, say } from '../settings';
import { f0, f1, median, s2 } from '../stats';

/** 3. The package: size and files, load time in n8n's loader, and n8n start-to-ready with and without it. */
export async function packageScenario(ctx: BenchContext): Promise<{ packageRows: string[][]; startRows: string[][] }> {
	const { host, sandbox, variants, results } = ctx;
	const packageRows: string[][] = [];
	const startRows: string[][] = [];
	if (SETTINGS.skip.has('package')) return { packageRows, startRows };
	const packageResults: Array<Record<string, unknown>> = [];
	for (const variant of variants) {
		const info = tarballInfo(variant.tarball);
		const loads: LoadResult[] = [];
		for (let i = 0; i < SETTINGS.loadRepeats; i++) loads.push(packageLoad(host, variant.packageDir!));
		const loadMs = median(loads.map((l) => l.loadMs));
		const loadCpuMs = median(loads.map((l) => l.cpuMs));
		packageRows.push([
			variant.label,
			`${f1(info.packedBytes / 1024)} KiB`,
			`${f1(info.unpackedBytes / 1024)} KiB`,
			String(info.files),
			`${f1(loadMs)} ms`,
			`${f1(loadCpuMs)} ms`,
			`${loads[0].nodes} node(s), ${loads[0].credentials} credential(s)`,
		]);
		packageResults.push({ variant: variant.label, ...info, loads, loadMs, loadCpuMs });
	}
	say('[bench] n8n start-to-ready with and without the package');
	const empty = (await prepareInstance(host, sandbox, undefined, [])).instance;
	const starts: Record<string, StartResult[]> = { without: [] };
	for (const v of variants) starts[v.label] = [];
	// One start each first: n8n migrates its database on the first start of a user folder.
	await startToReady(empty);
	for (const v of variants) await startToReady(v.instance!);
	for (let i = 0; i < SETTINGS.startRepeats; i++) {
		starts.without.push(await startToReady(empty));
		for (const v of variants) starts[v.label].push(await startToReady(v.instance!));
	}
	const without = { readyMs: median(starts.without.map((s) => s.readyMs)), cpuMs: median(starts.without.map((s) => s.cpuMs)) };
	startRows.push(['without the package', s2(without.readyMs), s2(without.cpuMs), '', '']);
	for (const v of variants) {
		const w = { readyMs: median(starts[v.label].map((s) => s.readyMs)), cpuMs: median(starts[v.label].map((s) => s.cpuMs)) };
		startRows.push([`with [${v.label}]`, s2(w.readyMs), s2(w.cpuMs), f0(w.readyMs - without.readyMs), f0(w.cpuMs - without.cpuMs)]);
	}
	results.package = packageResults;
	results.startToReady = starts;
	if (!SETTINGS.keep) fs.rmSync(empty.userFolder, { recursive: true, force: true });
	return { packageRows, startRows };
}
