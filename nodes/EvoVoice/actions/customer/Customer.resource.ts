import type { INodeProperties } from 'n8n-workflow';

import { customerLocator } from '../../descriptions/locators';
import { referenceLookupOptions } from '../../descriptions/referenceLookup';
import type { ResourceParameters } from '../../descriptions/shared';
import type { Operation } from '../../executor/types';
import { simplified } from '../shared/simplify';
import * as create from './create.operation';
import * as del from './delete.operation';
import * as get from './get.operation';
import * as getAll from './getAll.operation';
import * as testSchedule from './testSchedule.operation';
import * as update from './update.operation';
import * as upsert from './upsert.operation';

export const operations: Record<string, Operation> = {
	create: simplified('customer', create.operation),
	delete: del.operation,
	get: simplified('customer', get.operation),
	getAll: simplified('customer', getAll.operation),
	testSchedule: testSchedule.operation,
	update: simplified('customer', update.operation),
	upsert: simplified('customer', upsert.operation),
};

/** The operations that act on one customer, given by ID or reference ID. */
const RECORD_OPERATIONS = ['delete', 'get', 'testSchedule', 'update'];

export const parameters: ResourceParameters = {
	resource: 'customer',
	record: {
		locator: customerLocator({ description: 'The customer to get, update, delete or test the schedule of', byReference: true }),
		operations: RECORD_OPERATIONS,
	},
	update: ['update', 'upsert'],
	updateFields: update.updateFieldOptions,
	filters: getAll.filterOptions,
	simplify: ['create', 'get', 'getAll', 'update', 'upsert'],
};

export const description: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['customer'] } },
		options: [
			{ name: 'Create', value: 'create', description: 'Create a customer in an account', action: 'Create a customer' },
			{
				name: 'Create or Update',
				value: 'upsert',
				description: 'Create a new record, or update the current one if it already exists (upsert)',
				action: 'Create or update a customer',
			},
			{ name: 'Delete', value: 'delete', description: 'Delete a customer', action: 'Delete a customer' },
			{ name: 'Get', value: 'get', description: 'Get a customer by ID or reference ID', action: 'Get a customer' },
			{
				name: 'Get Many',
				value: 'getAll',
				description: 'List customers, filtered by name, account, parent or tags',
				action: 'Get many customers',
			},
			{
				name: 'Test Schedule',
				value: 'testSchedule',
				description: 'Which state (open, closed, holiday…) the customer is in at a moment, with its saved schedule or one given here',
				action: 'Test the schedule of a customer',
			},
			{
				name: 'Update',
				value: 'update',
				description: "Change a customer's name, tags, data, schedule, billing or app settings",
				action: 'Update a customer',
			},
		],
		default: 'update',
	},
	...create.description,
	...upsert.description,
	...testSchedule.description,
	referenceLookupOptions([...RECORD_OPERATIONS, 'upsert'], ['upsert']),
];
