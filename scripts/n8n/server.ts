/** `n8n start` until it is ready, and its production webhooks. */
import type { ChildProcess } from 'child_process';

import type { N8nInstance } from './instance';
import { spawnN8n, waitUntilReady } from './n8n-process';

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
	const proc = spawnN8n(instance, ['start'], { logName: 'server.log', echo: options.echo });
	await waitUntilReady(
		proc,
		'n8n start',
		async () => {
			const health = await fetch(`${instance.baseUrl}/healthz/readiness`, { signal: AbortSignal.timeout(2000) });
			if (!health.ok) return false;
			const settings = await fetch(`${instance.baseUrl}/rest/settings`, { signal: AbortSignal.timeout(5000) });
			return settings.ok;
		},
		options.timeoutMs,
	);
	return { instance, baseUrl: instance.baseUrl, process: proc.child, output: proc.output, stop: proc.stop };
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
