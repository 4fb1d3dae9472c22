/**
 * (c) The raw floor: the same N PATCH /customers/{id} requests, with the same body and bearer
 * token, from Node's own http client, at most C in flight (a keep-alive agent with C sockets).
 * Each body is built and serialised per item and each answer read and parsed, as n8n does.
 *
 * Self-contained and written in erasable TypeScript only, so that the Node 24 that runs n8n runs it
 * directly (type stripping), in a child process of the runner:
 *
 *   node raw-client.ts <baseUrl> <token> <n> <concurrency> [close]
 *
 * With `close`, every request opens its own connection, as n8n's request helpers do (they build a
 * new agent for each request, so no connection is kept alive between them).
 *
 * Prints one line: RESULT {"wallMs","cpuMs","ok","failed","bytes"} for the sending part only
 * (process start-up excluded, like the baseline subtraction does for n8n).
 */
import * as http from 'node:http';

const [baseUrl, token, nText, concurrencyText, connectionMode] = process.argv.slice(2);
const n = Number(nText);
const concurrency = Number(concurrencyText);

const ITEMS = [
	'base',
	'localNumbers',
	'tollFreeNumbers',
	'inboundVoiceCalls',
	'outboundVoiceCalls',
	'inboundFaxes',
	'outboundFaxes',
	'inboundSmsMessages',
	'outboundSmsMessages',
];

const agent = connectionMode === 'close' ? new http.Agent({ keepAlive: false }) : new http.Agent({ keepAlive: true, maxSockets: concurrency });
const base = new URL(baseUrl);

function patch(i: number): Promise<boolean> {
	const billingSettings: Record<string, unknown> = {};
	for (const item of ITEMS) billingSettings[item] = { baseCost: 10, rawUnitMultiplier: 1.2, unitCost: 0.5, allowance: 100 };
	const id = `cus-bulk-${String(i + 1).padStart(5, '0')}`;
	const body = JSON.stringify({ name: `Bench Customer ${i + 1}`, billingSettings });
	return new Promise((resolve) => {
		const request = http.request(
			{
				agent,
				hostname: base.hostname,
				port: base.port,
				method: 'PATCH',
				path: `/customers/${encodeURIComponent(id)}`,
				headers: {
					Authorization: `Bearer ${token}`,
					Accept: 'application/json',
					'Content-Type': 'application/json',
					'Content-Length': Buffer.byteLength(body),
				},
			},
			(response) => {
				const chunks: Buffer[] = [];
				response.on('data', (chunk: Buffer) => chunks.push(chunk));
				response.on('end', () => {
					const text = Buffer.concat(chunks).toString('utf8');
					try {
						const parsed = JSON.parse(text) as { id?: string };
						resolve(response.statusCode === 200 && parsed.id === id);
					} catch {
						resolve(false);
					}
				});
			},
		);
		request.on('error', () => resolve(false));
		request.end(body);
	});
}

async function main(): Promise<void> {
	const startCpu = process.cpuUsage();
	const start = process.hrtime.bigint();
	let next = 0;
	let ok = 0;
	let failed = 0;
	async function worker(): Promise<void> {
		while (next < n) {
			const i = next++;
			if (await patch(i)) ok++;
			else failed++;
		}
	}
	await Promise.all(Array.from({ length: Math.min(concurrency, n) }, () => worker()));
	const wallMs = Number(process.hrtime.bigint() - start) / 1e6;
	const cpu = process.cpuUsage(startCpu);
	agent.destroy();
	process.stdout.write(`RESULT ${JSON.stringify({ wallMs, cpuMs: (cpu.user + cpu.system) / 1000, ok, failed })}\n`);
}

main().catch((error: unknown) => {
	process.stderr.write(`${String(error)}\n`);
	process.exit(1);
});
