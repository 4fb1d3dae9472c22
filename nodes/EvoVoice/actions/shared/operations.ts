import type { IDataObject } from 'n8n-workflow';

import type { Parameters } from '../../executor/parameters';
import type { ItemPlan, Operation, Target } from '../../executor/types';
import { InputError } from '../../model/inputError';
import { targetOf } from './target';
import { locatorValue, toPatchBody } from '../../model/mappers/body';
import { simplify } from '../../model/mappers/simplify';
import type { MergePlan } from '../../model/mappers/merge';
import { messages, problems } from '../../model/messages';
import { toTagIds } from '../../model/tags';
import { validate, type Schema } from '../../model/validate';

export interface EntitySpec {
	collection: Target['collection'];
	parameter: string;
	label: string;
}

export const CUSTOMER: EntitySpec = { collection: 'customers', parameter: 'customerId', label: 'Customer' };
export const ACCOUNT: EntitySpec = { collection: 'accounts', parameter: 'accountId', label: 'Account' };

export const entityTarget = (parameters: Parameters, itemIndex: number, spec: EntitySpec) =>
	targetOf(parameters, itemIndex, spec.parameter, spec.collection, spec.label);

/** Get: the entity, read by its ID or reference ID. */
export function getOperation(spec: EntitySpec): Operation {
	return { plan: (_context, i, parameters) => ({ kind: 'read', method: 'GET', target: entityTarget(parameters, i, spec) }) };
}

/** Tags: set exactly, add, remove, or remove all; only one way at a time. */
function mapTags(fields: IDataObject, body: IDataObject, plan: MergePlan): void {
	const ways = ['tagIds', 'addTagIds', 'removeTagIds', 'clearTags'].filter((key) =>
		key === 'clearTags' ? fields.clearTags === true : key in fields,
	);
	if (ways.length > 1 && ways.includes('clearTags')) throw new Error(messages.conflictingTags());
	if (ways.includes('tagIds') && ways.length > 1) throw new Error(messages.conflictingTagModes());
	if ('tagIds' in fields) {
		const tagIds = toTagIds(fields.tagIds);
		if (tagIds.length === 0) throw new Error(messages.emptyTags());
		body.tagIds = tagIds;
	} else if (fields.clearTags === true) {
		body.tagIds = [];
	}
	if ('addTagIds' in fields) plan.addTagIds = toTagIds(fields.addTagIds, 'Add Tags', 'addTagIds');
	if ('removeTagIds' in fields) plan.removeTagIds = toTagIds(fields.removeTagIds, 'Remove Tags', 'removeTagIds');
}

export interface UpdateSpec extends EntitySpec {
	resource: 'customer' | 'account';
	schema: Schema;
	/** Tags are customer-only and change the merge plan as well as the body. */
	tags?: boolean;
}

/**
 * Update: the ID is checked, the body mapped from Update Fields and checked whole, so that bad
 * input is refused naming the field and the value. Reading and merging are the executor's.
 */
export function updateOperation(spec: UpdateSpec): Operation {
	return {
		plan(_context, i, parameters): ItemPlan {
			const target = entityTarget(parameters, i, spec);
			const merge: MergePlan = {
				mergeNested: parameters.setting('updateMode', 'Update Mode', 'merge') === 'merge',
				addTagIds: [],
				removeTagIds: [],
			};
			const fields = parameters.read<IDataObject>('updateFields', i, 'Update Fields', {});
			const { body, autoData, clears } = toPatchBody(fields);
			if (spec.tags) mapTags(fields, body, merge);
			const [problem] = validate(spec.schema, body, '');
			if (problem) throw new InputError(problem);
			if (Object.keys(body).length === 0 && !merge.addTagIds.length && !merge.removeTagIds.length && !autoData.length) {
				throw new Error(messages.nothingToUpdate(spec.resource));
			}
			return { kind: 'write', method: 'PATCH', target, body, merge, autoData, ...(clears.length ? { clears } : {}) };
		},
	};
}

/** A filter that holds a locator: its value, checked. */
function filterId(filters: IDataObject, name: string, label: string, path: string): string {
	const value = locatorValue(filters[name]);
	if (typeof value !== 'string' || value.trim() === '') throw new InputError({ label, path, problem: problems.blank(value) });
	return value.trim();
}

/** Get Many: filters as ServiceStack reads them (lists as repeated keys), and the limit. */
export function listOperation(path: string): Operation {
	return {
		plan(_context, i, parameters): ItemPlan {
			const returnAll = parameters.read<boolean>('returnAll', i, 'Return All', false);
			const limit = returnAll ? Infinity : Number(parameters.read('limit', i, 'Limit', 50));
			const filters = parameters.read<IDataObject>('filters', i, 'Filters', {});
			const qs: IDataObject = {};
			if (typeof filters.nameFilter === 'string' && filters.nameFilter.trim() !== '') qs.nameFilter = filters.nameFilter.trim();
			if (filters.accountId !== undefined) qs.accountIds = [filterId(filters, 'accountId', 'Filters › Account', 'accountIds')];
			if (filters.parentCustomerId !== undefined) {
				qs.parentCustomerIds = [filterId(filters, 'parentCustomerId', 'Filters › Parent Customer', 'parentCustomerIds')];
				if (filters.shallowParent === true) qs.shallowParent = true;
			}
			if (filters.tagIds !== undefined) {
				const tagIds = toTagIds(filters.tagIds, 'Filters › Tags', 'tagIds');
				if (tagIds.length) qs.tagIds = tagIds;
			}
			return { kind: 'list', method: 'GET', path, qs, limit };
		},
	};
}

/** Node versions from 1.1 on simplify by default; version 1 keeps the raw records saved workflows read. */
export const SIMPLIFY_DEFAULT_FROM_VERSION = 1.1;

/** The operation with the Simplify switch applied to every record it returns. */
export function simplified(resource: 'customer' | 'account', operation: Operation): Operation {
	return {
		plan(context, itemIndex, parameters) {
			const byDefault = parameters.typeVersion >= SIMPLIFY_DEFAULT_FROM_VERSION;
			return { ...operation.plan(context, itemIndex, parameters), simplify: parameters.setting('simple', 'Simplify', byDefault) === true };
		},
		output(context, itemIndex, records, plan) {
			const out = operation.output ? operation.output(context, itemIndex, records, plan) : records;
			return plan.simplify ? out.map((record) => simplify(resource, record) as IDataObject) : out;
		},
	};
}

