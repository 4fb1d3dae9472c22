/** `n8n start` until it is ready, and its production webhooks. */
import { spawn, type ChildProcess } from 'child_process';
import * as fs from 'fs';
import * as path from 'path';

import type { N8nInstance } from './instance';
import { killGroup, sleep, tail, track } from './processes';

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
