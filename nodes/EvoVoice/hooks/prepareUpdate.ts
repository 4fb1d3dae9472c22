import type { IDataObject, IHttpRequestOptions } from 'n8n-workflow';

import { InputError } from '../helpers/inputError';
import { entityPath } from '../helpers/locator';
import { messages } from '../helpers/messages';
import { toPatchBody } from '../helpers/mappers/body';
import { type MergePlan } from '../helpers/mappers/merge';
import { getRunState, runSetting } from '../helpers/runState';
import { accountPatchSchema, customerPatchSchema } from '../helpers/schemas';
import { toTagIds } from '../helpers/tags';
import { validate, type Schema } from '../helpers/validate';
import { guardInput } from './guardInput';

interface UpdateSpec {
	resource: 'customer' | 'account';
	collection: string;
	idParameter: string;
	idLabel: string;
	schema: Schema;
	/** Tags are customer-only and change the plan as well as the body. */
	tags?: boolean;
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



/**
 * Builds an update request before anything is sent: the ID goes into the path, the body is mapped
 * from Update Fields, and the whole body is checked, so that bad input is refused with
 * a message naming the field and the value. Reading and merging happen later, in sendRequest.
 */
function updateHook(spec: UpdateSpec) {
	return guardInput((context, requestOptions: IHttpRequestOptions) => {
		const url = entityPath(context, spec.idParameter, spec.collection, spec.idLabel);
		const plan: MergePlan = {
			mergeNested: runSetting(context, 'updateMode', 'merge') === 'merge',
			addTagIds: [],
			removeTagIds: [],
		};
		const fields = context.getNodeParameter('updateFields', {}) as IDataObject;
		const { body, autoData } = toPatchBody(fields);
		plan.autoData = autoData;
		if (spec.tags) mapTags(fields, body, plan);
		const [problem] = validate(spec.schema, body, '');
		if (problem) throw new InputError(problem);
		if (Object.keys(body).length === 0 && !plan.addTagIds.length && !plan.removeTagIds.length && !autoData.length) {
			throw new Error(messages.nothingToUpdate(spec.resource));
		}
		getRunState(context).plans.set(context.getItemIndex(), plan);
		requestOptions.url = url;
		requestOptions.body = body;
		return requestOptions;
	});
}

export const prepareCustomerUpdate = updateHook({
	resource: 'customer',
	collection: 'customers',
	idParameter: 'customerId',
	idLabel: 'Customer',
	schema: customerPatchSchema,
	tags: true,
});

export const prepareAccountUpdate = updateHook({
	resource: 'account',
	collection: 'accounts',
	idParameter: 'accountId',
	idLabel: 'Account',
	schema: accountPatchSchema,
});
