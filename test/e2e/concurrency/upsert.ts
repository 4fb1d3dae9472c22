/**
 * Create or Update under CRM retries: 100 events for 30 reference IDs no customer holds yet, each
 * event sent twice at the same moment (a CRM retrying before the first answer came), 20 at once.
 * A reference ID must end as one customer. In regular mode (one process) that is required
 * outright; in queue mode (two workers, no lock between them) a duplicate is allowed only when it
 * is reported: a failed item whose error names both customers, so an operator can merge them.
 *
 * The installed node must offer the operation (`upsert`, in the node description n8n loaded): a
 * package without it fails here rather than skipping the check.
 */
import { randomUUID } from 'crypto';

import { say } from '../checks';
import { pool, type PostResult } from '../queue/checks';
import { activate, answeredId, postEvent, settle, succeeded, type Target } from './accounting';
import { ACCOUNT, SENDERS, shuffle } from './traffic';
import { UPSERT_PATH, upsertWorkflow } from './workflows';

export const UPSERT_EVENTS = 100;
export const UPSERT_REFERENCES = 30;
const COPIES = 2;

interface UpsertEvent {
	eventId: string;
	crmId: string;
	name: string;
	tag: string;
}

const pad = (n: number, width: number) => String(n).padStart(width, '0');
const refOf = (r: number) => `crm-upsert-${pad(r, 2)}`;

function upsertEvents(): UpsertEvent[] {
	const events = Array.from({ length: UPSERT_EVENTS }, (_, k) => {
		const r = (k % UPSERT_REFERENCES) + 1;
		return { eventId: randomUUID(), crmId: refOf(r), name: `Upsert Customer ${pad(r, 2)} v${k + 1}`, tag: `tag-upsert-${pad(k + 1, 3)}` };
	});
	return shuffle(events, 30);
}

interface NodeType {
	name: string;
	properties?: Array<{ name: string; displayOptions?: { show?: { resource?: unknown[] } }; options?: Array<{ value?: unknown }> }>;
}

/** The customer operations of the Evo Voice node as the running n8n loaded it. */
export async function customerOperations(target: Target): Promise<string[]> {
	const types = await target.rest.request<NodeType[]>('GET', '/types/nodes.json');
	const node = Array.isArray(types.body) ? types.body.filter((t) => t.name === 'n8n-nodes-evovoice.evoVoice') : [];
	if (node.length === 0) throw new Error(`n8n's /types/nodes.json (HTTP ${types.status}) lists no n8n-nodes-evovoice.evoVoice`);
	return [...new Set(node.flatMap((t) => (t.properties ?? [])
		.filter((p) => p.name === 'operation' && (p.displayOptions?.show?.resource ?? []).includes('customer'))
		.flatMap((p) => (p.options ?? []).map((o) => String(o.value)))))];
}

export async function upsertDuplicates(target: Target): Promise<void> {
	const { sb, checks } = target;
	const label = `upsert (${target.mode})`;
	const operations = await customerOperations(target);
	if (!checks.ok(`${label}: the installed node offers Create or Update`, operations.includes('upsert'), () => `customer operations: ${operations.join(', ')}`)) return;
	const events = upsertEvents();
	const refs = [...new Set(events.map((e) => e.crmId))];
	const holders = (ref: string) => Object.values(sb.state.customers).filter((c) => c.referenceId === ref);
	const settings = sb.state.systemSettings[ACCOUNT];
	settings.tags.push(...events.map((e) => ({ id: e.tag, name: e.tag, color: 'Green' })));
	let workflowId: string | undefined;
	try {
		checks.equal(`${label}: no customer holds the reference IDs before`, refs.filter((r) => holders(r).length > 0), []);
		workflowId = await activate(target, upsertWorkflow());
		const answers = new Map<UpsertEvent, PostResult[]>();
		const started = Date.now();
		await pool(events, SENDERS, async (event) => {
			answers.set(event, await Promise.all(Array.from({ length: COPIES }, () => postEvent(target, UPSERT_PATH, event))));
		});
		const seconds = (Date.now() - started) / 1000;
		const accounting = await settle(target, [workflowId], events.length * COPIES);
		say(`    ${events.length} events × ${COPIES} copies for ${refs.length} new reference IDs in ${seconds.toFixed(1)}s; executions by status: ${JSON.stringify(accounting.statuses)}`);
		target.measure(`${label}: executions by status`, JSON.stringify(accounting.statuses));
		checks.ok(`${label}: every copy of every event is one execution`, events.every((e) => (accounting.byEvent.get(e.eventId) ?? []).length === COPIES) && accounting.unnamed.length === 0);
		checks.ok(`${label}: n8n settled every execution`, accounting.unsettled.length === 0);
		const successes = (e: UpsertEvent) => (accounting.byEvent.get(e.eventId) ?? []).filter((x) => x.status === 'success').length;
		checks.ok(`${label}: a copy answered 200 is a successful execution`, events.every((e) => answers.get(e)!.filter((a) => a.status === 200).length <= successes(e)));

		const duplicated = refs.filter((r) => holders(r).length > 1);
		say(`    reference IDs held by more than one customer: ${duplicated.length}${duplicated.length ? ` (${duplicated.map((r) => `${r}: ${holders(r).map((c) => c.id).join('+')}`).slice(0, 5).join(', ')})` : ''}`);
		target.measure(`${label}: duplicated reference IDs`, `${duplicated.length}/${refs.length}`);
		if (target.mode === 'regular') {
			checks.equal(`${label}: no reference ID is held by two customers`, duplicated, []);
		} else {
			// Without a lock across workers, a duplicate may happen; then a failed item must say so.
			const unreported = duplicated.filter((r) => {
				const ids = holders(r).map((c) => c.id);
				const failed = events.filter((e) => e.crmId === r).flatMap((e) => accounting.byEvent.get(e.eventId) ?? []).filter((x) => x.status !== 'success');
				return !failed.some((x) => ids.every((id) => x.errors.join(' ').includes(id)));
			});
			checks.equal(`${label}: every duplicate is reported on a failed item naming both customers`, unreported, []);
		}
		if (target.mode === 'regular') checks.equal(`${label}: every reference ID is exactly one customer`, refs.filter((r) => holders(r).length !== 1), []);
		else checks.equal(`${label}: every reference ID is a customer`, refs.filter((r) => holders(r).length === 0), []);
		const strays = events.flatMap((e) => answers.get(e)!.filter((a) => a.status === 200 && !holders(e.crmId).some((c) => c.id === answeredId(a))).map(() => e.crmId));
		checks.equal(`${label}: every 200 answer is the customer holding its reference ID`, strays, []);
		const foreignName = refs.filter((r) => !holders(r).every((c) => events.some((e) => e.crmId === r && e.name === c.name)));
		checks.equal(`${label}: each customer carries the name one of its events sent`, foreignName, []);
		// Measured, not asserted here: a tag is a delta, whose loss the burst asserts.
		const tagsLost = events.filter((e) => succeeded(accounting, e.eventId) && !holders(e.crmId).some((c) => (c.tags ?? []).some((t) => t.id === e.tag))).length;
		target.measure(`${label}: successful events whose tag is missing`, tagsLost);
	} finally {
		if (workflowId) await target.rest.deactivateWorkflow(workflowId).catch(() => undefined);
		for (const ref of refs) for (const c of holders(ref)) delete sb.state.customers[c.id];
		const added = new Set(events.map((e) => e.tag));
		settings.tags = settings.tags.filter((t) => !added.has(t.id));
	}
}
