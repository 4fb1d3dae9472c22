import type { INodeProperties } from 'n8n-workflow';

import { BILLING_ITEMS, BILLING_VALUES } from '../model/fields';

// Each value is its own optional field, so that only what the user adds is sent. An added value
// starts empty (no default of 0: a Raw Unit Multiplier nobody typed must not become 0), and has no
// minValue: the editor would clamp a typed -5 to 0 and save a price the user never typed; the
// node's own check refuses negatives, naming the field and the value.
function billingItemOption(item: (typeof BILLING_ITEMS)[number]): INodeProperties {
	return {
		displayName: item.displayName,
		name: item.name,
		type: 'collection',
		placeholder: 'Add Value',
		default: {},
		description: item.description,
		options: BILLING_VALUES.map((value) => ({
			displayName: value.displayName,
			name: value.name,
			type: 'number',
			default: null,
			typeOptions: { numberPrecision: value.integer ? 0 : 4 },
			description: value.description,
		})),
	};
}

/** Billing settings, written once for customers and accounts alike. */
export function billingSettingsField(): INodeProperties {
	return {
		displayName: 'Billing Settings',
		name: 'billingSettings',
		type: 'collection',
		placeholder: 'Add Billing Item',
		default: {},
		description:
			'Prices per billing item. With Update Mode on Merge (the default) only what you add changes; on Replace, what you leave out is reset.',
		options: BILLING_ITEMS.map(billingItemOption),
	};
}
