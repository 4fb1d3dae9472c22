import type { IDataObject } from 'n8n-workflow';
import { NodeOperationError, sleep } from 'n8n-workflow';

import { checkId } from '../model/ids';
import { InputError } from '../model/inputError';
import { wrapByFieldType } from '../model/mappers/fieldTypes';
import { restsOnRead } from '../model/mappers/merge';
import { messages, problems } from '../model/messages';
import { referenceCache, requestKey, resolveReferences, type ReferenceRequest } from '../referenceIds';
import { eachLimited } from '../transport/limiter';
import { entityPath } from '../transport/paths';
import { readBases, type Bases } from './bases';
import { entityRef, isEntity } from './entity';
import { FieldDefinitions } from './fieldDefinitions';
import { failedItem } from './outcomes';
import { processRecords } from './records';
import { settleMs } from './settle';
import type { Failed, Planned, Resolved, Run } from './types';

type Stage<T> = Array<T | Failed>;

/** What a reference ID stood for: its customer, or none (for Create or Update: a customer to create). */
type Found = { id: string; name?: string } | 'none' | Failed;

/**
 * Reference IDs to customer IDs, all of the run's at once. A cached customer comes back as read
 * just now (verified): that read is the merge base of its first write, so it is not read twice.
 */
async function customerIds(run: Run, items: Stage<Planned>, bases: Bases): Promise<Map<number, Found>> {
	const withReference = items.filter((item): item is Planned => item.stage === 'planned' && item.plan.target?.referenceId !== undefined);
	const found = new Map<number, Found>();
	if (withReference.length === 0) return found;
	const requestOf = ({ plan }: Planned): ReferenceRequest => ({ referenceId: plan.target?.referenceId ?? '', accountIds: plan.target?.accountIds });
	const fail = (item: Planned, error: unknown) => found.set(item.index, failedItem(run.context, run.client, item.index, error));
	const failWith = (item: Planned, message: string) => fail(item, new NodeOperationError(run.context.getNode(), message, { itemIndex: item.index }));
	// A verified customer was read during the look-up: no later than this, and no fresher than this mark.
	const since = Date.now();
	const mark = processRecords.mark();
	try {
		const resolved = await resolveReferences(run.client, withReference.map(requestOf), referenceCache(run.context, run.client.origin));
		// Create or Update may meet two customers another process's twin create left for a moment (create.ts
		// removes the younger): looked up once more, after those settle, before the item fails naming them.
		const twins = withReference.filter((item) => {
			const resolution = resolved.get(requestKey(requestOf(item)));
			return item.plan.upsert && resolution !== undefined && 'several' in resolution && resolution.several === true;
		});
		if (twins.length) {
			await sleep(settleMs(run));
			for (const [key, again] of await resolveReferences(run.client, twins.map(requestOf))) resolved.set(key, again);
		}
		for (const item of withReference) {
			const resolution = resolved.get(requestKey(requestOf(item)));
			if (!resolution || 'failure' in resolution) {
				fail(item, resolution?.failure);
			} else if ('error' in resolution) {
				failWith(item, resolution.error);
			} else if ('none' in resolution) {
				if (item.plan.upsert) found.set(item.index, 'none');
				else failWith(item, resolution.none);
			} else {
				found.set(item.index, { id: resolution.customerId, ...(resolution.name ? { name: resolution.name } : {}) });
				// Only the record asked for may become a merge base.
				if (isEntity(resolution.entity, resolution.customerId)) {
					bases.set(`customers/${resolution.customerId}`, { entity: resolution.entity, since, mark });
				}
			}
		}
	} catch (error) {
		for (const item of withReference) fail(item, error);
	}
	return found;
}

/** Create or Update of a reference ID nobody holds: the create, checked as far as it can be now. */
function toCreate(base: Omit<Resolved, 'path'>): Resolved {
	const referenceId = base.plan.target?.referenceId ?? '';
	const accountId = base.plan.accountId ?? '';
	const name = base.body?.name;
	if (typeof name !== 'string' || name.trim() === '') {
		throw new InputError({ label: 'Name', path: 'name', problem: problems.nameToCreate(name, referenceId, accountId) });
	}
	return { ...base, path: '/customers', creates: { referenceId, accountId, key: JSON.stringify([accountId, referenceId]) } };
}

/** The item's record and path, and whether its write rests on a read (decided here, once). */
function target(run: Run, item: Planned, found: Found | undefined): Resolved | Failed {
	if (typeof found === 'object' && 'stage' in found) return found;
	const { plan } = item;
	try {
		const merge = restsOnRead(plan.body ?? {}, plan.merge, plan.autoData?.length) ? plan.merge : undefined;
		const base = { stage: 'resolved' as const, index: item.index, plan, body: plan.body, ...(merge ? { merge } : {}) };
		if (found === 'none') return toCreate(base);
		if (!plan.target) return { ...base, path: plan.path ?? '' };
		const { collection, label, parameter } = plan.target;
		// An ID the API gave for a reference ID is checked like one typed in.
		const id = checkId(found?.id ?? plan.target.id, label, parameter);
		const entity = { ...entityRef(collection, id, label), ...(found?.name ? { name: found.name } : {}) };
		return { ...base, entity, path: entityPath(collection, id, plan.subPath) };
	} catch (error) {
		return failedItem(run.context, run.client, item.index, error);
	}
}

/** Data values typed "from the field's type", wrapped as their account defines each field. */
async function typeData(run: Run, items: Stage<Resolved>, accountOf: (key: string) => string | undefined): Promise<Stage<Resolved>> {
	const definitions = new FieldDefinitions(run.client);
	const pending = items.filter((item): item is Resolved => item.stage === 'resolved' && (item.plan.autoData?.length ?? 0) > 0);
	const typed = new Map<number, Resolved | Failed>();
	await eachLimited(pending, run.settings.maxInFlight, async (item) => {
		const { plan } = item;
		try {
			const accountId = plan.accountId ?? accountOf(item.entity?.key ?? '') ?? '';
			if (!accountId) throw new NodeOperationError(run.context.getNode(), messages.noAccountForData(item.entity?.id ?? ''), { itemIndex: item.index });
			const fields = await definitions.of(accountId);
			const names = fields.map((field) => field.name);
			const data: IDataObject = { ...((item.body?.data as IDataObject | undefined) ?? {}) };
			for (const entry of plan.autoData ?? []) {
				data[entry.name] = wrapByFieldType(entry, fields.find((field) => field.name === entry.name), names) as unknown as IDataObject;
			}
			typed.set(item.index, { ...item, body: { ...item.body, data } });
		} catch (error) {
			typed.set(item.index, failedItem(run.context, run.client, item.index, error));
		}
	});
	return items.map((item) => typed.get(item.index) ?? item);
}

/**
 * Stage 2: everything the writes need that can be known before the first one — reference IDs,
 * paths, merge bases, field definitions, and the checks that depend on them. An item that fails
 * here is never sent.
 */
export async function resolveItems(run: Run, items: Stage<Planned>): Promise<{ items: Stage<Resolved>; bases: Bases }> {
	const bases: Bases = new Map();
	const ids = await customerIds(run, items, bases);
	const targeted = items.map((item) => (item.stage === 'planned' ? target(run, item, ids.get(item.index)) : item));
	const based = await readBases(run, targeted, bases);
	return { items: await typeData(run, based.items, based.accountOf), bases };
}
