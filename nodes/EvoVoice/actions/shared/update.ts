import type { IDataObject } from 'n8n-workflow';

import type { Parameters } from '../../executor/parameters';
import type { ItemPlan, Operation } from '../../executor/types';
import { InputError } from '../../model/inputError';
import { toPatchBody } from '../../model/mappers/body';
import type { MergePlan } from '../../model/mappers/merge';
import { messages } from '../../model/messages';
import { toTagIds } from '../../model/tags';
import { validate, type Schema } from '../../model/validate';
import { entityTarget, type EntitySpec } from './entity';

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

/** An update's body, merge plan, data values to type and references cleared, from Update Fields: checked whole. */
export function updateFields(spec: UpdateSpec, parameters: Parameters, i: number, extra: IDataObject = {}) {
	const merge: MergePlan = {
		mergeNested: parameters.setting('updateMode', 'Update Mode', 'merge') === 'merge',
		addTagIds: [],
		removeTagIds: [],
	};
	const fields = parameters.read<IDataObject>('updateFields', i, 'Update Fields', {});
	const mapped = toPatchBody(fields);
	const body = { ...mapped.body, ...extra };
	if (spec.tags) mapTags(fields, body, merge);
	const [problem] = validate(spec.schema, body, '');
	if (problem) throw new InputError(problem);
	const changesNothing = Object.keys(body).length === 0 && !merge.addTagIds.length && !merge.removeTagIds.length && !mapped.autoData.length;
	return { fields, body, merge, autoData: mapped.autoData, clears: mapped.clears, changesNothing };
}

/**
 * Update, for customers and accounts alike: the ID is checked, the body mapped from Update Fields
 * and checked whole, so that bad input is refused naming the field and the value. Reading and
 * merging are the executor's.
 */
export function updateOperation(spec: UpdateSpec): Operation {
	return {
		plan(_context, i, parameters): ItemPlan {
			const target = entityTarget(parameters, i, spec);
			const { body, merge, autoData, clears, changesNothing } = updateFields(spec, parameters, i);
			if (changesNothing) throw new Error(messages.nothingToUpdate(spec.resource));
			return { kind: 'write', method: 'PATCH', target, body, merge, autoData, ...(clears.length ? { clears } : {}) };
		},
	};
}
