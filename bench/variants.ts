/** The packed package variants a bench run compares (BENCH_TARBALLS), side by side in one run. */
import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';

import type { N8nInstance } from '../scripts/n8n';
import { packPackage } from '../scripts/n8n/project';
import { ROOT, say } from './settings';

export interface Variant {
	label: string;
	tarball: string;
	instance?: N8nInstance;
	packageDir?: string;
}

/**
 * Builds and packs the package as it was at a git revision (read with `git archive`, which writes
 * nothing to the repository), in a temporary folder that borrows this clone's node_modules.
 */
function packRevision(rev: string): string {
	const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'evovoice-rev-'));
	const env = { ...process.env };
	for (const key of Object.keys(env)) if (/^npm_(config|package|lifecycle)_/i.test(key)) delete env[key];
	const sh = (command: string, cwd: string) => {
		const result = spawnSync('bash', ['-c', command], { cwd, env, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
		if (result.status !== 0) throw new Error(`${command} failed in ${cwd}:\n${result.stdout}\n${result.stderr}`);
		return result.stdout;
	};
	say(`[bench] building ${rev} (git archive → ${dir})`);
	sh(`git -C ${JSON.stringify(ROOT)} archive --format=tar ${JSON.stringify(rev)} | tar -x -C ${JSON.stringify(dir)}`, ROOT);
	fs.symlinkSync(path.join(ROOT, 'node_modules'), path.join(dir, 'node_modules'), 'dir');
	sh('npm run build', dir);
	const [info] = JSON.parse(sh(`npm pack --json --pack-destination ${JSON.stringify(dir)}`, dir)) as Array<{ filename: string }>;
	return path.join(dir, info.filename);
}

export function variantsFromEnv(): Variant[] {
	const spec = process.env.BENCH_TARBALLS?.trim();
	const entries = spec ? spec.split(',').map((s) => s.trim()).filter(Boolean) : ['current'];
	const variants: Variant[] = [];
	for (const entry of entries) {
		if (entry === 'current') {
			variants.push({ label: 'current', tarball: packPackage({ build: process.env.BENCH_NO_BUILD !== '1' }) });
			continue;
		}
		const eq = entry.indexOf('=');
		const label = eq > 0 ? entry.slice(0, eq) : path.basename(entry, '.tgz');
		const source = eq > 0 ? entry.slice(eq + 1) : entry;
		const tarball = source.startsWith('git:') ? packRevision(source.slice(4)) : path.resolve(source);
		if (!fs.existsSync(tarball)) throw new Error(`BENCH_TARBALLS: ${tarball} does not exist`);
		variants.push({ label, tarball });
	}
	return variants;
}
