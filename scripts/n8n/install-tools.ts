/**
 * How hosts.ts installs: npm run by a chosen Node with a clean environment and its output in a log,
 * and a lock directory so that two runs never install into the cache at once.
 */
import { spawn } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';

export function cacheRoot(): string {
	return process.env.EVOVOICE_E2E_CACHE || path.join(os.homedir(), '.cache', 'n8n-nodes-evovoice');
}

export function log(message: string): void {
	process.stdout.write(`[e2e:hosts] ${message}\n`);
}

export function seconds(since: number): string {
	return `${((Date.now() - since) / 1000).toFixed(0)}s`;
}

export function npmCli(): string {
	// The npm that runs this script (npm run sets npm_execpath); else the one next to this Node.
	const fromEnv = process.env.npm_execpath;
	if (fromEnv && /npm-cli\.js$/.test(fromEnv) && fs.existsSync(fromEnv)) return fromEnv;
	const candidates = [
		path.join(path.dirname(process.execPath), '..', 'lib', 'node_modules', 'npm', 'bin', 'npm-cli.js'),
		'/usr/lib/node_modules/npm/bin/npm-cli.js',
		'/usr/local/lib/node_modules/npm/bin/npm-cli.js',
	];
	for (const candidate of candidates) if (fs.existsSync(candidate)) return path.resolve(candidate);
	throw new Error('cannot find npm-cli.js to run npm with');
}

export interface RunOptions {
	cwd: string;
	env?: NodeJS.ProcessEnv;
	logFile: string;
	/** The node binary to run npm with (default: this process's). */
	node?: string;
}

/** Runs npm with its output going to a log file; on failure prints the log's tail. */
export function npm(args: string[], options: RunOptions): Promise<void> {
	const node = options.node ?? process.execPath;
	const out = fs.openSync(options.logFile, 'a');
	fs.writeSync(out, `\n$ npm ${args.join(' ')}   (cwd ${options.cwd}, node ${node})\n`);
	return new Promise((resolve, reject) => {
		const child = spawn(node, [npmCli(), ...args], {
			cwd: options.cwd,
			env: options.env ?? process.env,
			stdio: ['ignore', out, out],
		});
		child.on('error', (error) => {
			fs.closeSync(out);
			reject(error);
		});
		child.on('exit', (code, signal) => {
			fs.closeSync(out);
			if (code === 0) return resolve();
			const tail = fs.readFileSync(options.logFile, 'utf8').split('\n').slice(-40).join('\n');
			reject(
				new Error(
					`npm ${args.join(' ')} failed (${signal ?? `exit ${code}`}); log: ${options.logFile}\n${tail}`,
				),
			);
		});
	});
}

/** npm settings worth passing on from an `npm run`/`npm test` around us (where to download from and cache). */
export const KEEP_NPM_CONFIG = /^npm_config_(cache|registry|cafile|strict_ssl|proxy|https_proxy|noproxy|userconfig)$/i;

/** The environment every npm call of ours gets: nothing from the project, headers set explicitly. */
export function npmEnv(nodeDir: string | undefined, extraPath?: string): NodeJS.ProcessEnv {
	const env: NodeJS.ProcessEnv = { ...process.env };
	// `npm run` exports the project's config (ignore-scripts, …) as npm_config_*; start clean.
	for (const key of Object.keys(env)) {
		if (/^npm_(config|package|lifecycle)_/i.test(key) && !KEEP_NPM_CONFIG.test(key)) delete env[key];
	}
	env.npm_config_yes = 'true';
	env.npm_config_fund = 'false';
	env.npm_config_audit = 'false';
	env.npm_config_update_notifier = 'false';
	env.npm_config_loglevel = 'warn';
	env.npm_config_progress = 'false';
	if (nodeDir) env.npm_config_nodedir = nodeDir;
	else delete env.npm_config_nodedir;
	if (extraPath) env.PATH = `${extraPath}${path.delimiter}${env.PATH ?? ''}`;
	// node-gyp must not try to download headers; sqlite3's prebuild-install must not wait on the network.
	env.npm_config_build_from_source = 'true';
	env.JOBS = env.JOBS ?? String(Math.max(1, os.cpus().length));
	return env;
}

export function capture(
	command: string,
	args: string[],
	env: NodeJS.ProcessEnv,
	logFile: string,
): Promise<{ code: number | null; output: string }> {
	return new Promise((resolve) => {
		const child = spawn(command, args, { env, stdio: ['ignore', 'pipe', 'pipe'] });
		let output = '';
		child.stdout.setEncoding('utf8').on('data', (chunk: string) => (output += chunk));
		child.stderr.setEncoding('utf8').on('data', (chunk: string) => (output += chunk));
		child.on('error', (error) => {
			output += error.message;
		});
		child.on('close', (code) => {
			fs.appendFileSync(logFile, `\n$ ${[command, ...args].join(' ').slice(0, 300)}\n${output}\n[exit ${code}]\n`);
			resolve({ code, output });
		});
	});
}

/** A lock directory holding the owner's pid; a dead owner's lock is taken over. */
export async function withLock<T>(fn: () => Promise<T>): Promise<T> {
	fs.mkdirSync(cacheRoot(), { recursive: true });
	const lockDir = path.join(cacheRoot(), '.install.lock');
	const pidFile = path.join(lockDir, 'pid');
	let waitingSaid = false;
	for (;;) {
		try {
			fs.mkdirSync(lockDir);
			fs.writeFileSync(pidFile, String(process.pid));
			break;
		} catch (error) {
			if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
			let owner = NaN;
			try {
				owner = Number(fs.readFileSync(pidFile, 'utf8'));
			} catch {
				// being created right now, or the owner died before writing its pid
			}
			let alive = false;
			if (Number.isFinite(owner) && owner > 0) {
				try {
					process.kill(owner, 0);
					alive = true;
				} catch {
					alive = false;
				}
			} else {
				const age = Date.now() - fs.statSync(lockDir).mtimeMs;
				alive = age < 30_000;
			}
			if (alive && owner === process.pid) alive = false; // a lock left by an earlier process with our pid
			if (!alive) {
				log(`taking over a stale install lock (pid ${Number.isFinite(owner) ? owner : '?'})`);
				fs.rmSync(lockDir, { recursive: true, force: true });
				continue;
			}
			if (!waitingSaid) {
				log(`another run (pid ${owner}) is installing into ${cacheRoot()}; waiting for it`);
				waitingSaid = true;
			}
			await new Promise((r) => setTimeout(r, 3000));
		}
	}
	const release = () => {
		try {
			if (fs.readFileSync(pidFile, 'utf8') === String(process.pid)) {
				fs.rmSync(lockDir, { recursive: true, force: true });
			}
		} catch {
			// already gone
		}
	};
	process.once('exit', release);
	try {
		return await fn();
	} finally {
		release();
		process.removeListener('exit', release);
	}
}

