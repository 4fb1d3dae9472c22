/**
 * What the queue-mode suite sends and what it expects: the CRM example as shipped, small delta
 * workflows (add a tag, remove a tag, set one data value) for deltas sent in order, the events, and
 * the state each customer must end in.
 */
import { randomUUID } from 'crypto';

import { makeCustomers } from '../../../sandbox';
import type { CustomerInfo, SeedData } from '../../../sandbox';
import { CREDENTIAL_ID, CREDENTIAL_NAME, loadExamples } from '../../../scripts/n8n/project';
import { webhookWorkflow } from '../fixtures';

export const CRM_WORKFLOW_ID = 'evovoiceExCrmHook';
export const CRM_PATH = 'evovoice-crm-contact';

export const TAGS = ['tag-vip', 'tag-churn-risk', 'tag-new', 'tag-wholesale'] as const;
const PLANS = ['Basic', 'Pro', 'Enterprise'] as const;

/**
 * Customer ranges: the burst, the race phase and the crash test use disjoint customers. 61–90 were
 * the concurrent-delta measurement's, now the concurrency burst's own customers (../concurrency).
 */
export const RANGES = { burst: [1, 60], control: [91, 100], absolute: [101, 115], crash: [116, 155] } as const;
export const BULK_CUSTOMERS = 155;

export const bulkId = (i: number): string => `cus-bulk-${String(i).padStart(5, '0')}`;
export const bulkRef = (i: number): string => `crm-bulk-${String(i).padStart(5, '0')}`;

export function range([from, to]: readonly [number, number]): number[] {
	return Array.from({ length: to - from + 1 }, (_, k) => from + k);
}

/** The sandbox seed: the default one plus the bulk customers, control customers starting with two tags to remove. */
export function queueSeed(base: SeedData): SeedData {
	const seed = structuredClone(base);
	const bulk = makeCustomers(BULK_CUSTOMERS, 'acc-reseller');
	for (const i of range(RANGES.control)) {
		const customer = bulk[i - 1];
		customer.tags = [
			{ id: 'tag-new', name: 'New', color: 'Green' },
			{ id: 'tag-churn-risk', name: 'Churn Risk', color: 'Red' },
		] as CustomerInfo['tags'];
		customer.data = { ...customer.data, Vip: { boolValue: false } };
	}
	seed.customers.push(...bulk);
	return seed;
}

// ---------------------------------------------------------------------------------------------
// The CRM example: absolute events (full name, plan, seats, VIP flag and the full tag list)

export interface CrmEvent {
	eventId: string;
	crmId: string;
	name: string;
	plan: string;
	seats: number;
	vip: boolean;
	tags: string[];
}

/** `count` events for customer i; the k-th describes the customer's state after it (the last one wins). */
export function crmEvents(i: number, count: number): CrmEvent[] {
	return Array.from({ length: count }, (_, k) => ({
		eventId: randomUUID(),
		crmId: bulkRef(i),
		name: `Customer ${String(i).padStart(5, '0')} v${k + 1}`,
		plan: PLANS[(i + k) % 3],
		seats: ((i * 7 + k * 13) % 90) + 1,
		vip: (i + k) % 2 === 0,
		// Never empty: the example sets the full list, and an empty Set is refused by the node.
		tags: TAGS.filter((_, t) => ((i + k + t) % 3) !== 0),
	}));
}

export interface CustomerState {
	name: string;
	Plan?: string;
	Seats?: number;
	Vip?: boolean;
	tags: string[];
}

export function stateOf(customer: CustomerInfo | undefined): CustomerState | undefined {
	if (!customer) return undefined;
	return {
		name: customer.name,
		Plan: customer.data?.Plan?.stringValue,
		Seats: customer.data?.Seats?.numberValue,
		Vip: customer.data?.Vip?.boolValue,
		tags: (customer.tags ?? []).map((t) => t.id).sort(),
	};
}

export function stateAfter(event: CrmEvent): CustomerState {
	return { name: event.name, Plan: event.plan, Seats: event.seats, Vip: event.vip, tags: [...event.tags].sort() };
}

// ---------------------------------------------------------------------------------------------
// Delta workflows: each changes one thing and keeps the rest (read, merge, write inside the node)

export type DeltaKind = 'addTag' | 'removeTag' | 'plan' | 'seats';

export interface DeltaEvent {
	eventId: string;
	kind: DeltaKind;
	crmId: string;
	tag?: string;
	plan?: string;
	seats?: number;
}

export const DELTA_PATHS: Record<DeltaKind, string> = {
	addTag: 'evovoice-queue-add-tag',
	removeTag: 'evovoice-queue-remove-tag',
	plan: 'evovoice-queue-plan',
	seats: 'evovoice-queue-seats',
};

export const DELTA_WORKFLOW_IDS: Record<DeltaKind, string> = {
	addTag: 'evovoiceQAddTag',
	removeTag: 'evovoiceQRemoveTag',
	plan: 'evovoiceQPlan',
	seats: 'evovoiceQSeats',
};

function deltaFields(kind: DeltaKind): Record<string, unknown> {
	switch (kind) {
		case 'addTag':
			return { addTagIds: '={{ $json.body.tag }}' };
		case 'removeTag':
			return { removeTagIds: '={{ $json.body.tag }}' };
		case 'plan':
			return { data: { values: [{ name: 'Plan', type: 'string', stringValue: '={{ $json.body.plan }}' }] } };
		case 'seats':
			return { data: { values: [{ name: 'Seats', type: 'number', numberValue: '={{ $json.body.seats }}' }] } };
	}
}

function deltaWorkflow(kind: DeltaKind): object {
	return webhookWorkflow({
		id: DELTA_WORKFLOW_IDS[kind],
		name: `Queue suite: ${kind}`,
		path: DELTA_PATHS[kind],
		webhookName: 'Event',
		nodeName: 'Update Customer',
		credential: { id: CREDENTIAL_ID, name: CREDENTIAL_NAME },
		parameters: {
			resource: 'customer',
			operation: 'update',
			customerId: { __rl: true, mode: 'referenceId', value: '={{ $json.body.crmId }}' },
			updateFields: deltaFields(kind),
		},
	});
}

/** The workflows the suite imports: the CRM example exactly as shipped, and the four delta workflows. */
export function queueWorkflows(): object[] {
	const crm = loadExamples().find((w) => w.id === CRM_WORKFLOW_ID);
	if (!crm) throw new Error(`examples lack ${CRM_WORKFLOW_ID}`);
	return [crm, ...(Object.keys(DELTA_PATHS) as DeltaKind[]).map(deltaWorkflow)];
}

/** Four changes to different parts of one customer; every one must survive when sent in order. */
export function deltaEvents(i: number): DeltaEvent[] {
	const crmId = bulkRef(i);
	return [
		{ eventId: randomUUID(), kind: 'addTag', crmId, tag: 'tag-vip' },
		{ eventId: randomUUID(), kind: 'removeTag', crmId, tag: 'tag-churn-risk' },
		{ eventId: randomUUID(), kind: 'plan', crmId, plan: 'Enterprise' },
		{ eventId: randomUUID(), kind: 'seats', crmId, seats: 500 + i },
	];
}

/** Which of a customer's delta events its final state shows (the rest were lost). */
export function deltasApplied(events: DeltaEvent[], customer: CustomerInfo | undefined): Map<DeltaEvent, boolean> {
	const tags = new Set((customer?.tags ?? []).map((t) => t.id));
	const applied = new Map<DeltaEvent, boolean>();
	for (const event of events) {
		switch (event.kind) {
			case 'addTag':
				applied.set(event, tags.has(event.tag!));
				break;
			case 'removeTag':
				applied.set(event, !tags.has(event.tag!));
				break;
			case 'plan':
				applied.set(event, customer?.data?.Plan?.stringValue === event.plan);
				break;
			case 'seats':
				applied.set(event, customer?.data?.Seats?.numberValue === event.seats);
				break;
		}
	}
	return applied;
}
