import type { IDataObject } from 'n8n-workflow';

import { idToPathSegment } from '../helpers/ids';
import { InputError } from '../helpers/inputError';
import { toPatchBody } from '../helpers/mappers/body';
import { customerPatchSchema } from '../helpers/schemas';
import { validate } from '../helpers/validate';
import { guardInput } from './guardInput';

/** A new customer: the account and name are required, the rest is checked like an update. */
export const prepareCustomerCreate = guardInput((context, requestOptions) => {
	const accountId = context.getNodeParameter('accountId', undefined, { extractValue: true });
	idToPathSegment(accountId, 'Account', 'accountId');
	const fields = context.getNodeParameter('additionalFields', {}) as IDataObject;
	const name = context.getNodeParameter('name', '') as IDataObject[string];
	const body: IDataObject = { accountId: String(accountId).trim(), ...toPatchBody({ ...fields, name }) };
	const [problem] = validate(customerPatchSchema, body, '');
	if (problem) throw new InputError(problem);
	requestOptions.body = body;
	return requestOptions;
});
