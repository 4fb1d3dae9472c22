import type { INodeProperties } from 'n8n-workflow';

/** The "Update Fields" collection of an update operation; only the fields added are sent. */
export function updateFieldsCollection(options: INodeProperties[]): INodeProperties {
	return {
		displayName: 'Update Fields',
		name: 'updateFields',
		type: 'collection',
		placeholder: 'Add Field',
		default: {},
		description: 'Only the fields you add are sent; everything else stays as it is',
		options,
	};
}
