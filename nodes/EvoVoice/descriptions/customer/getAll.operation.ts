import type { INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { listFields, nameFilterField } from '../shared/getAll';
import { accountLocator, customerLocator } from '../shared/resourceLocators';

const properties: INodeProperties[] = listFields([
			accountLocator({ required: false, description: 'Only customers of this account' }),
			{
				displayName: 'Direct Children Only',
				name: 'shallowParent',
				type: 'boolean',
				default: false,
				description: 'Whether to return only the direct children of the parent customer, not their descendants',
			},
			nameFilterField('customers'),
			customerLocator({ name: 'parentCustomerId', displayName: 'Parent Customer', required: false, description: 'Only customers under this customer' }),
			{
				displayName: 'Tag Names or IDs',
				name: 'tagIds',
				type: 'multiOptions',
				typeOptions: { loadOptionsMethod: 'getTags' },
				default: [],
				description:
					'Only customers that have all of these tags. Choose from the list, or specify IDs using an <a href="https://docs.n8n.io/code/expressions/">expression</a>.',
			},
]);

export const description = updateDisplayOptions({ show: { resource: ['customer'], operation: ['getAll'] } }, properties);
