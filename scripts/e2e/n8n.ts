/**
 * Drives a real n8n (installed by hosts.ts) from the outside, the way a user or an operator would:
 * an isolated user folder, the packed package installed into it as n8n installs community packages,
 * CLI imports and `execute`, and `n8n start` with its REST API and production webhooks.
 *
 * Every process started here runs in its own process group and is killed (the whole group) when
 * it is stopped, when the runner exits, or on SIGINT/SIGTERM, even after a failure.
 */
import { spawn, spawnSync, type ChildProcess } from 'child_process';
import { randomBytes, randomUUID } from 'crypto';
import * as fs from 'fs';
import * as net from 'net';
import * as os from 'os';
import * as path from 'path';

import { KEEP_NPM_CONFIG, type N8nHost } from './hosts';

// ---------------------------------------------------------------------------------------------
// Process bookkeeping

const running = new Set<ChildProcess>();

function killGroup(child: ChildProcess, signal: NodeJS.Signals): void {
	if (child.pid === undefined) return;
	try {
		process.kill(-child.pid, signal);
	} catch {
		try {
			child.kill(signal);
		} catch {
			// already gone
		}
	}
}

/** Kills every process group this module started (synchronous: safe in an 'exit' handler). */
export function killAll(): void {
	for (const child of running) killGroup(child, 'SIGKILL');
	running.clear();
}

const cleanups: Array<() => Promise<void>> = [];

/** Registers async work to do on Ctrl-C / SIGTERM before every started process group is killed. */
export function addCleanup(fn: () => Promise<void>): void {
	cleanups.push(fn);
	installExitHandlers();
}

let handlersInstalled = false;
function installExitHandlers(): void {
	if (handlersInstalled) return;
	handlersInstalled = true;
	process.on('exit', killAll);
	let stopping = false;
	for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const) {
		process.on(signal, () => {
			if (stopping) {
				// A second Ctrl-C: stop waiting.
				killAll();
				process.exit(130);
			}
			stopping = true;
			const code = signal === 'SIGINT' ? 130 : 143;
			const deadline = sleep(20_000);
			Promise.race([Promise.allSettled(cleanups.map((fn) => fn())), deadline]).finally(() => {
				killAll();
				process.exit(code);
			});
		});
	}
}

function track(child: ChildProcess): ChildProcess {
	installExitHandlers();
	running.add(child);
	child.once('exit', () => running.delete(child));
	return child;
}

// ---------------------------------------------------------------------------------------------
// Small utilities

export async function freePort(): Promise<number> {
	return await new Promise((resolve, reject) => {
		const server = net.createServer();
		server.unref();
		server.on('error', reject);
		server.listen(0, '127.0.0.1', () => {
			const address = server.address();
			const port = typeof address === 'object' && address ? address.port : 0;
			server.close(() => resolve(port));
		});
	});
}

export function sleep(ms: number): Promise<void> {
	return new Promise((resolve) => setTimeout(resolve, ms));
}

function tail(text: string, lines = 60): string {
	return text.split('\n').slice(-lines).join('\n');
}

/** The unreachable address every phone-home endpoint of n8n is pointed at. */
const BLACKHOLE = 'http://127.0.0.1:9';

// ---------------------------------------------------------------------------------------------
// Instances

export interface N8nInstance {
	host: N8nHost;
	/** N8N_USER_FOLDER; n8n keeps its data in `<userFolder>/.n8n`. */
	userFolder: string;
	port: number;
	brokerPort: number;
	env: NodeJS.ProcessEnv;
	/** Where the output of every command run against this instance is written. */
	logDir: string;
	baseUrl: string;
}

export interface InstanceOptions {
	/** Use this folder (kept between runs) instead of a fresh temporary one. */
	userFolder?: string;
	port?: number;
	encryptionKey?: string;
	/** Extra environment for n8n. */
	env?: NodeJS.ProcessEnv;
}

/** The environment of the runner, minus what must not leak into n8n (npm's, tsx's, jest's, proxies). */
function baseEnv(): NodeJS.ProcessEnv {
	const env: NodeJS.ProcessEnv = {};
	for (const [key, value] of Object.entries(process.env)) {
		if (/^(npm_|NODE_OPTIONS$|NODE_ENV$|NODE_PATH$|JEST_|TS_NODE|TSX_|N8N_|DB_|EXECUTIONS_|WEBHOOK_URL$|GENERIC_TIMEZONE$)/i.test(key)) continue;
		if (/^(https?_proxy|all_proxy|no_proxy)$/i.test(key)) continue;
		env[key] = value;
	}
	env.NO_PROXY = '127.0.0.1,localhost';
	env.no_proxy = '127.0.0.1,localhost';
	return env;
}

export async function createInstance(host: N8nHost, options: InstanceOptions = {}): Promise<N8nInstance> {
	const userFolder =
		options.userFolder ?? fs.mkdtempSync(path.join(os.tmpdir(), `evovoice-n8n-${host.version}-`));
	fs.mkdirSync(path.join(userFolder, '.n8n'), { recursive: true });
	const logDir = path.join(userFolder, 'logs');
	fs.mkdirSync(logDir, { recursive: true });
	const port = options.port ?? (await freePort());
	let brokerPort = await freePort();
	while (brokerPort === port) brokerPort = await freePort();
	const baseUrl = `http://127.0.0.1:${port}`;
	const major = Number(host.version.split('.')[0]);
	const byVersion: NodeJS.ProcessEnv =
		major >= 2
			? {
					N8N_WEBHOOK_URL: `${baseUrl}/`,
					// Its refresh task asks api.n8n.io for MCP servers every start.
					N8N_DISABLED_MODULES: 'mcp-registry',
				}
			: {
					WEBHOOK_URL: `${baseUrl}/`,
					// 1.x runs Code nodes in-process unless runners are switched on.
					N8N_RUNNERS_ENABLED: 'true',
				};
	const env: NodeJS.ProcessEnv = {
		...baseEnv(),
		N8N_USER_FOLDER: userFolder,
		N8N_ENCRYPTION_KEY: options.encryptionKey ?? randomBytes(24).toString('hex'),
		N8N_PORT: String(port),
		N8N_LISTEN_ADDRESS: '127.0.0.1',
		N8N_HOST: '127.0.0.1',
		N8N_PROTOCOL: 'http',
		N8N_EDITOR_BASE_URL: `${baseUrl}/`,
		N8N_SECURE_COOKIE: 'false',
		GENERIC_TIMEZONE: 'UTC',
		TZ: 'UTC',
		DB_TYPE: 'sqlite',
		DB_SQLITE_POOL_SIZE: '2',
		N8N_LOG_LEVEL: 'info',
		N8N_LOG_OUTPUT: 'console',
		N8N_ENFORCE_SETTINGS_FILE_PERMISSIONS: 'false',
		// Code nodes run in n8n's task runner, a child process of n8n talking to it on this port.
		N8N_RUNNERS_MODE: 'internal',
		N8N_RUNNERS_BROKER_PORT: String(brokerPort),
		N8N_RUNNERS_BROKER_LISTEN_ADDRESS: '127.0.0.1',
		N8N_RUNNERS_AUTH_TOKEN: randomBytes(16).toString('hex'),
		// Community packages from <userFolder>/.n8n/nodes, without asking any registry about them.
		N8N_COMMUNITY_PACKAGES_ENABLED: 'true',
		// n8n 1.x offers community nodes to the AI Agent only when this is set; 2.x ignores it.
		N8N_COMMUNITY_PACKAGES_ALLOW_TOOL_USAGE: 'true',
		N8N_VERIFIED_PACKAGES_ENABLED: 'false',
		N8N_UNVERIFIED_PACKAGES_ENABLED: 'true',
		N8N_REINSTALL_MISSING_PACKAGES: 'false',
		N8N_COMMUNITY_PACKAGES_REGISTRY: BLACKHOLE,
		// Nothing phones home: every outside endpoint off, and pointed at a closed local port anyway.
		N8N_DIAGNOSTICS_ENABLED: 'false',
		N8N_DIAGNOSTICS_CONFIG_FRONTEND: '',
		N8N_DIAGNOSTICS_CONFIG_BACKEND: '',
		N8N_DIAGNOSTICS_POSTHOG_API_HOST: BLACKHOLE,
		N8N_VERSION_NOTIFICATIONS_ENABLED: 'false',
		N8N_VERSION_NOTIFICATIONS_WHATS_NEW_ENABLED: 'false',
		N8N_VERSION_NOTIFICATIONS_ENDPOINT: `${BLACKHOLE}/`,
		N8N_VERSION_NOTIFICATIONS_WHATS_NEW_ENDPOINT: `${BLACKHOLE}/`,
		N8N_TEMPLATES_ENABLED: 'false',
		N8N_TEMPLATES_HOST: `${BLACKHOLE}/`,
		N8N_PERSONALIZATION_ENABLED: 'false',
		N8N_DYNAMIC_BANNERS_ENABLED: 'false',
		N8N_DYNAMIC_BANNERS_ENDPOINT: `${BLACKHOLE}/`,
		N8N_HIRING_BANNER_ENABLED: 'false',
		N8N_AI_ENABLED: 'false',
		N8N_AI_ASSISTANT_BASE_URL: BLACKHOLE,
		N8N_LICENSE_AUTO_RENEW_ENABLED: 'false',
		N8N_LICENSE_SERVER_URL: `${BLACKHOLE}/v1`,
		N8N_PUBLIC_API_DISABLED: 'false',
		N8N_SSRF_PROTECTION_ENABLED: 'false',
		EXTERNAL_FRONTEND_HOOKS_URLS: '',
		N8N_GRACEFUL_SHUTDOWN_TIMEOUT: '5',
		...byVersion,
		...options.env,
	};
	return { host, userFolder, port, brokerPort, env, logDir, baseUrl };
}

// ---------------------------------------------------------------------------------------------
// Installing the package under test

/**
 * Installs the packed tarball as n8n 2.x installs a community package: unpacked into
 * `<userFolder>/.n8n/nodes/node_modules/<name>`, dev/peer/optional dependencies dropped from its
 * package.json, `npm install` (production dependencies only, no scripts) inside it, and the package
 * recorded in `nodes/package.json`.
 */
export function installPackage(instance: N8nInstance, tarball: string): { name: string; version: string } {
	const nodesDir = path.join(instance.userFolder, '.n8n', 'nodes');
	const unpackDir = fs.mkdtempSync(path.join(os.tmpdir(), 'evovoice-unpack-'));
	try {
		run('tar', ['-xzf', tarball, '-C', unpackDir, '--strip-components=1']);
		const manifestPath = path.join(unpackDir, 'package.json');
		const { devDependencies, peerDependencies, optionalDependencies, ...manifest } = JSON.parse(
			fs.readFileSync(manifestPath, 'utf8'),
		) as Record<string, unknown> & { name: string; version: string };
		void devDependencies;
		void peerDependencies;
		void optionalDependencies;
		const packageDir = path.join(nodesDir, 'node_modules', manifest.name);
		fs.rmSync(packageDir, { recursive: true, force: true });
		fs.mkdirSync(path.dirname(packageDir), { recursive: true });
		fs.cpSync(unpackDir, packageDir, { recursive: true });
		fs.writeFileSync(path.join(packageDir, 'package.json'), JSON.stringify(manifest, null, 2));
		const npmEnv: NodeJS.ProcessEnv = { ...baseEnv(), npm_config_yes: 'true', npm_config_update_notifier: 'false' };
		for (const [key, value] of Object.entries(process.env)) if (KEEP_NPM_CONFIG.test(key)) npmEnv[key] = value;
		run(
			'npm',
			[
				'install',
				'--audit=false',
				'--fund=false',
				'--bin-links=false',
				'--install-strategy=shallow',
				'--ignore-scripts=true',
				'--package-lock=false',
				'--omit=dev',
				'--omit=peer',
				'--omit=optional',
			],
			{ cwd: packageDir, env: npmEnv },
		);
		const nodesManifestPath = path.join(nodesDir, 'package.json');
		const nodesManifest = fs.existsSync(nodesManifestPath)
			? (JSON.parse(fs.readFileSync(nodesManifestPath, 'utf8')) as { dependencies?: Record<string, string> })
			: { name: 'installed-nodes', private: true, dependencies: {} };
		nodesManifest.dependencies = { ...(nodesManifest.dependencies ?? {}), [manifest.name]: manifest.version };
		fs.writeFileSync(nodesManifestPath, JSON.stringify(nodesManifest, null, 2));
		return { name: manifest.name, version: manifest.version };
	} finally {
		fs.rmSync(unpackDir, { recursive: true, force: true });
	}
}

function run(command: string, args: string[], options: { cwd?: string; env?: NodeJS.ProcessEnv } = {}): string {
	const result = spawnSync(command, args, { encoding: 'utf8', ...options, maxBuffer: 64 * 1024 * 1024 });
	if (result.status !== 0) {
		throw new Error(
			`${command} ${args.join(' ')} failed (${result.error?.message ?? `exit ${result.status}`})\n${tail(
				`${result.stdout ?? ''}\n${result.stderr ?? ''}`,
			)}`,
		);
	}
	return result.stdout;
}

// ---------------------------------------------------------------------------------------------
// The n8n CLI

export interface CliResult {
	code: number | null;
	signal: NodeJS.Signals | null;
	stdout: string;
	stderr: string;
	ms: number;
	logFile: string;
}

let cliCounter = 0;

/** Runs `n8n <args>` against the instance and collects its output (also written to logDir). */
export async function cli(
	instance: N8nInstance,
	args: string[],
	options: { timeoutMs?: number } = {},
): Promise<CliResult> {
	const started = Date.now();
	const logFile = path.join(
		instance.logDir,
		`${String(++cliCounter).padStart(2, '0')}-${args[0].replace(/[^a-z0-9]+/gi, '_')}.log`,
	);
	const child = track(
		spawn(instance.host.nodeBin, [instance.host.n8nBin, ...args], {
			cwd: instance.userFolder,
			env: instance.env,
			detached: true,
			stdio: ['ignore', 'pipe', 'pipe'],
		}),
	);
	let stdout = '';
	let stderr = '';
	child.stdout?.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk));
	child.stderr?.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
	const timeoutMs = options.timeoutMs ?? 5 * 60_000;
	let timedOut = false;
	const timer = setTimeout(() => {
		timedOut = true;
		killGroup(child, 'SIGKILL');
	}, timeoutMs);
	const [code, signal] = await new Promise<[number | null, NodeJS.Signals | null]>((resolve) => {
		child.once('error', (error) => {
			stderr += `\n${error.message}`;
			resolve([null, null]);
		});
		child.once('close', (c, s) => resolve([c, s]));
	});
	clearTimeout(timer);
	// The task runner and other children of n8n must not outlive the command.
	killGroup(child, 'SIGKILL');
	if (timedOut) stderr += `\n[e2e] n8n ${args[0]} timed out after ${timeoutMs / 1000}s and was killed`;
	fs.writeFileSync(
		logFile,
		`$ n8n ${args.join(' ')}\n[exit ${code ?? signal}] in ${Date.now() - started} ms\n--- stdout\n${stdout}\n--- stderr\n${stderr}\n`,
	);
	return { code, signal, stdout, stderr, ms: Date.now() - started, logFile };
}

function cliFailure(what: string, result: CliResult): Error {
	return new Error(
		`${what} failed (exit ${result.code ?? result.signal}); full output in ${result.logFile}\n${tail(
			`${result.stdout}\n${result.stderr}`,
		)}`,
	);
}

export interface CredentialImport {
	id: string;
	name: string;
	type: string;
	/** Plain (decrypted) data: n8n encrypts it on import. */
	data: Record<string, unknown>;
}

export async function importCredentials(instance: N8nInstance, credentials: CredentialImport[]): Promise<void> {
	const file = path.join(instance.userFolder, 'import-credentials.json');
	fs.writeFileSync(file, JSON.stringify(credentials, null, 2));
	try {
		const result = await cli(instance, ['import:credentials', `--input=${file}`]);
		const output = `${result.stdout}\n${result.stderr}`;
		if (result.code !== 0 || !/Successfully imported/i.test(output) || /error occurred/i.test(output)) {
			throw cliFailure('n8n import:credentials', result);
		}
	} finally {
		fs.rmSync(file, { force: true }); // it holds the secrets in plain text
	}
}

/** Imports workflows (objects in the editor's export shape, each with an `id`). */
export async function importWorkflows(instance: N8nInstance, workflows: object[]): Promise<void> {
	const dir = path.join(instance.userFolder, 'import-workflows');
	fs.rmSync(dir, { recursive: true, force: true });
	fs.mkdirSync(dir, { recursive: true });
	workflows.forEach((workflow, index) => {
		fs.writeFileSync(path.join(dir, `${String(index).padStart(3, '0')}.json`), JSON.stringify(workflow, null, 2));
	});
	const result = await cli(instance, ['import:workflow', '--separate', `--input=${dir}`]);
	const output = `${result.stdout}\n${result.stderr}`;
	if (result.code !== 0 || !/Successfully imported/i.test(output) || /error occurred/i.test(output)) {
		throw cliFailure('n8n import:workflow', result);
	}
}

/** The parts of n8n's IRun the suite reads. */
export interface RunItem {
	json: Record<string, unknown>;
	pairedItem?: unknown;
}
export interface TaskData {
	executionStatus?: string;
	error?: { message?: string; description?: string; name?: string; [key: string]: unknown };
	data?: { main?: Array<RunItem[] | null> };
}
export interface IRunLike {
	finished?: boolean;
	status?: string;
	mode?: string;
	data: {
		resultData: {
			runData: Record<string, TaskData[]>;
			lastNodeExecuted?: string;
			error?: { message?: string; description?: string; [key: string]: unknown };
		};
	};
}

export interface ExecuteResult {
	ok: boolean;
	run?: IRunLike;
	cli: CliResult;
	/** Error message when !ok. */
	error?: string;
}

/** Finds the top-level JSON objects printed on their own lines (n8n prints the run with 2-space indent). */
export function extractJsonObjects(text: string): unknown[] {
	const found: unknown[] = [];
	const starts: number[] = [];
	const re = /(^|\n)\{\s*\n/g;
	for (let match = re.exec(text); match; match = re.exec(text)) starts.push(match.index + match[1].length);
	let consumedUntil = -1;
	for (const start of starts) {
		if (start < consumedUntil) continue;
		let depth = 0;
		let inString = false;
		let escaped = false;
		for (let i = start; i < text.length; i++) {
			const ch = text[i];
			if (inString) {
				if (escaped) escaped = false;
				else if (ch === '\\') escaped = true;
				else if (ch === '"') inString = false;
				continue;
			}
			if (ch === '"') inString = true;
			else if (ch === '{' || ch === '[') depth++;
			else if (ch === '}' || ch === ']') {
				depth--;
				if (depth === 0) {
					try {
						found.push(JSON.parse(text.slice(start, i + 1)));
						consumedUntil = i + 1;
					} catch {
						// not JSON after all
					}
					break;
				}
			}
		}
	}
	return found;
}

function isRun(value: unknown): value is IRunLike {
	const data = (value as IRunLike | undefined)?.data;
	return typeof data === 'object' && data !== null && typeof data.resultData === 'object';
}

/** `n8n execute --id=<id> --rawOutput`, with the run parsed from its output. */
export async function executeWorkflow(
	instance: N8nInstance,
	workflowId: string,
	options: { timeoutMs?: number } = {},
): Promise<ExecuteResult> {
	const result = await cli(instance, ['execute', `--id=${workflowId}`, '--rawOutput'], options);
	const run = extractJsonObjects(result.stdout).filter(isRun).pop();
	if (!run) {
		return {
			ok: false,
			cli: result,
			error: `no run data in the output of n8n execute (exit ${result.code ?? result.signal}); see ${result.logFile}\n${tail(
				`${result.stdout}\n${result.stderr}`,
				40,
			)}`,
		};
	}
	const runError = run.data.resultData.error;
	const nodeErrors = Object.entries(run.data.resultData.runData)
		.flatMap(([node, tasks]) => tasks.filter((t) => t.error).map((t) => `${node}: ${t.error?.message ?? 'error'}`));
	if (runError || nodeErrors.length || result.code !== 0) {
		return {
			ok: false,
			run,
			cli: result,
			error: [
				runError ? `${runError.message ?? 'error'}${runError.description ? ` (${runError.description})` : ''}` : '',
				...nodeErrors,
				result.code !== 0 ? `n8n execute exited ${result.code ?? result.signal}; see ${result.logFile}` : '',
			]
				.filter(Boolean)
				.join('; '),
		};
	}
	return { ok: true, run, cli: result };
}

/** The items a node output on its first (or given) output, over all its runs. */
export function nodeOutput(run: IRunLike, nodeName: string, outputIndex = 0): Array<Record<string, unknown>> {
	const tasks = run.data.resultData.runData[nodeName];
	if (!tasks) throw new Error(`node "${nodeName}" did not run (ran: ${Object.keys(run.data.resultData.runData).join(', ')})`);
	return tasks.flatMap((task) => (task.data?.main?.[outputIndex] ?? []).map((item) => item.json));
}

// ---------------------------------------------------------------------------------------------
// n8n start

export interface N8nServer {
	instance: N8nInstance;
	baseUrl: string;
	process: ChildProcess;
	/** Everything the server printed so far. */
	output(): string;
	stop(): Promise<void>;
}

export async function startServer(
	instance: N8nInstance,
	options: { timeoutMs?: number; echo?: boolean } = {},
): Promise<N8nServer> {
	const logFile = path.join(instance.logDir, 'server.log');
	const log = fs.openSync(logFile, 'a');
	const child = track(
		spawn(instance.host.nodeBin, [instance.host.n8nBin, 'start'], {
			cwd: instance.userFolder,
			env: instance.env,
			detached: true,
			stdio: ['ignore', 'pipe', 'pipe'],
		}),
	);
	let output = '';
	const onData = (chunk: string) => {
		output += chunk;
		if (output.length > 4_000_000) output = output.slice(-2_000_000);
		fs.writeSync(log, chunk);
		if (options.echo) process.stdout.write(chunk);
	};
	child.stdout?.setEncoding('utf8').on('data', onData);
	child.stderr?.setEncoding('utf8').on('data', onData);
	let exited: string | undefined;
	child.once('exit', (code, signal) => {
		exited = `exit ${code ?? signal}`;
	});

	const stop = async () => {
		if (exited === undefined) {
			killGroup(child, 'SIGTERM');
			const deadline = Date.now() + 15_000;
			while (exited === undefined && Date.now() < deadline) await sleep(100);
		}
		killGroup(child, 'SIGKILL');
		try {
			fs.closeSync(log);
		} catch {
			// closed already
		}
	};

	const deadline = Date.now() + (options.timeoutMs ?? 180_000);
	for (;;) {
		if (exited !== undefined) {
			await stop();
			throw new Error(`n8n start ended (${exited}) before it was ready; log: ${logFile}\n${tail(output)}`);
		}
		if (Date.now() > deadline) {
			await stop();
			throw new Error(`n8n start not ready after ${(options.timeoutMs ?? 180_000) / 1000}s; log: ${logFile}\n${tail(output)}`);
		}
		try {
			const health = await fetch(`${instance.baseUrl}/healthz/readiness`, { signal: AbortSignal.timeout(2000) });
			if (health.ok) {
				const settings = await fetch(`${instance.baseUrl}/rest/settings`, { signal: AbortSignal.timeout(5000) });
				if (settings.ok) break;
			}
		} catch {
			// not listening yet
		}
		await sleep(500);
	}
	return { instance, baseUrl: instance.baseUrl, process: child, output: () => output, stop };
}

// ---------------------------------------------------------------------------------------------
// REST API (as the editor calls it)

export interface RestResponse<T = unknown> {
	status: number;
	body: T;
	text: string;
}

export class N8nRest {
	private cookie = '';

	/** n8n binds the session to the browser that logged in; the editor sends this header. */
	private readonly browserId = randomUUID();

	constructor(readonly baseUrl: string) {}

	async request<T = unknown>(method: string, urlPath: string, body?: unknown): Promise<RestResponse<T>> {
		const headers: Record<string, string> = { accept: 'application/json', 'browser-id': this.browserId };
		if (body !== undefined) headers['content-type'] = 'application/json';
		if (this.cookie) headers.cookie = this.cookie;
		const response = await fetch(`${this.baseUrl}${urlPath}`, {
			method,
			headers,
			body: body === undefined ? undefined : JSON.stringify(body),
			signal: AbortSignal.timeout(60_000),
		});
		const setCookie = response.headers.getSetCookie?.() ?? [];
		for (const cookie of setCookie) {
			const [pair] = cookie.split(';');
			if (pair.startsWith('n8n-auth=')) this.cookie = pair;
		}
		const text = await response.text();
		let parsed: unknown = text;
		try {
			parsed = text ? JSON.parse(text) : undefined;
		} catch {
			// not JSON
		}
		return { status: response.status, body: parsed as T, text };
	}

	/** Like request, but throws unless 2xx, and unwraps n8n's `{ data }` envelope. */
	async call<T = unknown>(method: string, urlPath: string, body?: unknown): Promise<T> {
		const response = await this.request<{ data?: T }>(method, urlPath, body);
		if (response.status < 200 || response.status >= 300) {
			throw new Error(`${method} ${urlPath} → HTTP ${response.status}: ${response.text.slice(0, 800)}`);
		}
		const envelope = response.body as { data?: T } | undefined;
		return (envelope && typeof envelope === 'object' && 'data' in envelope ? envelope.data : envelope) as T;
	}

	async setupOwner(owner: OwnerAccount): Promise<void> {
		await this.call('POST', '/rest/owner/setup', {
			email: owner.email,
			firstName: owner.firstName,
			lastName: owner.lastName,
			password: owner.password,
		});
	}

	async login(owner: Pick<OwnerAccount, 'email' | 'password'>): Promise<void> {
		// 1.x and 2.x name the login field differently.
		const response = await this.request('POST', '/rest/login', {
			emailOrLdapLoginId: owner.email,
			email: owner.email,
			password: owner.password,
		});
		if (response.status !== 200) throw new Error(`login failed: HTTP ${response.status} ${response.text.slice(0, 400)}`);
	}

	/**
	 * POST /rest/credentials/test as the editor's "Retry"/"Save" does. Returns n8n's verdict
	 * (`status: 'OK' | 'Error'`, message).
	 */
	async testCredential(credential: CredentialImport): Promise<{ status: string; message: string }> {
		return await this.call('POST', '/rest/credentials/test', { credentials: credential });
	}

	async getWorkflow(id: string): Promise<{ id: string; versionId?: string; active?: boolean; name: string }> {
		return await this.call('GET', `/rest/workflows/${id}`);
	}

	/** Activates (2.x: publishes) a workflow so its production webhook listens. */
	async activateWorkflow(id: string): Promise<void> {
		const workflow = await this.getWorkflow(id);
		const response = await this.request('POST', `/rest/workflows/${id}/activate`, {
			versionId: workflow.versionId,
		});
		if (response.status >= 200 && response.status < 300) return;
		if (response.status !== 404) {
			throw new Error(`activating workflow ${id} failed: HTTP ${response.status} ${response.text.slice(0, 800)}`);
		}
		// n8n 1.x: activation is a PATCH of the workflow.
		await this.call('PATCH', `/rest/workflows/${id}`, { active: true, versionId: workflow.versionId });
	}

	async deactivateWorkflow(id: string): Promise<void> {
		const response = await this.request('POST', `/rest/workflows/${id}/deactivate`, {});
		if (response.status >= 200 && response.status < 300) return;
		const workflow = await this.getWorkflow(id);
		await this.call('PATCH', `/rest/workflows/${id}`, { active: false, versionId: workflow.versionId });
	}

	async listWorkflows(): Promise<Array<{ id: string; name: string; active?: boolean }>> {
		return await this.call('GET', '/rest/workflows');
	}

	/** The newest executions of a workflow, newest first (as the editor's Executions tab lists them). */
	async listExecutions(workflowId: string, limit = 20): Promise<Array<{ id: string; status?: string; finished?: boolean }>> {
		const filter = encodeURIComponent(JSON.stringify({ workflowId }));
		const result = await this.call<{ results?: Array<{ id: string; status?: string; finished?: boolean }> }>(
			'GET',
			`/rest/executions?filter=${filter}&limit=${limit}`,
		);
		return result?.results ?? [];
	}

	/** One execution with its run data (n8n sends it in the `flatted` format; decoded here). */
	async getExecution(id: string): Promise<{ id: string; status?: string; run: IRunLike }> {
		const execution = await this.call<{ id: string; status?: string; data: string | IRunLike['data'] }>(
			'GET',
			`/rest/executions/${id}`,
		);
		const data = typeof execution.data === 'string' ? (parseFlatted(execution.data) as IRunLike['data']) : execution.data;
		return { id: execution.id, status: execution.status, run: { data } };
	}
}

/**
 * Decodes the `flatted` format n8n stores run data in: a JSON array whose first entry is the root;
 * inside objects and arrays every string is the index of the entry holding the real value.
 */
export function parseFlatted(text: string): unknown {
	const input = JSON.parse(text) as unknown[];
	const revived = new Set<object>();
	const revive = (node: Record<string, unknown> | unknown[]): void => {
		if (revived.has(node)) return;
		revived.add(node);
		for (const key of Object.keys(node)) {
			const value = (node as Record<string, unknown>)[key];
			if (typeof value !== 'string') continue;
			const target = input[Number(value)];
			(node as Record<string, unknown>)[key] = target;
			if (typeof target === 'object' && target !== null) revive(target as Record<string, unknown>);
		}
	};
	const root = input[0];
	if (typeof root === 'object' && root !== null) revive(root as Record<string, unknown>);
	return root;
}

/** Every error message in a run: the run's own and each node's. */
export function runErrors(run: IRunLike): string[] {
	const messages: string[] = [];
	const top = run.data?.resultData?.error;
	if (top) messages.push([top.message, top.description].filter(Boolean).join(' — '));
	for (const [node, tasks] of Object.entries(run.data?.resultData?.runData ?? {})) {
		for (const task of tasks) {
			if (task.error) messages.push(`${node}: ${[task.error.message, task.error.description].filter(Boolean).join(' — ')}`);
		}
	}
	return messages;
}

export interface OwnerAccount {
	email: string;
	firstName: string;
	lastName: string;
	password: string;
}

/** POSTs JSON to a production webhook of a running n8n. */
export async function postWebhook(
	server: N8nServer,
	webhookPath: string,
	body: unknown,
): Promise<{ status: number; body: unknown; text: string }> {
	const response = await fetch(`${server.baseUrl}/webhook/${webhookPath}`, {
		method: 'POST',
		headers: { 'content-type': 'application/json', accept: 'application/json' },
		body: JSON.stringify(body),
		signal: AbortSignal.timeout(120_000),
	});
	const text = await response.text();
	let parsed: unknown = text;
	try {
		parsed = JSON.parse(text);
	} catch {
		// not JSON
	}
	return { status: response.status, body: parsed, text };
}
