import type { INodeProperties } from 'n8n-workflow';

/** Merge or replace: how billing settings, app settings, the schedule and data values are written. */
export function updateModeField(): INodeProperties {
	return {
		displayName: 'Update Mode',
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
		description:
			'Billing settings, app settings, the schedule and data values are objects the API replaces whole. Merge keeps what you do not set; Replace sends only what you set. Plain fields such as the name are always sent as they are.',
	};
}

/** Shown only while Replace is chosen: the one choice of this node that can lose data. */
export function replaceNotice(): INodeProperties {
	return {
		displayName:
			'Replace sends only what you set below: billing items, app settings, schedule rules and data values you leave out are removed from the record',
		name: 'replaceNotice',
		type: 'notice',
		default: '',
	};
}
