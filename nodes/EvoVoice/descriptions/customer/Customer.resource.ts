import type { INodeProperties } from 'n8n-workflow';

import { checkResponse } from '../../hooks/checkResponse';
import { prepareCustomerUpdate } from '../../hooks/prepareUpdate';
import { sendRequest } from '../../hooks/sendRequest';
import * as update from './update.operation';

export const description: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['customer'] } },
		options: [
			{
				name: 'Update',
				value: 'update',
				description: "Change a customer's name, tags, data, schedule, billing or app settings",
				action: 'Update a customer',
				routing: {
					request: { method: 'PATCH', url: '/customers', ignoreHttpStatusErrors: true },
					send: { preSend: [prepareCustomerUpdate], paginate: true },
					operations: { pagination: sendRequest },
					output: { postReceive: [checkResponse] },
				},
			},
		],
		default: 'update',
	},
	...update.description,
];
