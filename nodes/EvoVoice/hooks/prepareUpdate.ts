import type { IDataObject, IExecuteSingleFunctions, IHttpRequestOptions } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { idToPathSegment } from '../helpers/ids';
import { InputError } from '../helpers/inputError';
import { messages } from '../helpers/messages';
import { toData, type DataValueParameters } from '../helpers/mappers/data';
import { toSchedulingRules, type RuleParameters } from '../helpers/mappers/schedule';
import { getRunState, settle } from '../helpers/runState';
import { accountPatchSchema, customerPatchSchema } from '../helpers/schemas';
import { toTagIds } from '../helpers/tags';
import { validate, type Schema } from '../helpers/validate';

interface UpdateSpec {
	resource: 'customer' | 'account';
	collection: string;
	idParameter: string;
	idLabel: string;
	schema: Schema;
	/** Fields that need more than a dot path: mapped from their parameters into the body. */
	mapBody?: (context: IExecuteSingleFunctions, body: IDataObject) => void;
}

function parameter<T>(context: IExecuteSingleFunctions, name: string, fallback: T): T {
	return context.getNodeParameter(name, fallback) as T;
}

function mapCustomerBody(context: IExecuteSingleFunctions, body: IDataObject): void {
	const fields = parameter<IDataObject>(context, 'updateFields', {});
	if ('tagIds' in fields && fields.clearTags === true) throw new Error(messages.conflictingTags());
	if ('tagIds' in fields) {
		const tagIds = toTagIds(fields.tagIds);
		if (tagIds.length === 0) throw new Error(messages.emptyTags());
		body.tagIds = tagIds;
	} else if (fields.clearTags === true) {
		body.tagIds = [];
	}
	const entries = (fields.data as { values?: DataValueParameters[] } | undefined)?.values ?? [];
	const data = toData(fields.dataJson, entries);
	if (data) body.data = data;
	const rules = (fields.schedule as { rules?: { rule?: RuleParameters[] } } | undefined)?.rules?.rule;
	if (rules?.length) body.schedule = { ...((body.schedule as IDataObject) ?? {}), rules: toSchedulingRules(rules) };
}

function fail(context: IExecuteSingleFunctions, error: Error): never {
	const state = getRunState(context);
	const itemIndex = context.getItemIndex();
	state.invalid ??= { itemIndex, message: error.message };
	settle(state, itemIndex, 'failed');
	throw new NodeOperationError(context.getNode(), error.message, {
		itemIndex,
		description: `Item ${itemIndex + 1}: nothing was sent for it.`,
	});
}

/**
 * Finishes an update request before anything is sent: the ID goes into the path, fields that are
 * not plain dot paths are mapped, and the whole body is checked, so that bad input is refused with
 * a message naming the field and the value.
 */
function updateHook(spec: UpdateSpec) {
	return async function (this: IExecuteSingleFunctions, requestOptions: IHttpRequestOptions): Promise<IHttpRequestOptions> {
		try {
			const id = idToPathSegment(
				this.getNodeParameter(spec.idParameter, undefined, { extractValue: true }),
				spec.idLabel,
				spec.idParameter,
			);
			const body = { ...((requestOptions.body as IDataObject) ?? {}) };
			spec.mapBody?.(this, body);
			const problems = validate(spec.schema, body, '');
			if (problems.length) {
				const [first] = problems;
				throw new InputError(first);
			}
			if (Object.keys(body).length === 0) throw new Error(messages.nothingToUpdate(spec.resource));
			requestOptions.url = `/${spec.collection}/${id}`;
			requestOptions.body = body;
			return requestOptions;
		} catch (error) {
			return fail(this, error as Error);
		}
	};
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
