import type { INodeProperties } from 'n8n-workflow';

/** "Filters" of a list operation, after "Return All" and "Limit". */
export function listFields(filters: INodeProperties[]): INodeProperties[] {
	return [
		...returnAllFields(),
		{ displayName: 'Filters', name: 'filters', type: 'collection', placeholder: 'Add Filter', default: {}, options: filters },
	];
}

/** "Name Contains", the name filter customer and account lists share. */
export function nameFilterField(entities: string): INodeProperties {
	return {
		displayName: 'Name Contains',
		name: 'nameFilter',
		type: 'string',
		default: '',
		description: `Only ${entities} whose name contains this text`,
	};
}

/** "Return All" and "Limit", as every n8n list operation has them. */
export function returnAllFields(): INodeProperties[] {
	return [
		{
			displayName: 'Return All',
			name: 'returnAll',
			type: 'boolean',
			default: false,
			description: 'Whether to return all results or only up to a given limit',
		},
		{
			displayName: 'Limit',
			name: 'limit',
			type: 'number',
			typeOptions: { minValue: 1 },
			default: 50,
			description: 'Max number of results to return',
			displayOptions: { show: { returnAll: [false] } },
		},
	];
}
