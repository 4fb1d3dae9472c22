import type { INodeProperties } from 'n8n-workflow';

/**
 * How a customer given "By Reference ID" is found (see the README's "reference IDs"). The defaults
 * are literals, as n8n's lint rules want; a test checks they match the resolver's constants.
 * `ownAccount`: operations that look for the customer in the account they name (Create or Update).
 */
export function referenceLookupOptions(operations: string[], ownAccount: string[] = []): INodeProperties {
	return {
		displayName: 'Reference ID Look-Up',
		name: 'referenceLookup',
		type: 'collection',
		placeholder: 'Add Option',
		default: {},
		description: 'How a customer given By Reference ID is found',
		displayOptions: { show: { resource: ['customer'], operation: operations } },
		options: [
			{
				displayName: 'Only in Accounts',
				name: 'accountIds',
				type: 'string',
				default: '',
				placeholder: 'e.g. acc-1, acc-2',
				description:
					'Account IDs, comma-separated: only customers of these accounts count, for resellers whose reference IDs are unique per account. Empty: every customer this login can see.',
				// Operations that name their own account look only there.
				...(ownAccount.length ? { displayOptions: { hide: { '/operation': ownAccount } } } : {}),
			},
			{
				displayName: 'Remember Look-Ups For (Hours)',
				name: 'cacheHours',
				type: 'number',
				typeOptions: { minValue: 0, numberPrecision: 0 },
				default: 24,
				description:
					'How long a customer found by reading the whole customer list is remembered across executions. Each use is checked first with one read of that customer. A second customer given the same reference ID is noticed at the next full read, so within this many hours. 0 reads the whole list in every run.',
			},
		],
	};
}
