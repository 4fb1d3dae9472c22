import type { INodeProperties } from 'n8n-workflow';

const tagPicker: Pick<INodeProperties, 'type' | 'typeOptions' | 'default'> = {
	type: 'multiOptions',
	typeOptions: { loadOptionsMethod: 'getTags', loadOptionsDependsOn: ['customerId.value', 'accountId.value'] },
	default: [],
};

const fromListOr = 'Choose from the list, or specify IDs using an <a href="https://docs.n8n.io/code/expressions/">expression</a>';

/** The tag fields of a customer update, sorted as n8n lists collection options. */
export function tagFields(): Record<'add' | 'clear' | 'remove' | 'set', INodeProperties> {
	return {
		add: { ...tagPicker, displayName: 'Add Tag Names or IDs', name: 'addTagIds', description: `Adds these tags and keeps the customer's others. ${fromListOr}.` },
		clear: {
			displayName: 'Remove All Tags',
			name: 'clearTags',
			type: 'boolean',
			default: false,
			description: 'Whether to remove every tag from the customer (sends an empty tag list)',
		},
		remove: { ...tagPicker, displayName: 'Remove Tag Names or IDs', name: 'removeTagIds', description: `Removes these tags and keeps the customer's others. ${fromListOr}.` },
		set: { ...tagPicker, displayName: 'Tag Names or IDs', name: 'tagIds', description: `Sets the customer's tags to exactly these, removing the others. ${fromListOr} (a list or a comma-separated text).` },
	};
}
