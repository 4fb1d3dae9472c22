import type { INodeProperties } from 'n8n-workflow';

import { prepareList } from '../../hooks/prepareList';
import { prepareAccountPath } from '../../hooks/preparePath';
import { prepareAccountUpdate } from '../../hooks/prepareUpdate';
import { listRoute, route } from '../shared/routing';

export const description: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['account'] } },
		options: [
			{
				name: 'Get',
				value: 'get',
				description: 'Get an account by ID',
				action: 'Get an account',
				routing: route('GET', '/accounts', [prepareAccountPath]),
			},
			{
				name: 'Get Many',
				value: 'getAll',
				description: 'List the accounts this login can reach',
				action: 'Get many accounts',
				routing: listRoute('/accounts', [prepareList]),
			},
			{
				name: 'Update',
				value: 'update',
				description: "Change an account's name, logo, phone number limit or billing settings",
				action: 'Update an account',
				routing: route('PATCH', '/accounts', [prepareAccountUpdate]),
			},
		],
		default: 'update',
	},
];
