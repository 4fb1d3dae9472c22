import type { INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { dataJsonField, dataValuesField } from '../shared/data';
import { accountLocator, customerLocator } from '../shared/resourceLocators';

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
