/**
 * Fails when `npm ci` would refuse the lockfile: package.json and package-lock.json (and .npmrc)
 * are copied into an empty folder and `npm ci --dry-run` runs there, which validates the lock
 * against package.json exactly as `npm ci` does, without installing anything. It reads npm's cache
 * first (--prefer-offline): a lock in sync needs no request at all; npm asks the registry only
 * about a dependency the lock lacks, to name it.
 *
 * Checks the committed files (what a clean clone, CI and the publish workflow get) and, when they
 * differ from the committed ones, the working tree's too (what the next commit would carry).
 *
 * Usage: tsx scripts/release/check-lockfile.ts [--dir=<folder with package.json and package-lock.json>]
 */
import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { runMain } from '../lib/main';

const ROOT = path.resolve(__dirname, '..', '..');
const FILES = ['package.json', 'package-lock.json', '.npmrc'];

export interface LockfileVerdict {
	ok: boolean;
	/** npm's own explanation when it refuses (the "Missing: … from lock file" lines and the like). */
	problems: string[];
	seconds: number;
}

/** Runs `npm ci --dry-run` on the given file contents (name → text) in an empty folder. */
export function checkLockfile(files: Record<string, string>): LockfileVerdict {
	const started = Date.now();
	const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'evovoice-lockfile-'));
	try {
		for (const [name, text] of Object.entries(files)) fs.writeFileSync(path.join(dir, name), text);
		const env: NodeJS.ProcessEnv = {};
		// npm run passes its own config as npm_config_*; the check must see only the project's .npmrc.
		for (const [key, value] of Object.entries(process.env)) if (!/^npm_/i.test(key)) env[key] = value;
		const result = spawnSync(
			'npm',
			['ci', '--dry-run', '--prefer-offline', '--ignore-scripts', '--no-audit', '--no-fund'],
			{ cwd: dir, env, encoding: 'utf8', maxBuffer: 16 * 1024 * 1024 },
		);
		const output = `${result.stdout ?? ''}\n${result.stderr ?? ''}`;
		const problems = output
			.split('\n')
			.map((line) => line.replace(/^npm (error|ERR!) ?/, '').trim())
			.filter((line) => !line.startsWith('A complete log'))
			.filter((line) => /^(Missing|Invalid):|not in sync|lock ?file|ENOLOCK|EUSAGE/i.test(line));
		const ok = result.status === 0;
		if (!ok && problems.length === 0) problems.push(output.trim().split('\n').slice(-10).join('\n'));
		return { ok, problems, seconds: (Date.now() - started) / 1000 };
	} finally {
		fs.rmSync(dir, { recursive: true, force: true });
	}
}

function committed(name: string): string | undefined {
	const result = spawnSync('git', ['show', `HEAD:${name}`], { cwd: ROOT, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
	return result.status === 0 ? result.stdout : undefined;
}

function readDir(dir: string): Record<string, string> {
	const files: Record<string, string> = {};
	for (const name of FILES) if (fs.existsSync(path.join(dir, name))) files[name] = fs.readFileSync(path.join(dir, name), 'utf8');
	return files;
}

function report(label: string, verdict: LockfileVerdict): boolean {
	const head = `[lockfile] ${label}: ${verdict.ok ? 'npm ci accepts it' : 'npm ci REFUSES it'} (${verdict.seconds.toFixed(1)}s)`;
	process.stdout.write(`${head}\n${verdict.problems.map((p) => `    ${p}`).join('\n')}${verdict.problems.length ? '\n' : ''}`);
	if (!verdict.ok) process.stdout.write('    Fix: run `npm install` (it rewrites package-lock.json), then commit package-lock.json.\n');
	return verdict.ok;
}

/** Checks the committed files, and the working tree's when they differ; prints each verdict. */
export function checkCommittedLockfile(): boolean {
	const working = readDir(ROOT);
	const head: Record<string, string> = {};
	for (const name of FILES) {
		const text = committed(name);
		if (text !== undefined) head[name] = text;
	}
	let ok = true;
	if (head['package.json'] && head['package-lock.json']) {
		ok = report('committed package.json + package-lock.json', checkLockfile(head)) && ok;
	} else {
		process.stdout.write('[lockfile] not a git checkout with committed files: checking the working tree only\n');
	}
	const changed = FILES.some((name) => working[name] !== head[name]);
	if (changed || !head['package-lock.json']) ok = report('working tree package.json + package-lock.json', checkLockfile(working)) && ok;
	return ok;
}

function main(): number {
	const dirArg = process.argv.find((a) => a.startsWith('--dir='))?.slice('--dir='.length);
	if (dirArg) return report(dirArg, checkLockfile(readDir(path.resolve(dirArg)))) ? 0 : 1;
	return checkCommittedLockfile() ? 0 : 1;
}

runMain(module, async () => main(), { label: '[lockfile]' });
