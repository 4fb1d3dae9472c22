import type { INodeProperties } from 'n8n-workflow';

const tagPicker: Pick<INodeProperties, 'type' | 'typeOptions' | 'default'> = {
	type: 'multiOptions',
	typeOptions: { loadOptionsMethod: 'getTags', loadOptionsDependsOn: ['customerId.value'] },
	default: [],
};

export function tagFields(): INodeProperties[] {
	return [
		{
			...tagPicker,
			displayName: 'Tag Names or IDs',
			name: 'tagIds',
			description:
				'Sets the customer\'s tags to exactly these, removing the others. Choose from the list, or specify IDs using an <a href="https://docs.n8n.io/code/expressions/">expression</a> (an array or a comma-separated text).',
		},
		{
			displayName: 'Remove All Tags',
			name: 'clearTags',
			type: 'boolean',
			default: false,
			description: 'Whether to remove every tag from the customer (sends an empty tag list)',
		},
	];
}
