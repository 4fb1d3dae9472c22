/**
 * Bench section: what one CRM webhook event costs when the customer is given by reference ID, at
 * 5,000 customers — requests (the sandbox's counters) and wall time (POST to the production
 * webhook until n8n answers), for the first event of a fresh workflow and in steady state, for
 * every variant of the package in the same run, with the sandbox answering at once and after a
 * per-request latency.
 */
import { defaultSeed, SANDBOX_CREDENTIALS, startSandbox } from '../../sandbox';
import { importCredentials, N8nRest, postWebhook, sleep, startServer, type N8nInstance } from '../../scripts/n8n';
import { refId, referenceCustomers, referenceWorkflow } from '../../test/e2e/steps/reference-ids';
import type { BenchContext } from '../context';
import { QUICK, SETTINGS, say } from '../settings';
import { median, table } from '../stats';

export interface WebhookVariant {
	label: string;
	instance: N8nInstance;
}

export interface WebhookBenchSettings {
	customers: number;
	steadyEvents: number;
	latenciesMs: number[];
}

export interface WebhookBenchRow {
	variant: string;
	latencyMs: number;
	firstRequests: number;
	firstMs: number;
	steadyRequests: number;
	steadyMs: number;
	steadyMaxMs: number;
	failures: number;
}

const CREDENTIAL = { id: 'evovoice-bench-refs', name: 'Evo Voice (bench, reference IDs)' };
const OWNER = { email: 'bench@evovoice.test', firstName: 'Bench', lastName: 'Runner', password: 'EvoVoice-bench-1' };

async function benchReferenceWebhook(variants: WebhookVariant[], settings: WebhookBenchSettings): Promise<{ rows: WebhookBenchRow[]; failures: string[] }> {
	const seed = defaultSeed();
	seed.customers.push(...referenceCustomers(settings.customers));
	const sb = await startSandbox({ host: '127.0.0.1', port: 0, seed, logLimit: 50 });
	const rows: WebhookBenchRow[] = [];
	const failures: string[] = [];
	try {
		for (const variant of variants) {
			await importCredentials(variant.instance, [
				{ ...CREDENTIAL, type: 'evoVoiceApi', data: { baseUrl: sb.url, authType: 'apiToken', apiToken: SANDBOX_CREDENTIALS.adminToken } },
			]);
			const server = await startServer(variant.instance);
			try {
				const rest = new N8nRest(server.baseUrl);
				await rest.request('POST', '/rest/owner/setup', OWNER); // refused when done already: log in either way
				await rest.login(OWNER);
				for (const latencyMs of settings.latenciesMs) {
					sb.setFaults(latencyMs ? [{ route: '*', latencyMs }] : []);
					const path = `bench-refs-${variant.label}-${latencyMs}`.replace(/[^a-z0-9-]/gi, '-');
					const { id } = await rest.call<{ id: string }>('POST', '/rest/workflows', referenceWorkflow(CREDENTIAL, path));
					await rest.activateWorkflow(id);
					let bad = 0;
					const event = async (crmId: string) => {
						const before = sb.counters().total;
						const started = process.hrtime.bigint();
						let response = await postWebhook(server, path, { crmId, name: `Bench ${crmId}`, plan: 'Pro' });
						for (let attempt = 0; response.status === 404 && attempt < 20; attempt++) {
							await sleep(500);
							response = await postWebhook(server, path, { crmId, name: `Bench ${crmId}`, plan: 'Pro' });
						}
						const ms = Number(process.hrtime.bigint() - started) / 1e6;
						if (response.status !== 200) {
							bad++;
							failures.push(`webhook [${variant.label}, ${latencyMs} ms] ${crmId}: HTTP ${response.status} ${response.text.slice(0, 200)}`);
						}
						return { ms, requests: sb.counters().total - before };
					};
					const first = await event(refId(2500));
					// n8n saves the workflow's static data after the run: give it a moment before the next event.
					await sleep(500);
					const steady: Array<{ ms: number; requests: number }> = [];
					for (let k = 0; k < settings.steadyEvents; k++) {
						// Half the events repeat the first customer, half are customers the node was never asked for.
						steady.push(await event(k % 2 === 0 ? refId(2500) : refId(1 + ((k * 397) % settings.customers))));
					}
					const row: WebhookBenchRow = {
						variant: variant.label,
						latencyMs,
						firstRequests: first.requests,
						firstMs: first.ms,
						steadyRequests: median(steady.map((s) => s.requests)),
						steadyMs: median(steady.map((s) => s.ms)),
						steadyMaxMs: Math.max(...steady.map((s) => s.ms)),
						failures: bad,
					};
					say(`[bench]   webhook [${variant.label}] latency ${latencyMs} ms: first ${row.firstRequests} requests ${row.firstMs.toFixed(0)} ms; steady ${row.steadyRequests} requests ${row.steadyMs.toFixed(0)} ms (max ${row.steadyMaxMs.toFixed(0)})`);
					rows.push(row);
					await rest.deactivateWorkflow(id).catch(() => undefined);
				}
			} finally {
				await server.stop();
			}
		}
	} finally {
		sb.setFaults([]);
		await sb.close();
	}
	return { rows, failures };
}

/** 4. One CRM webhook event by reference ID at 5,000 customers, per variant: first event and steady state. */
export async function referenceWebhookScenario(ctx: BenchContext): Promise<string[][]> {
	if (SETTINGS.skip.has('webhook')) return [];
	say('[bench] webhook events by reference ID at 5,000 customers');
	const { rows, failures } = await benchReferenceWebhook(
		ctx.variants.map((v) => ({ label: v.label, instance: v.instance! })),
		{ customers: 5_000, steadyEvents: QUICK ? 6 : 20, latenciesMs: [0, 20] },
	);
	ctx.failures.push(...failures);
	ctx.results.referenceWebhook = rows;
	return rows.map((r) => [r.variant, `${r.latencyMs} ms`, String(r.firstRequests), r.firstMs.toFixed(0), String(r.steadyRequests), r.steadyMs.toFixed(0), r.steadyMaxMs.toFixed(0)]);
}

export function webhookTable(rows: string[][]): string {
	return table(
		['variant', 'latency per request', 'first event: requests', 'first event: wall ms', 'steady: requests/event (median)', 'steady: wall ms/event (median)', 'steady: max ms'],
		rows,
	);
}
