import type { INodeProperties } from 'n8n-workflow';

import { checkResponse } from '../../hooks/checkResponse';
import { prepareAccountUpdate } from '../../hooks/prepareUpdate';
import { sendRequest } from '../../hooks/sendRequest';
import * as update from './update.operation';

export const description: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['account'] } },
		options: [
			{
				name: 'Update',
				value: 'update',
				description: "Change an account's name, logo, phone number limit or billing settings",
				action: 'Update an account',
				routing: {
					request: { method: 'PATCH', url: '/accounts', ignoreHttpStatusErrors: true },
					send: { preSend: [prepareAccountUpdate], paginate: true },
					operations: { pagination: sendRequest },
					output: { postReceive: [checkResponse] },
				},
			},
		],
		default: 'update',
	},
	...update.description,
];
