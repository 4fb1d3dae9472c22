import { pick, say } from '../checks';
import { WEBHOOK_PATH } from '../../../scripts/n8n/project';
import { CRM_CONTACTS } from '../fixtures';
import type { N8nRest } from '../../../scripts/n8n/rest';
import { runErrors } from '../../../scripts/n8n/run-data';
import { postWebhook } from '../../../scripts/n8n/server';
import type { Step } from './types';

/**
 * crm-webhook-to-evo-voice.json (Create or Update) activated and called over real HTTP: known
 * contacts update their customer (merging data values); a new one is created once, with its
 * reference ID, and the same event again updates it; a reference ID two customers share fails,
 * names itself in the execution's error, and changes nothing.
 */
export const webhookStep: Step = {
	name: 'activate crm-webhook-to-evo-voice.json and POST to its production webhook',
	needsServer: true,
	async run({ server, rest, sandbox: sb, seed, checks }) {
		await rest.activateWorkflow('evovoiceExCrmHook');
		let listening = false;
		for (const contact of CRM_CONTACTS) {
			const { customerId, ...payload } = contact;
			let response = await postWebhook(server, WEBHOOK_PATH, payload);
			// Activation registers the webhook asynchronously on some versions: retry briefly on 404.
			for (let attempt = 0; response.status === 404 && !listening && attempt < 20; attempt++) {
				await new Promise((r) => setTimeout(r, 500));
				response = await postWebhook(server, WEBHOOK_PATH, payload);
			}
			listening = true;
			checks.workflows++;
			checks.items++;
			const body = response.body as Record<string, unknown>;
			if (!checks.equal(`webhook ${contact.crmId}: HTTP status`, response.status, 200)) {
				say(`    response: ${response.text.slice(0, 600)}`);
				continue;
			}
			checks.equal(`webhook ${contact.crmId}: n8n answered with the updated customer`, [body?.id, body?.name], [customerId, contact.name]);
			const customer = sb.state.customers[customerId];
			const seeded = seed.customers.find((c) => c.id === customerId)!;
			checks.equal(`webhook ${contact.crmId}: sandbox name`, customer.name, contact.name);
			checks.equal(`webhook ${contact.crmId}: sandbox referenceId kept`, customer.referenceId, contact.crmId);
			checks.equal(`webhook ${contact.crmId}: sandbox data values`, pick(customer.data, ['Plan', 'Seats', 'Vip']), {
				Plan: { stringValue: contact.plan },
				Seats: { numberValue: contact.seats },
				Vip: { boolValue: contact.vip },
			});
			const otherKeys = Object.keys(seeded.data ?? {}).filter((k) => !['Plan', 'Seats', 'Vip'].includes(k));
			checks.equal(`webhook ${contact.crmId}: other data values kept (merge)`, pick(customer.data, otherKeys), pick(seeded.data, otherKeys));
			checks.equal(`webhook ${contact.crmId}: sandbox tags`, (customer.tags ?? []).map((t) => t.id).sort(), [...contact.tags].sort());
		}
		// A new contact: created with its reference ID; the same event again (a CRM retry) finds it.
		const { customerId: _known, ...known } = CRM_CONTACTS[0];
		void _known;
		const newContact = { ...known, crmId: 'crm-e2e-new', name: 'New From The CRM' };
		const holders = () => Object.values(sb.state.customers).filter((c) => c.referenceId === newContact.crmId);
		const created = await postWebhook(server, WEBHOOK_PATH, newContact);
		const again = await postWebhook(server, WEBHOOK_PATH, newContact);
		checks.workflows += 2;
		checks.equal('webhook with a new reference ID: created once, and the retry is that customer', [created.status, again.status, holders().length], [200, 200, 1]);
		checks.equal('webhook with a new reference ID: n8n answered with it both times', [(created.body as { id?: string })?.id, (again.body as { id?: string })?.id], [holders()[0]?.id, holders()[0]?.id]);
		checks.equal('webhook with a new reference ID: its name, account and tags', [holders()[0]?.name, holders()[0]?.accountId, (holders()[0]?.tags ?? []).map((t) => t.id).sort()], [newContact.name, 'acc-reseller', [...newContact.tags].sort()]);
		const stateBefore = JSON.stringify(sb.state.customers);
		for (const [label, crmId] of [['a reference ID two customers share', 'crm-dup']] as const) {
			const { customerId: _unused, ...payload } = CRM_CONTACTS[0];
			void _unused;
			const known = new Set((await rest.listExecutions('evovoiceExCrmHook', 50)).map((e) => e.id));
			const response = await postWebhook(server, WEBHOOK_PATH, { ...payload, crmId });
			checks.workflows++;
			say(`    ${label} → HTTP ${response.status} ${response.text.slice(0, 200)}`);
			checks.ok(`webhook with ${label}: n8n reports the failure`, response.status >= 400, () => `HTTP ${response.status} ${response.text.slice(0, 300)}`);
			// The failed execution, as the editor's Executions tab shows it: its error must name the reference ID.
			const message = await newErrorMessage(rest, 'evovoiceExCrmHook', known);
			say(`      n8n's execution error: ${message}`);
			checks.ok(`webhook with ${label}: the execution's error names ${crmId}`, message.includes(crmId), () => `error was: ${message}`);
		}
		checks.ok('webhook failures changed no customer', JSON.stringify(sb.state.customers) === stateBefore);
	},
};

/** The error of the first failed execution of a workflow not in `known` (executions are saved after the response). */
async function newErrorMessage(rest: N8nRest, workflowId: string, known: Set<string>): Promise<string> {
	for (let attempt = 0; attempt < 40; attempt++) {
		const executions = await rest.listExecutions(workflowId, 50);
		const fresh = executions.find((e) => !known.has(e.id) && (e.status === 'error' || e.status === 'crashed'));
		if (fresh) {
			const errors = runErrors((await rest.getExecution(fresh.id)).run);
			return errors.length ? errors.join(' | ') : `(execution ${fresh.id} failed without an error message)`;
		}
		await new Promise((r) => setTimeout(r, 250));
	}
	return '(no new failed execution found)';
}
