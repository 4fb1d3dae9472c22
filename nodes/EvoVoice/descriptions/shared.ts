import type { INodeProperties } from 'n8n-workflow';

import * as accountUpdate from '../actions/account/update.operation';
import * as customerGetAll from '../actions/customer/getAll.operation';
import * as customerUpdate from '../actions/customer/update.operation';
import { billingSettingsField } from './billingSettings';
import { returnAllFields } from './list';
import { accountLocator, customerLocator } from './locators';
import { simplifyField } from './simplify';
import { replaceNotice, updateModeField } from './updateMode';

/**
 * Parameters that several operations use are defined once, here, with display options naming
 * every operation that shows them, so that each has one definition to read and to edit. Options
 * that belong to one resource carry a display option on `/resource` instead.
 */

type Resource = 'customer' | 'account';

const show = (resource: Resource[], operation: string[]) => ({ show: { resource, operation } });

function forResource(resource: Resource, options: INodeProperties[]): INodeProperties[] {
	return options.map((option) => ({ ...option, displayOptions: { show: { '/resource': [resource] } } }));
}

const byName = (a: INodeProperties, b: INodeProperties) => a.displayName.localeCompare(b.displayName);

const updateFields: INodeProperties = {
	displayName: 'Update Fields',
	name: 'updateFields',
	type: 'collection',
	placeholder: 'Add Field',
	default: {},
	description: 'Only the fields you add are sent; everything else stays as it is',
	displayOptions: show(['customer', 'account'], ['update']),
	options: ([
		billingSettingsField(),
		{ displayName: 'Name', name: 'name', type: 'string', default: '', description: 'The new name' },
		...forResource('customer', customerUpdate.updateFieldOptions),
		...forResource('account', accountUpdate.updateFieldOptions),
	] as INodeProperties[]).sort(byName),
};

const filters: INodeProperties = {
	displayName: 'Filters',
	name: 'filters',
	type: 'collection',
	placeholder: 'Add Filter',
	default: {},
	displayOptions: show(['customer', 'account'], ['getAll']),
	options: ([
		{ displayName: 'Name Contains', name: 'nameFilter', type: 'string', default: '', description: 'Only records whose name contains this text' },
		...forResource('customer', customerGetAll.filterOptions),
	] as INodeProperties[]).sort(byName),
};

export const sharedParameters: INodeProperties[] = [
	{
		...customerLocator({ description: 'The customer to get, update, delete or test the schedule of', byReference: true }),
		displayOptions: show(['customer'], ['delete', 'get', 'testSchedule', 'update']),
	},
	{
		...accountLocator({ description: 'The account. Updating one needs a login with the SystemAdministrator role.' }),
		displayOptions: show(['account'], ['get', 'update']),
	},
	{ ...updateModeField(), displayOptions: show(['customer', 'account'], ['update']) },
	{ ...replaceNotice(), displayOptions: { show: { resource: ['customer', 'account'], operation: ['update'], updateMode: ['replace'] } } },
	updateFields,
	...returnAllFields().map((field) => ({
		...field,
		displayOptions: { show: { ...(field.displayOptions?.show ?? {}), operation: ['getAll'] } },
	})),
	filters,
	// Two definitions of one parameter, by node version: a saved version-1 node keeps its raw output.
	...[
		{ byDefault: false, versions: [1] },
		{ byDefault: true, versions: [1.1] },
	].map(({ byDefault, versions }) => ({
		...simplifyField(byDefault),
		displayOptions: { show: { ...show(['customer', 'account'], ['create', 'get', 'getAll', 'update']).show, '@version': versions } },
	})),
];
