/**
 * The two workflows of the concurrency checks, as a user builds them: a production Webhook that
 * answers with the last node's output, feeding one Evo Voice node (node version 1.1, what the
 * editor adds today) with the sandbox credential both suites import.
 */
import { CREDENTIAL_ID, CREDENTIAL_NAME } from '../../../scripts/n8n/project';
import { webhookWorkflow } from '../fixtures';
import { ACCOUNT, type Slot } from './traffic';

export const burstPath = (slot: Slot) => `evovoice-concurrency-${slot.item}-${slot.value}`;
export const UPSERT_PATH = 'evovoice-concurrency-upsert';
export const WEBHOOK_NODE = 'CRM Event';

/** A production webhook answering with the last node, feeding Evo Voice 1.1 with the sandbox credential. */
const concurrencyWorkflow = (name: string, path: string, parameters: Record<string, unknown>) =>
	webhookWorkflow({ name, path, parameters, credential: { id: CREDENTIAL_ID, name: CREDENTIAL_NAME }, typeVersion: 1.1, webhookName: WEBHOOK_NODE });

/**
 * Update by reference ID: add the event's tag, set the event's billing value; Update Mode left at
 * its default (merge). A collection's keys cannot be expressions, and an expression given for the
 * whole Billing Settings collection never reached the API (tried on 2.40.7: the executions
 * succeeded, no billing value was written; whether n8n or the node drops it was not looked into).
 * So the billing slot an event sets is chosen by the workflow: one per slot, 36 in all, as a CRM
 * sync with one workflow per synced field would have. They race on the same customers alike.
 */
export function burstWorkflow(slot: Slot, requestOptions?: Record<string, unknown>) {
	return concurrencyWorkflow(`Concurrency: CRM event → add tag, set ${slot.item}.${slot.value}`, burstPath(slot), {
		resource: 'customer',
		operation: 'update',
		customerId: { __rl: true, mode: 'referenceId', value: '={{ $json.body.crmId }}' },
		updateFields: {
			addTagIds: '={{ $json.body.tag }}',
			billingSettings: { [slot.item]: { [slot.value]: '={{ $json.body.amount }}' } },
		},
		simple: false,
		...(requestOptions ? { requestOptions } : {}),
	});
}

/** Create or Update by reference ID (the operation the node is getting): the CRM's record, sent whole. */
export function upsertWorkflow() {
	return concurrencyWorkflow('Concurrency: CRM event → create or update', UPSERT_PATH, {
		resource: 'customer',
		operation: 'upsert',
		accountId: { __rl: true, mode: 'id', value: ACCOUNT },
		referenceId: '={{ $json.body.crmId }}',
		name: '={{ $json.body.name }}',
		updateFields: { addTagIds: '={{ $json.body.tag }}' },
		simple: false,
	});
}
