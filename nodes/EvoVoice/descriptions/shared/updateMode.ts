import type { INodeProperties } from 'n8n-workflow';

export function updateModeField(): INodeProperties {
	return {
		displayName: 'Nested Objects',
		name: 'updateMode',
		type: 'options',
		noDataExpression: true,
		options: [
			{
				name: 'Merge With Current Values',
				value: 'merge',
				description:
					'Reads the record first and changes only the billing values, app settings, schedule fields and data values you set; everything else is kept',
			},
			{
				name: 'Replace Whole Objects',
				value: 'replace',
				description:
					'Sends only what you set, in one request. The API replaces each nested object whole, so billing items, settings and data values you leave out are lost.',
			},
		],
		default: 'merge',
		description: 'How billing settings, app settings, schedules and data are changed. Plain fields such as the name are always sent as they are.',
	};
}
