import type { IDataObject } from 'n8n-workflow';

import { idToPathSegment } from '../helpers/ids';
import { InputError } from '../helpers/inputError';
import { toData, type DataValueParameters } from '../helpers/mappers/data';
import { customerPatchSchema } from '../helpers/schemas';
import { validate } from '../helpers/validate';
import { guardInput } from './guardInput';

/** A new customer: the account and name are required, the rest is checked like an update. */
export const prepareCustomerCreate = guardInput((context, requestOptions) => {
	const accountId = context.getNodeParameter('accountId', undefined, { extractValue: true });
	idToPathSegment(accountId, 'Account', 'accountId');
	const fields = context.getNodeParameter('additionalFields', {}) as IDataObject;
	const body: IDataObject = { ...((requestOptions.body as IDataObject) ?? {}), accountId: String(accountId).trim() };
	const entries = (fields.data as { values?: DataValueParameters[] } | undefined)?.values ?? [];
	const data = toData(fields.dataJson, entries);
	if (data) body.data = data;
	const [problem] = validate(customerPatchSchema, body, '');
	if (problem) throw new InputError(problem);
	requestOptions.body = body;
	return requestOptions;
});
