/**
 * End-to-end step: reference-ID look-ups at reseller scale, through the PRODUCTION webhook of an
 * active workflow in real n8n. The sandbox gets 5,000 more customers; every count below comes from
 * the sandbox's request counters.
 * - The first event for a reference ID costs one look-up (one scan of the list) and the write.
 * - Every later event costs at most 3 requests (the verified read, which is also the merge base,
 *   the PATCH, and the read-back that confirms a merged change when the event changed one), also
 *   for customers the first scan came across without being asked for.
 * - After the reference ID moves to another customer, the next event updates the new holder and
 *   never the old one.
 * - A reference ID held by two customers fails; n8n's execution error names both.
 * - n8n keeps the cache in the workflow's static data, in its database.
 */
import { makeCustomers, type CustomerInfo } from '../../../sandbox';
import { say } from '../checks';
import { webhookWorkflow, type Credential } from '../fixtures';
import { CREDENTIAL_ID, CREDENTIAL_NAME } from '../../../scripts/n8n/project';
import { sleep } from '../../../scripts/n8n/processes';
import type { N8nRest } from '../../../scripts/n8n/rest';
import { runErrors } from '../../../scripts/n8n/run-data';
import { postWebhook } from '../../../scripts/n8n/server';
import type { ServerContext, Step } from './types';

export const SANDBOX_CREDENTIAL: Credential = { id: CREDENTIAL_ID, name: CREDENTIAL_NAME };

export const REFERENCE_CUSTOMERS = 5_000;
const PATH = 'evovoice-reference-at-scale';
const PAGE_SIZE = 100;
const LIST = 'GET /customers';
const GET = 'GET /customers/:id';
const PATCH = 'PATCH /customers/:id';

const num = (i: number) => String(i).padStart(5, '0');
export const refCustomerId = (i: number) => `cus-ref-${num(i)}`;
export const refId = (i: number) => `crm-ref-${num(i)}`;

/** 5,000 plain customers of their own (cus-ref-…, crm-ref-…), beside whatever the sandbox holds. */
export function referenceCustomers(n = REFERENCE_CUSTOMERS): CustomerInfo[] {
	return makeCustomers(n, 'acc-reseller').map((c, k) => ({ ...c, id: refCustomerId(k + 1), referenceId: refId(k + 1), name: `Reference Customer ${num(k + 1)}` }));
}

/** A CRM event → Evo Voice Update by reference ID (name and a data value: a merge, so a read is needed). */
export function referenceWorkflow(credential: Credential, path = PATH) {
	return webhookWorkflow({ name: `CRM event by reference ID (${path})`, path, credential, parameters: {
		resource: 'customer',
		operation: 'update',
		customerId: { __rl: true, mode: 'referenceId', value: '={{ $json.body.crmId }}' },
		updateFields: {
			name: '={{ $json.body.name }}',
			data: { values: [{ name: 'Plan', type: 'string', stringValue: '={{ $json.body.plan }}' }] },
		},
	} });
}

interface EventResult {
	status: number;
	body: Record<string, unknown>;
	text: string;
	requests: Record<string, number>;
	total: number;
}

function delta(before: Record<string, number>, after: Record<string, number>): Record<string, number> {
	const out: Record<string, number> = {};
	for (const [route, count] of Object.entries(after)) if (count - (before[route] ?? 0) > 0) out[route] = count - (before[route] ?? 0);
	return out;
}

/** The static data n8n stored for the workflow, polled until `check` holds (n8n saves it after the run). */
async function storedStaticData(rest: N8nRest, workflowId: string, check: (data: unknown) => boolean): Promise<unknown> {
	let data: unknown;
	for (let attempt = 0; attempt < 40; attempt++) {
		data = (await rest.call<{ staticData?: unknown }>('GET', `/rest/workflows/${workflowId}`)).staticData;
		if (check(data)) return data;
		await sleep(250);
	}
	return data;
}

async function checkReferenceIdsAtScale({ checks, sandbox: sb, rest, server }: ServerContext): Promise<void> {
	const added = referenceCustomers();
	for (const customer of added) sb.state.customers[customer.id] = customer;
	// Held by two from the start: the first scan must see both.
	for (const i of [4000, 4001]) sb.state.customers[refCustomerId(i)] = { ...sb.state.customers[refCustomerId(i)], referenceId: 'crm-ref-shared' };
	const visible = Object.keys(sb.state.customers).length;
	const fullScan = Math.ceil(visible / PAGE_SIZE);
	say(`    sandbox: ${visible} customers, a full scan is ${fullScan} pages of ${PAGE_SIZE}`);

	const created = await rest.call<{ id: string }>('POST', '/rest/workflows', referenceWorkflow(SANDBOX_CREDENTIAL));
	const workflowId = created.id;
	try {
		await rest.activateWorkflow(workflowId);
		const event = async (crmId: string, name: string): Promise<EventResult> => {
			const before = sb.counters();
			let response = await postWebhook(server, PATH, { crmId, name, plan: 'Pro' });
			for (let attempt = 0; response.status === 404 && attempt < 20; attempt++) {
				await sleep(500);
				response = await postWebhook(server, PATH, { crmId, name, plan: 'Pro' });
			}
			const after = sb.counters();
			const requests = delta(before.byRoute, after.byRoute);
			const total = after.total - before.total;
			say(`    ${crmId} → HTTP ${response.status}, ${total} requests ${JSON.stringify(requests)}`);
			return { status: response.status, body: response.body as Record<string, unknown>, text: response.text, requests, total };
		};

		// 1. First event: one look-up.
		const first = await event(refId(2500), 'First Event');
		checks.equal('reference at scale: first event updates its customer', [first.status, first.body?.id, sb.state.customers[refCustomerId(2500)].name], [200, refCustomerId(2500), 'First Event']);
		checks.equal('reference at scale: first event reads the list once (one scan)', first.requests[LIST], fullScan);
		checks.equal('reference at scale: first event writes once', first.requests[PATCH], 1);
		checks.ok('reference at scale: first event costs one look-up plus at most 2 requests', first.total <= fullScan + 2, () => `${first.total} requests`);

		const stored = await storedStaticData(rest, workflowId, (data) => JSON.stringify(data ?? {}).includes(refCustomerId(2500)));
		checks.ok("reference at scale: n8n saved the cache in the workflow's static data", JSON.stringify(stored ?? {}).includes(`${refId(2500)}`), () => JSON.stringify(stored).slice(0, 300));

		// 2. Later events for the same customer, and for one the scan came across.
		for (const [label, i, name] of [
			['the same customer', 2500, 'Second Event'],
			['the same customer again', 2500, 'Third Event'],
			['another customer (warmed by the first scan)', 42, 'Warm Event'],
		] as const) {
			const later = await event(refId(i), name);
			checks.equal(`reference at scale: ${label} is updated`, [later.status, later.body?.id, sb.state.customers[refCustomerId(i)].name], [200, refCustomerId(i), name]);
			checks.ok(`reference at scale: ${label} costs at most 3 requests`, later.total <= 3, () => JSON.stringify(later.requests));
			checks.ok(
				`reference at scale: ${label}: the verified read, the write and at most a read-back, no scan`,
				later.requests[PATCH] === 1 && (later.requests[GET] === 1 || later.requests[GET] === 2) && Object.keys(later.requests).length === 2,
				() => JSON.stringify(later.requests),
			);
		}

		// 3. The reference ID moves to another customer.
		const old = sb.state.customers[refCustomerId(2500)];
		sb.state.customers[old.id] = { ...old, referenceId: 'crm-ref-retired' };
		sb.state.customers[refCustomerId(3000)] = { ...sb.state.customers[refCustomerId(3000)], referenceId: refId(2500) };
		const oldBefore = JSON.stringify(sb.state.customers[old.id]);
		const moved = await event(refId(2500), 'After The Move');
		checks.equal('reference at scale: after a move the new holder is updated', [moved.status, moved.body?.id, sb.state.customers[refCustomerId(3000)].name], [200, refCustomerId(3000), 'After The Move']);
		checks.ok('reference at scale: after a move the old holder is not touched', JSON.stringify(sb.state.customers[old.id]) === oldBefore, () => JSON.stringify(sb.state.customers[old.id]));
		checks.equal('reference at scale: after a move one write', moved.requests[PATCH], 1);
		checks.equal('reference at scale: after a move one fresh scan', moved.requests[LIST], fullScan);
		const settled = await event(refId(2500), 'Settled');
		checks.ok('reference at scale: the new holder then costs at most 3 requests', settled.total <= 3 && settled.body?.id === refCustomerId(3000), () => JSON.stringify(settled.requests));

		// 4. A reference ID two customers hold.
		const known = new Set((await rest.listExecutions(workflowId, 50)).map((e) => e.id));
		const shared = await event('crm-ref-shared', 'Must Not Land');
		checks.ok('reference at scale: a reference ID held by two fails', shared.status >= 400, () => `HTTP ${shared.status} ${shared.text.slice(0, 300)}`);
		checks.ok('reference at scale: nothing written for a shared reference ID', !shared.requests[PATCH], () => JSON.stringify(shared.requests));
		const message = await failedExecutionMessage(rest, workflowId, known);
		say(`      n8n's execution error: ${message}`);
		checks.ok('reference at scale: the error names both customers', message.includes(refCustomerId(4000)) && message.includes(refCustomerId(4001)), () => message);
	} finally {
		await rest.deactivateWorkflow(workflowId).catch(() => undefined);
		for (const customer of added) delete sb.state.customers[customer.id];
	}
}

/** The error of the first failed execution of a workflow not in `known` (n8n saves executions after answering). */
export async function failedExecutionMessage(rest: N8nRest, workflowId: string, known: Set<string>): Promise<string> {
	for (let attempt = 0; attempt < 40; attempt++) {
		const executions = await rest.listExecutions(workflowId, 50);
		const fresh = executions.find((e) => !known.has(e.id) && (e.status === 'error' || e.status === 'crashed'));
		if (fresh) {
			return runErrors((await rest.getExecution(fresh.id)).run).join(' | ');
		}
		await sleep(250);
	}
	return '(no new failed execution found)';
}

export const referenceIdsStep: Step = {
	name: `reference IDs at ${REFERENCE_CUSTOMERS} more customers, through a production webhook`,
	needsServer: true,
	run: checkReferenceIdsAtScale,
};
