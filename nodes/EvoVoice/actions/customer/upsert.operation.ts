import type { INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { accountLocator } from '../../descriptions/locators';
import type { Operation } from '../../executor/types';
import { InputError } from '../../model/inputError';
import { problems } from '../../model/messages';
import { ACCOUNT, entityId } from '../shared/entity';
import { updateFields } from '../shared/update';
import { CUSTOMER_UPDATE } from './update.operation';

const properties: INodeProperties[] = [
	accountLocator({ description: 'The account the customer is looked for in, and created in if none has the reference ID' }),
	{
		displayName: 'Reference ID',
		name: 'referenceId',
		type: 'string',
		required: true,
		default: '',
		placeholder: 'e.g. crm-1001',
		description:
			"The customer's ID in your CRM, the match key: the account's customer that has it is updated; if none has it, a customer is created with it",
	},
	{
		displayName: 'Name',
		name: 'name',
		type: 'string',
		default: '',
		description: "The customer's name: required when the customer is created; when given, a customer that exists is renamed to it",
	},
];

/** Its own fields; Update Mode and Update Fields are Update's (descriptions/shared.ts shows them here too). */
export const description = updateDisplayOptions({ show: { resource: ['customer'], operation: ['upsert'] } }, properties);

/**
 * Create or Update: the customer of the account that has the reference ID is updated as Update
 * does; none, and one is created with it (the executor creates it once, even for items of one run
 * or executions of one moment); several, and the item fails naming them.
 */
export const operation: Operation = {
	plan(_context, i, parameters) {
		const accountId = entityId(parameters, i, ACCOUNT);
		const given = parameters.read<unknown>('referenceId', i, 'Reference ID', '');
		if (typeof given !== 'string' || given.trim() === '') throw new InputError({ label: 'Reference ID', path: 'referenceId', problem: problems.blank(given) });
		const referenceId = given.trim();
		const name = parameters.read<unknown>('name', i, 'Name', '');
		const renames = !(name === undefined || name === null || (typeof name === 'string' && name.trim() === ''));
		const { fields, body, merge, autoData, clears } = updateFields(CUSTOMER_UPDATE, parameters, i, renames ? { name: name as string } : {});
		if (fields.referenceId !== undefined) {
			throw new InputError({ label: 'Update Fields › Reference ID', path: 'updateFields.referenceId', problem: problems.matchKeyInFields() });
		}
		const target = { collection: 'customers' as const, referenceId, accountIds: [accountId], label: 'Customer', parameter: 'referenceId' };
		return { kind: 'write', method: 'PATCH', target, body, merge, autoData, accountId, upsert: true, ...(clears.length ? { clears } : {}) };
	},
};
