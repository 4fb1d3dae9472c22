import type { INodeProperties } from 'n8n-workflow';

export function dataValuesField(): INodeProperties {
	return {
		displayName: 'Data Values',
		name: 'data',
		type: 'fixedCollection',
		typeOptions: { multipleValues: true },
		placeholder: 'Add Data Value',
		default: {},
		description:
			"Values of the account's customer data fields. With Update Mode on Merge (the default) the customer's other values are kept; on Replace, they are removed.",
		options: [
			{
				displayName: 'Value',
				name: 'values',
				values: [
					{
						displayName: 'Field Name or ID',
						name: 'name',
						type: 'options',
						typeOptions: { loadOptionsMethod: 'getCustomerFields', loadOptionsDependsOn: ['customerId.value', 'accountId.value'] },
						default: '',
						description:
							'Choose from the list, or specify an ID using an <a href="https://docs.n8n.io/code/expressions/">expression</a>',
					},
					{
						displayName: 'Type',
						name: 'type',
						type: 'options',
						options: [
							{ name: 'Boolean', value: 'boolean', description: 'Sent as boolValue' },
							{
								name: "From the Field's Type",
								value: 'auto',
								description:
									'Wrapped as the account defines the field: Number fields take numbers (or numeric text), Boolean fields true/false, List and Struct fields JSON',
							},
							{ name: 'JSON (List or Struct)', value: 'json', description: 'An array of objects is sent as listValue, an object as structValue' },
							{ name: 'Number', value: 'number', description: 'Sent as numberValue' },
							{ name: 'Text', value: 'string', description: 'Sent as stringValue' },
						],
						default: 'auto',
					},
					{ displayName: 'Value', name: 'value', type: 'string', default: '', displayOptions: { show: { type: ['auto'] } }, description: "Converted to the field's type when the node runs" },
					{ displayName: 'Value', name: 'stringValue', type: 'string', default: '', displayOptions: { show: { type: ['string'] } } },
					{ displayName: 'Value', name: 'numberValue', type: 'number', default: 0, displayOptions: { show: { type: ['number'] } } },
					{ displayName: 'Value', name: 'boolValue', type: 'boolean', default: false, displayOptions: { show: { type: ['boolean'] } }, description: 'Whether the field is true' },
					{ displayName: 'Value (JSON)', name: 'jsonValue', type: 'json', default: '{}', displayOptions: { show: { type: ['json'] } }, description: 'An object (a struct) or an array of objects (a list of structs)' },
				],
			},
		],
	};
}

export function dataJsonField(): INodeProperties {
	return {
		displayName: 'Data (JSON)',
		name: 'dataJson',
		type: 'json',
		default: '{}',
		description:
			'The whole data object, e.g. from an expression. Plain values are wrapped for you ({"Plan": "Pro"} becomes {"Plan": {"stringValue": "Pro"}}); values already in Evo Voice\'s form are kept. Data Values, if also set, win.',
	};
}
