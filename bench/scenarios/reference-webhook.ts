/**
 * Bench section: what one CRM webhook event costs when the customer is given by reference ID, at
 * 5,000 customers — requests (the sandbox's counters) and wall time (POST to the production
 * webhook until n8n answers), for the first event of a fresh workflow and in steady state, for
 * every variant of the package in the same run, with the sandbox answering at once and after a
 * per-request latency. Per operation: Update by reference ID, Create or Update of a reference ID
 * a customer holds (n/a for a variant whose node lacks it), and Update with Confirm Changes off
 * (variants whose node has Create or Update only: the option came with it). Every steady event
 * sets a new Plan value, so every one carries a merged change (the worst case: one to confirm).
 */
import { defaultSeed, SANDBOX_CREDENTIALS, startSandbox } from '../../sandbox';
import { importCredentials, N8nRest, postWebhook, sleep, startServer, type N8nInstance } from '../../scripts/n8n';
import { OWNER } from '../../scripts/n8n/project';
import { customerOperations } from '../../test/e2e/concurrency/upsert';
import type { Target } from '../../test/e2e/concurrency/accounting';
import { webhookWorkflow, type Credential } from '../../test/e2e/fixtures';
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

/** A workflow the events go through: Webhook → Evo Voice with these parameters. */
export interface WebhookCase {
	label: string;
	workflow(credential: Credential, path: string): object;
	/** Run only where the node offers this customer operation; "n/a" elsewhere. */
	needs?: string;
}

/** Create or Update of the same fields as referenceWorkflow (name and a data value: a merge). */
function upsertWorkflow(credential: Credential, path: string): object {
	return webhookWorkflow({
		name: `CRM event, Create or Update (${path})`,
		path,
		credential,
		parameters: {
			resource: 'customer',
			operation: 'upsert',
			accountId: { __rl: true, mode: 'id', value: 'acc-reseller' },
			referenceId: '={{ $json.body.crmId }}',
			name: '={{ $json.body.name }}',
			updateFields: { data: { values: [{ name: 'Plan', type: 'string', stringValue: '={{ $json.body.plan }}' }] } },
		},
	});
}

/** Update by reference ID as referenceWorkflow, with Request Options › Confirm Changes off. */
function unconfirmedWorkflow(credential: Credential, path: string): object {
	const workflow = referenceWorkflow(credential, path) as { nodes: Array<{ name: string; parameters: Record<string, unknown> }> };
	for (const node of workflow.nodes) if (node.name === 'Evo Voice') node.parameters.requestOptions = { confirmChanges: false };
	return workflow;
}

export const WEBHOOK_CASES: WebhookCase[] = [
	{ label: 'Update', workflow: referenceWorkflow },
	{ label: 'Create or Update', workflow: upsertWorkflow, needs: 'upsert' },
	{ label: 'Update, Confirm Changes off', workflow: unconfirmedWorkflow, needs: 'upsert' },
];

export interface WebhookBenchRow {
	operation: string;
	variant: string;
	latencyMs: number;
	firstRequests: number;
	firstMs: number;
	steadyRequests: number;
	steadyMaxRequests: number;
	/** Requests of each steady event, by route, summed over the steady events. */
	steadyByRoute: Record<string, number>;
	/** Requests of each steady event, in order. */
	steadyEach: number[];
	steadyMs: number;
	steadyMaxMs: number;
	failures: number;
	/** Why the case did not run for this variant. */
	notRun?: string;
}

/**
 * A credential per case and latency: the node remembers reference IDs per credential in the n8n
 * process too, so a workflow of its own is not enough for its first event to be a first look-up.
 */
const credentialOf = (caseIndex: number, latencyMs: number) => ({ id: `evovoice-bench-refs-${caseIndex}-${latencyMs}`, name: `Evo Voice (bench, reference IDs, ${caseIndex}, ${latencyMs} ms)` });

async function benchReferenceWebhook(variants: WebhookVariant[], settings: WebhookBenchSettings, cases: WebhookCase[] = WEBHOOK_CASES): Promise<{ rows: WebhookBenchRow[]; failures: string[] }> {
	const seed = defaultSeed();
	seed.customers.push(...referenceCustomers(settings.customers));
	const sb = await startSandbox({ host: '127.0.0.1', port: 0, seed, logLimit: 50 });
	const rows: WebhookBenchRow[] = [];
	const failures: string[] = [];
	try {
		for (const variant of variants) {
			await importCredentials(
				variant.instance,
				cases.flatMap((_, caseIndex) => settings.latenciesMs.map((latencyMs) => ({
					...credentialOf(caseIndex, latencyMs),
					type: 'evoVoiceApi',
					data: { baseUrl: sb.url, authType: 'apiToken', apiToken: SANDBOX_CREDENTIALS.adminToken },
				}))),
			);
			const server = await startServer(variant.instance);
			try {
				const rest = new N8nRest(server.baseUrl);
				await rest.signIn(OWNER);
				const operations = await customerOperations({ rest } as Pick<Target, 'rest'> as Target);
				for (const [caseIndex, wcase] of cases.entries()) for (const latencyMs of settings.latenciesMs) {
					if (wcase.needs && !operations.includes(wcase.needs)) {
						const notRun = `the node has no ${wcase.needs} operation`;
						rows.push({ operation: wcase.label, variant: variant.label, latencyMs, firstRequests: NaN, firstMs: NaN, steadyRequests: NaN, steadyMaxRequests: NaN, steadyByRoute: {}, steadyEach: [], steadyMs: NaN, steadyMaxMs: NaN, failures: 0, notRun });
						continue;
					}
					// Each case on customers of its own, so one case's events do not warm or settle another's.
					const base = 2500 + caseIndex * 10;
					sb.setFaults(latencyMs ? [{ route: '*', latencyMs }] : []);
					const path = `bench-refs-${caseIndex}-${variant.label}-${latencyMs}`.replace(/[^a-z0-9-]/gi, '-');
					const { id } = await rest.call<{ id: string }>('POST', '/rest/workflows', wcase.workflow(credentialOf(caseIndex, latencyMs), path));
					await rest.activateWorkflow(id);
					let bad = 0;
					let sent = 0;
					const event = async (crmId: string) => {
						const before = sb.counters();
						const started = process.hrtime.bigint();
						// A Plan value no event sent before: each event carries a merged change.
						const body = { crmId, name: `Bench ${crmId}`, plan: `Plan ${wcase.label} ${latencyMs} ms ${++sent}` };
						let response = await postWebhook(server, path, body);
						for (let attempt = 0; response.status === 404 && attempt < 20; attempt++) {
							await sleep(500);
							response = await postWebhook(server, path, body);
						}
						const ms = Number(process.hrtime.bigint() - started) / 1e6;
						if (response.status !== 200) {
							bad++;
							failures.push(`webhook ${wcase.label} [${variant.label}, ${latencyMs} ms] ${crmId}: HTTP ${response.status} ${response.text.slice(0, 200)}`);
						}
						const after = sb.counters();
						const byRoute = Object.fromEntries(Object.entries(after.byRoute).map(([route, n]) => [route, n - (before.byRoute[route] ?? 0)]).filter(([, n]) => Number(n) > 0));
						return { ms, requests: after.total - before.total, byRoute };
					};
					const first = await event(refId(base));
					// n8n saves the workflow's static data after the run: give it a moment before the next event.
					await sleep(500);
					const steady: Array<{ ms: number; requests: number; byRoute: Record<string, number> }> = [];
					for (let k = 0; k < settings.steadyEvents; k++) {
						// Half the events repeat the first customer, half are customers the node was never asked for.
						steady.push(await event(k % 2 === 0 ? refId(base) : refId(1 + ((k * 397 + caseIndex * 131) % settings.customers))));
					}
					const steadyByRoute: Record<string, number> = {};
					for (const s of steady) for (const [route, n] of Object.entries(s.byRoute)) steadyByRoute[route] = (steadyByRoute[route] ?? 0) + n;
					const row: WebhookBenchRow = {
						operation: wcase.label,
						variant: variant.label,
						latencyMs,
						firstRequests: first.requests,
						firstMs: first.ms,
						steadyRequests: median(steady.map((s) => s.requests)),
						steadyMaxRequests: Math.max(...steady.map((s) => s.requests)),
						steadyByRoute,
						steadyEach: steady.map((s) => s.requests),
						steadyMs: median(steady.map((s) => s.ms)),
						steadyMaxMs: Math.max(...steady.map((s) => s.ms)),
						failures: bad,
					};
					say(`[bench]   webhook ${wcase.label} [${variant.label}] latency ${latencyMs} ms: first ${row.firstRequests} requests ${row.firstMs.toFixed(0)} ms; steady ${row.steadyRequests} requests (max ${row.steadyMaxRequests}) ${row.steadyMs.toFixed(0)} ms (max ${row.steadyMaxMs.toFixed(0)}); by route ${JSON.stringify(steadyByRoute)}, each ${row.steadyEach.join(' ')}`);
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
	return rows.map((r) =>
		r.notRun
			? [r.operation, r.variant, `${r.latencyMs} ms`, 'n/a', 'n/a', 'n/a', 'n/a', 'n/a', 'n/a']
			: [r.operation, r.variant, `${r.latencyMs} ms`, String(r.firstRequests), r.firstMs.toFixed(0), String(r.steadyRequests), String(r.steadyMaxRequests), r.steadyMs.toFixed(0), r.steadyMaxMs.toFixed(0)],
	);
}

export function webhookTable(rows: string[][]): string {
	return table(
		['operation', 'variant', 'latency per request', 'first event: requests', 'first event: wall ms', 'steady: requests/event (median)', 'steady: requests/event (max)', 'steady: wall ms/event (median)', 'steady: max ms'],
		rows,
	);
}
