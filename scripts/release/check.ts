/**
 * `npm run check:release`: what n8n's verification and a clean CI would trip over, checked before
 * publishing. Runs after `npm run build` (it packs the dist/ that is there):
 *   1. the lockfile: `npm ci` accepts the committed package.json + package-lock.json (check-lockfile.ts);
 *   2. the GitHub workflows: actionlint, and the publish workflow keeps provenance (lint-workflows.ts);
 *   3. n8n's package scanner on the packed tarball and on the source (scan-package.ts);
 *   4. the packed nodes' and credentials' descriptions equal the committed snapshot (descriptions.ts);
 *   5. `n8n-node cloud-support` (@n8n/node-cli) says the package is eligible for n8n Cloud.
 * Each prints its findings; any finding fails the run.
 */
import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as path from 'path';

import { packPackage } from '../n8n/project';
import { checkCommittedLockfile } from './check-lockfile';
import { describePackage, firstDifference, SNAPSHOT } from './descriptions';
import { lintWorkflowFiles, WORKFLOWS_DIR } from './lint-workflows';
import { scanSource, scanTarballDir, unpackTarball } from './scan-package';
import { runMain } from '../lib/main';

interface Outcome {
	name: string;
	ok: boolean;
	seconds: number;
}

async function timed(name: string, fn: () => Promise<boolean> | boolean): Promise<Outcome> {
	const started = Date.now();
	let ok = false;
	try {
		ok = await fn();
	} catch (error) {
		process.stdout.write(`[release] ${name}: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
	}
	const seconds = (Date.now() - started) / 1000;
	process.stdout.write(`[release] ${ok ? '✓' : '✗'} ${name} (${seconds.toFixed(1)}s)\n`);
	return { name, ok, seconds };
}

const ROOT = path.resolve(__dirname, '..', '..');

/** n8n's own verdict: strict mode on and the lint config exactly @n8n/node-cli's. */
function cloudSupport(): boolean {
	const result = spawnSync(path.join(ROOT, 'node_modules', '.bin', 'n8n-node'), ['cloud-support'], {
		cwd: ROOT,
		encoding: 'utf8',
		env: { ...process.env, CI: 'true', NO_COLOR: '1', FORCE_COLOR: '0' },
		timeout: 60_000,
	});
	const output = `${result.stdout ?? ''}${result.stderr ?? ''}`.replace(/\u001b\[[0-9;]*m/g, '');
	const verdict = output.split('\n').filter((line) => /Cloud support is|Strict mode:|ESLint config:/.test(line));
	process.stdout.write(`${verdict.map((line) => `    ${line.replace(/^[│◆▲]\s*/, '').trim()}`).join('\n')}\n`);
	return result.status === 0 && /Cloud support is ENABLED/.test(output);
}

async function main(): Promise<number> {
	const started = Date.now();
	const outcomes: Outcome[] = [];
	outcomes.push(await timed('lockfile: npm ci accepts it', () => checkCommittedLockfile()));
	outcomes.push(
		await timed('workflows: actionlint and provenance', async () => {
			const files = fs.readdirSync(WORKFLOWS_DIR).filter((f) => /\.ya?ml$/.test(f)).map((f) => path.join(WORKFLOWS_DIR, f));
			if (!files.some((f) => path.basename(f).startsWith('publish'))) throw new Error('no publish workflow');
			const findings = await lintWorkflowFiles(files);
			for (const f of findings) process.stdout.write(`    ${f.file}:${f.line}:${f.column}: ${f.message} [${f.kind}]\n`);
			return findings.length === 0;
		}),
	);
	const tarball = packPackage({ build: false });
	const dir = unpackTarball(tarball);
	try {
		for (const [name, scan] of [
			['scanner: the packed tarball', () => scanTarballDir(dir)],
			['scanner: the source (package.json, nodes/, credentials/)', () => scanSource()],
		] as const) {
			outcomes.push(
				await timed(name, async () => {
					const result = await scan();
					if (!result.passed) process.stdout.write(`    ${result.message ?? ''}\n${(result.details ?? '').trim()}\n`);
					return result.passed;
				}),
			);
		}
		outcomes.push(
			await timed('descriptions: the packed nodes and credentials equal test/release/descriptions.json', () => {
				const difference = firstDifference(fs.readFileSync(SNAPSHOT, 'utf8'), describePackage(dir));
				if (difference) process.stdout.write(`    they differ at ${difference}; if the change is meant, run npx tsx scripts/release/descriptions.ts --write and commit the diff\n`);
				return difference === undefined;
			}),
		);
	} finally {
		fs.rmSync(dir, { recursive: true, force: true });
		fs.rmSync(path.dirname(tarball), { recursive: true, force: true });
	}
	outcomes.push(await timed('n8n-node cloud-support: eligible for n8n Cloud', cloudSupport));
	const failed = outcomes.filter((o) => !o.ok);
	process.stdout.write(
		`[release] ${outcomes.length - failed.length} of ${outcomes.length} release checks passed in ${((Date.now() - started) / 1000).toFixed(1)}s` +
			`${failed.length ? `; failed: ${failed.map((o) => o.name).join('; ')}` : ''}\n`,
	);
	return failed.length === 0 ? 0 : 1;
}

runMain(module, main, { label: '[release]' });
