import type { INodeProperties } from 'n8n-workflow';

import { accountLocator, customerLocator } from '../../descriptions/locators';
import { listOperation } from '../shared/list';

/** The filters only customer lists have (the name filter is shared with accounts). */
export const filterOptions: INodeProperties[] = [
	accountLocator({ required: false, description: 'Only customers of this account' }),
	{
		displayName: 'Direct Children Only',
		name: 'shallowParent',
		type: 'boolean',
		default: false,
		description: 'Whether to return only the direct children of the parent customer, not their descendants',
	},
	customerLocator({ name: 'parentCustomerId', displayName: 'Parent Customer', required: false, description: 'Only customers under this customer' }),
	{
		displayName: 'Tag Names or IDs',
		name: 'tagIds',
		type: 'multiOptions',
		typeOptions: { loadOptionsMethod: 'getTags', loadOptionsDependsOn: ['filters.accountId.value'] },
		default: [],
		description:
			'Only customers that have all of these tags. Choose from the list, or specify IDs using an <a href="https://docs.n8n.io/code/expressions/">expression</a>.',
	},
];

export const operation = listOperation('/customers');
