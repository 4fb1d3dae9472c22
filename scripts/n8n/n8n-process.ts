/**
 * One long-running n8n process (`n8n start`, `n8n worker`): started in its own process group with
 * its output kept and logged, stopped with SIGTERM then SIGKILL, and waited on until it is ready.
 */
import { spawn, type ChildProcess } from 'child_process';
import * as fs from 'fs';
import * as path from 'path';

import type { N8nInstance } from './instance';
import { killGroup, sleep, tail, track } from './processes';

export interface N8nProcess {
	child: ChildProcess;
	logFile: string;
	/** Everything the process printed so far (the newest part, for a long run). */
	output(): string;
	/** How it ended (`exit 1`, `exit SIGKILL`), or undefined while it runs. */
	exited(): string | undefined;
	stop(): Promise<void>;
}

export function spawnN8n(
	instance: N8nInstance,
	args: string[],
	options: { logName: string; echo?: boolean; keepChars?: number },
): N8nProcess {
	const logFile = path.join(instance.logDir, options.logName);
	const log = fs.openSync(logFile, 'a');
	const keep = options.keepChars ?? 2_000_000;
	const child = track(
		spawn(instance.host.nodeBin, [instance.host.n8nBin, ...args], {
			cwd: instance.userFolder,
			env: instance.env,
			detached: true,
			stdio: ['ignore', 'pipe', 'pipe'],
		}),
	);
	let output = '';
	const onData = (chunk: string) => {
		output += chunk;
		if (output.length > 2 * keep) output = output.slice(-keep);
		fs.writeSync(log, chunk);
		if (options.echo) process.stdout.write(chunk);
	};
	child.stdout?.setEncoding('utf8').on('data', onData);
	child.stderr?.setEncoding('utf8').on('data', onData);
	let exited: string | undefined;
	child.once('exit', (code, signal) => (exited = `exit ${code ?? signal}`));

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
	return { child, logFile, output: () => output, exited: () => exited, stop };
}

/** Polls `isReady` until it says so; stops the process and throws with its log's tail if it ends or times out first. */
export async function waitUntilReady(proc: N8nProcess, label: string, isReady: () => Promise<boolean>, timeoutMs = 180_000): Promise<void> {
	const deadline = Date.now() + timeoutMs;
	for (;;) {
		const exited = proc.exited();
		if (exited !== undefined || Date.now() > deadline) {
			await proc.stop();
			const why = exited !== undefined ? `ended (${exited}) before it was ready` : `not ready after ${timeoutMs / 1000}s`;
			throw new Error(`${label} ${why}; log: ${proc.logFile}\n${tail(proc.output())}`);
		}
		try {
			if (await isReady()) return;
		} catch {
			// not listening yet
		}
		await sleep(500);
	}
}
