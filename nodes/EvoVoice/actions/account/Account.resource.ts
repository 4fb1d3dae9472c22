import type { INodeProperties } from 'n8n-workflow';

import { accountLocator } from '../../descriptions/locators';
import type { ResourceParameters } from '../../descriptions/shared';
import type { Operation } from '../../executor/types';
import { simplified } from '../shared/simplify';
import * as get from './get.operation';
import * as getAll from './getAll.operation';
import * as update from './update.operation';

export const operations: Record<string, Operation> = {
	get: simplified('account', get.operation),
	getAll: simplified('account', getAll.operation),
	update: simplified('account', update.operation),
};

export const parameters: ResourceParameters = {
	resource: 'account',
	record: {
		locator: accountLocator({ description: 'The account. Updating one needs a login with the SystemAdministrator role.' }),
		operations: ['get', 'update'],
	},
	update: ['update'],
	updateFields: update.updateFieldOptions,
	filters: [],
	simplify: ['get', 'getAll', 'update'],
};

export const description: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['account'] } },
		options: [
			{ name: 'Get', value: 'get', description: 'Get an account by ID', action: 'Get an account' },
			{ name: 'Get Many', value: 'getAll', description: 'List the accounts this login can reach', action: 'Get many accounts' },
			{
				name: 'Update',
				value: 'update',
				description: "Change an account's name, logo, phone number limit or billing settings",
				action: 'Update an account',
			},
		],
		default: 'update',
	},
];
