/**
 * An isolated n8n instance (its own user folder, ports, encryption key and nothing that phones
 * home), and the packed package installed into it as n8n installs community packages.
 */
import { randomBytes } from 'crypto';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';

import { KEEP_NPM_CONFIG, type N8nHost } from './hosts';
import { freePort, run } from './processes';

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
export function baseEnv(): NodeJS.ProcessEnv {
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

