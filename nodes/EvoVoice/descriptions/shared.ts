import type { INodeProperties } from 'n8n-workflow';

import { billingSettingsField } from './billingSettings';
import { returnAllFields } from './list';
import { simplifyField } from './simplify';
import { replaceNotice, updateModeField } from './updateMode';

/**
 * Parameters that several operations show are ONE parameter in the node, as saved workflows hold
 * them, with display options naming every operation that shows it. Each resource says what it
 * shows of them (`ResourceParameters`, in its `<Resource>.resource.ts`), each operation file holds
 * the fields it adds (its Update Fields, its filters); this builds the shared parameters from those,
 * so that no description here needs to know an operation.
 */
export interface ResourceParameters {
	resource: 'customer' | 'account';
	/** The record picker, and the operations that act on one record. */
	record: { locator: INodeProperties; operations: string[] };
	/** The operations that show Update Mode and Update Fields. */
	update: string[];
	/** Update Fields this resource adds to Name and Billing Settings, which every resource has. */
	updateFields: INodeProperties[];
	/** Get Many filters this resource adds to Name Contains. */
	filters: INodeProperties[];
	/** The operations with a Simplify switch. */
	simplify: string[];
}

const show = (resource: string[], operation: string[]) => ({ show: { resource, operation } });

function forResource(resource: string, options: INodeProperties[]): INodeProperties[] {
	return options.map((option) => ({ ...option, displayOptions: { show: { '/resource': [resource] } } }));
}

const byName = (a: INodeProperties, b: INodeProperties) => a.displayName.localeCompare(b.displayName);

const union = (lists: string[][]) => [...new Set(lists.flat())];

export function sharedParameters(resources: ResourceParameters[]): INodeProperties[] {
	const names = resources.map((r) => r.resource);
	const updates = union(resources.map((r) => r.update));
	return [
		...resources.map(({ resource, record }) => ({ ...record.locator, displayOptions: show([resource], record.operations) })),
		{ ...updateModeField(), displayOptions: show(names, updates) },
		{ ...replaceNotice(), displayOptions: { show: { resource: names, operation: updates, updateMode: ['replace'] } } },
		{
			displayName: 'Update Fields',
			name: 'updateFields',
			type: 'collection',
			placeholder: 'Add Field',
			default: {},
			description: 'Only the fields you add are sent; everything else stays as it is',
			displayOptions: show(names, updates),
			options: ([
				billingSettingsField(),
				{ displayName: 'Name', name: 'name', type: 'string', default: '', description: 'The new name' },
				...resources.flatMap(({ resource, updateFields }) => forResource(resource, updateFields)),
			] as INodeProperties[]).sort(byName),
		},
		...returnAllFields().map((field) => ({
			...field,
			displayOptions: { show: { ...(field.displayOptions?.show ?? {}), operation: ['getAll'] } },
		})),
		{
			displayName: 'Filters',
			name: 'filters',
			type: 'collection',
			placeholder: 'Add Filter',
			default: {},
			displayOptions: show(names, ['getAll']),
			options: ([
				{ displayName: 'Name Contains', name: 'nameFilter', type: 'string', default: '', description: 'Only records whose name contains this text' },
				...resources.flatMap(({ resource, filters }) => forResource(resource, filters)),
			] as INodeProperties[]).sort(byName),
		},
		// Two definitions of one parameter, by node version: a saved version-1 node keeps its raw output.
		...[
			{ byDefault: false, versions: [1] },
			{ byDefault: true, versions: [1.1] },
		].map(({ byDefault, versions }) => ({
			...simplifyField(byDefault),
			displayOptions: { show: { ...show(names, union(resources.map((r) => r.simplify))).show, '@version': versions } },
		})),
	];
}
