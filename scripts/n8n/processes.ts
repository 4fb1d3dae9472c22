/**
 * The processes the suite starts: each in its own process group, killed (the whole group) when it
 * is stopped, when the runner exits, or on SIGINT/SIGTERM, even after a failure.
 */
import { spawnSync, type ChildProcess } from 'child_process';
import * as net from 'net';


const running = new Set<ChildProcess>();

export function killGroup(child: ChildProcess, signal: NodeJS.Signals): void {
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

export function track(child: ChildProcess): ChildProcess {
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

export function tail(text: string, lines = 60): string {
	return text.split('\n').slice(-lines).join('\n');
}


export function run(command: string, args: string[], options: { cwd?: string; env?: NodeJS.ProcessEnv } = {}): string {
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
