import type { IDataObject, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { dataJsonField, dataValuesField } from '../../descriptions/data';
import { accountLocator, customerLocator } from '../../descriptions/locators';
import type { Operation } from '../../executor/types';
import { InputError } from '../../model/inputError';
import { toPatchBody } from '../../model/mappers/body';
import { customerPatchSchema } from '../../model/schemas';
import { validate } from '../../model/validate';
import { ACCOUNT, entityId } from '../shared/entity';

const properties: INodeProperties[] = [
	accountLocator({ description: 'The account the customer belongs to' }),
	{
		displayName: 'Name',
		name: 'name',
		type: 'string',
		required: true,
		default: '',
		description: 'Name of the new customer',
	},
	{
		displayName: 'Additional Fields',
		name: 'additionalFields',
		type: 'collection',
		placeholder: 'Add Field',
		default: {},
		options: [
			dataJsonField(),
			dataValuesField(),
			{
				...customerLocator({ name: 'parentCustomerId', displayName: 'Parent Customer', required: false, description: 'The customer this customer belongs under' }),
			},
			{
				displayName: 'Reference ID',
				name: 'referenceId',
				type: 'string',
				default: '',
				description: "The customer's ID in another system, such as your CRM",
			},
		],
	},
];

export const description = updateDisplayOptions({ show: { resource: ['customer'], operation: ['create'] } }, properties);

/** A new customer: the account and name are required, the rest is checked like an update. */
export const operation: Operation = {
	plan(_context, i, parameters) {
		const accountId = entityId(parameters, i, ACCOUNT);
		const fields = parameters.read<IDataObject>('additionalFields', i, 'Additional Fields', {});
		const name = parameters.read<IDataObject[string]>('name', i, 'Name', '');
		const { body: fieldsBody, autoData } = toPatchBody({ ...fields, name });
		const body: IDataObject = { accountId, ...fieldsBody };
		const [problem] = validate(customerPatchSchema, body, '');
		if (problem) throw new InputError(problem);
		const referenceId = typeof body.referenceId === 'string' ? body.referenceId.trim() : '';
		// A lost answer is looked for by its reference ID (and name), never sent twice.
		const findIfLost = referenceId ? { referenceId, accountId, name: String(body.name ?? '') } : undefined;
		return { kind: 'write', method: 'POST', path: '/customers', body, autoData, accountId, ...(findIfLost ? { findIfLost } : {}) };
	},
};
