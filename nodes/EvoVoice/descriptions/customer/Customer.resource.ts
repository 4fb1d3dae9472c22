import type { INodeProperties } from 'n8n-workflow';

import { markDeleted } from '../../hooks/markDeleted';
import { prepareCustomerCreate } from '../../hooks/prepareCreate';
import { prepareList } from '../../hooks/prepareList';
import { prepareCustomerPath } from '../../hooks/preparePath';
import { prepareCustomerUpdate } from '../../hooks/prepareUpdate';
import { referenceLookupOptions } from '../shared/referenceLookup';
import { listRoute, route } from '../shared/routing';
import * as create from './create.operation';

export const description: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['customer'] } },
		options: [
			{
				name: 'Create',
				value: 'create',
				description: 'Create a customer in an account',
				action: 'Create a customer',
				routing: route('POST', '/customers', [prepareCustomerCreate]),
			},
			{
				name: 'Delete',
				value: 'delete',
				description: 'Delete a customer',
				action: 'Delete a customer',
				routing: route('DELETE', '/customers', [prepareCustomerPath], [markDeleted]),
			},
			{
				name: 'Get',
				value: 'get',
				description: 'Get a customer by ID or reference ID',
				action: 'Get a customer',
				routing: route('GET', '/customers', [prepareCustomerPath]),
			},
			{
				name: 'Get Many',
				value: 'getAll',
				description: 'List customers, filtered by name, account, parent or tags',
				action: 'Get many customers',
				routing: listRoute('/customers', [prepareList]),
			},
			{
				name: 'Update',
				value: 'update',
				description: "Change a customer's name, tags, data, schedule, billing or app settings",
				action: 'Update a customer',
				routing: route('PATCH', '/customers', [prepareCustomerUpdate]),
			},
		],
		default: 'update',
	},
	...create.description,
	referenceLookupOptions(['delete', 'get', 'update']),
];
