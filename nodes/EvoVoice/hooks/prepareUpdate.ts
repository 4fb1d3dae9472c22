import type { IDataObject, IExecuteSingleFunctions, IHttpRequestOptions } from 'n8n-workflow';

import { InputError } from '../helpers/inputError';
import { entityPath } from '../helpers/locator';
import { messages } from '../helpers/messages';
import { toData, type DataValueParameters } from '../helpers/mappers/data';
import { type MergePlan } from '../helpers/mappers/merge';
import { toSchedulingRules, type RuleParameters } from '../helpers/mappers/schedule';
import { getRunState } from '../helpers/runState';
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
	/** Fields that need more than a dot path: mapped from their parameters into the body. */
	mapBody?: (context: IExecuteSingleFunctions, body: IDataObject, plan: MergePlan) => void;
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

function mapCustomerBody(context: IExecuteSingleFunctions, body: IDataObject, plan: MergePlan): void {
	const fields = context.getNodeParameter('updateFields', {}) as IDataObject;
	mapTags(fields, body, plan);
	const entries = (fields.data as { values?: DataValueParameters[] } | undefined)?.values ?? [];
	const data = toData(fields.dataJson, entries);
	if (data) body.data = data;
	const rules = (fields.schedule as { rules?: { rule?: RuleParameters[] } } | undefined)?.rules?.rule;
	if (rules?.length) body.schedule = { ...((body.schedule as IDataObject) ?? {}), rules: toSchedulingRules(rules) };
}

/**
 * Finishes an update request before anything is sent: the ID goes into the path, fields that are
 * not plain dot paths are mapped, and the whole body is checked, so that bad input is refused with
 * a message naming the field and the value. Reading and merging happen later, in sendRequest.
 */
function updateHook(spec: UpdateSpec) {
	return guardInput((context, requestOptions: IHttpRequestOptions) => {
		const url = entityPath(context, spec.idParameter, spec.collection, spec.idLabel);
		const plan: MergePlan = {
			mergeNested: context.getNodeParameter('updateMode', 'merge') === 'merge',
			addTagIds: [],
			removeTagIds: [],
		};
		const body = { ...((requestOptions.body as IDataObject) ?? {}) };
		spec.mapBody?.(context, body, plan);
		const [problem] = validate(spec.schema, body, '');
		if (problem) throw new InputError(problem);
		if (Object.keys(body).length === 0 && !plan.addTagIds.length && !plan.removeTagIds.length) {
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
	mapBody: mapCustomerBody,
});

export const prepareAccountUpdate = updateHook({
	resource: 'account',
	collection: 'accounts',
	idParameter: 'accountId',
	idLabel: 'Account',
	schema: accountPatchSchema,
});
