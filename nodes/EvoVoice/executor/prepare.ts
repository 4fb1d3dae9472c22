import type { IDataObject } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { FieldDefinitions } from './fieldDefinitions';
import { idToPathSegment } from '../model/ids';
import { InputError } from '../model/inputError';
import { wrapByFieldType } from '../model/mappers/fieldTypes';
import { needsCurrent } from '../model/mappers/merge';
import { messages } from '../model/messages';
import { referenceCache, requestKey, resolveReferences, type ReferenceRequest } from '../referenceIds/index';
import { isEntity, readEntity, type Snapshot } from './entity';
import { eachLimited } from '../transport/limiter';
import { invalidItem, type Run, type RunItem } from './run';
import type { ItemPlan } from './types';

const ready = (item: RunItem) => item.outcome.stage === 'ready';

function failed(run: Run, item: RunItem, error: unknown): void {
	if (error instanceof InputError) return invalidItem(run.context, item, error);
	item.outcome = {
		stage: 'failed',
		error: error instanceof NodeOperationError ? error : run.client.apiError(error, item.index),
	};
}

/** Whether the write must be laid over the entity's current state. */
export function needsMerge(plan: ItemPlan): boolean {
	if (!plan.merge || !plan.body) return false;
	return needsCurrent(plan.body, plan.merge) || (plan.merge.mergeNested && (plan.autoData?.length ?? 0) > 0);
}

function needsBase(plan: ItemPlan): boolean {
	return needsMerge(plan) || ((plan.autoData?.length ?? 0) > 0 && plan.accountId === undefined);
}

/**
 * Reference IDs to customer IDs, all of the run's at once. A cached customer comes back as read
 * just now (verified): that read is the merge base of its first write, so it is not read twice.
 */
async function resolveTargets(run: Run, bases: Map<string, Snapshot>): Promise<void> {
	const withReference = run.items.filter((item) => ready(item) && item.plan?.target?.referenceId !== undefined);
	const requestOf = (item: RunItem): ReferenceRequest => ({ referenceId: item.plan!.target!.referenceId!, accountIds: item.plan!.target!.accountIds });
	if (withReference.length > 0) {
		try {
			const resolved = await resolveReferences(run.client, withReference.map(requestOf), referenceCache(run.context));
			for (const item of withReference) {
				const resolution = resolved.get(requestKey(requestOf(item)))!;
				if ('failure' in resolution) {
					failed(run, item, resolution.failure);
				} else if ('error' in resolution) {
					failed(run, item, new NodeOperationError(run.context.getNode(), resolution.error, { itemIndex: item.index }));
				} else {
					item.entityId = resolution.customerId;
					item.plan!.target!.id = resolution.customerId;
					// Only the record asked for may become a merge base.
					if (isEntity(resolution.entity, resolution.customerId)) {
						bases.set(`${item.plan!.target!.collection}/${resolution.customerId}`, { entity: resolution.entity, at: Date.now() });
					}
				}
			}
		} catch (error) {
			for (const item of withReference) failed(run, item, error);
		}
	}
	for (const item of run.items) {
		const { plan } = item;
		if (!ready(item) || !plan) continue;
		try {
			if (plan.target) {
				item.entityId ??= plan.target.id;
				const segment = idToPathSegment(item.entityId, plan.target.label, plan.target.parameter);
				item.path = `/${plan.target.collection}/${segment}${plan.subPath ?? ''}`;
				item.entityKey = `${plan.target.collection}/${item.entityId}`;
			} else {
				item.path = plan.path;
			}
		} catch (error) {
			failed(run, item, error);
		}
	}
}

/** The current state of each entity a merge (or a data value's type) rests on, read once per entity. */
async function readBases(run: Run, bases: Map<string, Snapshot>): Promise<void> {
	const wanted = new Map<string, RunItem[]>();
	for (const item of run.items) {
		if (!ready(item) || !item.entityKey || !needsBase(item.plan!) || bases.has(item.entityKey)) continue;
		wanted.set(item.entityKey, [...(wanted.get(item.entityKey) ?? []), item]);
	}
	await eachLimited([...wanted.values()], run.settings.maxInFlight, async (group) => {
		const [first] = group;
		const target = first.plan!.target!;
		const basePath = `/${target.collection}/${idToPathSegment(first.entityId, target.label, target.parameter)}`;
		try {
			bases.set(first.entityKey!, await readEntity(run.client, basePath, first.entityId!, target.label, first.index));
		} catch (error) {
			for (const item of group) failed(run, item, error);
		}
	});
}

/** Data values typed "from the field's type", wrapped as their account defines each field. */
async function wrapAutoData(run: Run, bases: Map<string, Snapshot>): Promise<void> {
	const definitions = new FieldDefinitions(run.client);
	const items = run.items.filter((item) => ready(item) && (item.plan?.autoData?.length ?? 0) > 0);
	await eachLimited(items, run.settings.maxInFlight, async (item) => {
		const plan = item.plan!;
		try {
			const accountId = plan.accountId ?? String(bases.get(item.entityKey ?? '')?.entity.accountId ?? '');
			if (!accountId) throw new NodeOperationError(run.context.getNode(), messages.noAccountForData(item.entityId ?? ''), { itemIndex: item.index });
			const fields = await definitions.of(accountId);
			const names = fields.map((field) => field.name);
			const data: IDataObject = { ...((plan.body?.data as IDataObject | undefined) ?? {}) };
			for (const entry of plan.autoData!) {
				data[entry.name] = wrapByFieldType(entry, fields.find((field) => field.name === entry.name), names) as unknown as IDataObject;
			}
			plan.body = { ...plan.body, data };
			plan.autoData = [];
		} catch (error) {
			failed(run, item, error);
		}
	});
}

/**
 * Everything the writes need that can be known before the first one: reference IDs, merge bases,
 * field definitions, and the checks that depend on them. An item that fails here is never sent.
 */
export async function prepare(run: Run): Promise<void> {
	const bases = new Map<string, Snapshot>();
	await resolveTargets(run, bases);
	await readBases(run, bases);
	await wrapAutoData(run, bases);
	run.bases = bases;
}
