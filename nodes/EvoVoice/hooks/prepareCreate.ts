import type { IDataObject } from 'n8n-workflow';

import { idToPathSegment } from '../helpers/ids';
import { InputError } from '../helpers/inputError';
import { toPatchBody } from '../helpers/mappers/body';
import { getRunState } from '../helpers/runState';
import { customerPatchSchema } from '../helpers/schemas';
import { validate } from '../helpers/validate';
import { guardInput } from './guardInput';

/** A new customer: the account and name are required, the rest is checked like an update. */
export const prepareCustomerCreate = guardInput((context, requestOptions) => {
	const accountId = context.getNodeParameter('accountId', undefined, { extractValue: true });
	idToPathSegment(accountId, 'Account', 'accountId');
	const fields = context.getNodeParameter('additionalFields', {}) as IDataObject;
	const name = context.getNodeParameter('name', '') as IDataObject[string];
	const { body: fieldsBody, autoData } = toPatchBody({ ...fields, name });
	const body: IDataObject = { accountId: String(accountId).trim(), ...fieldsBody };
	getRunState(context).plans.set(context.getItemIndex(), {
		mergeNested: false,
		addTagIds: [],
		removeTagIds: [],
		autoData,
		accountId: String(accountId).trim(),
	});
	const [problem] = validate(customerPatchSchema, body, '');
	if (problem) throw new InputError(problem);
	requestOptions.body = body;
	return requestOptions;
});
