import type { INodeProperties } from 'n8n-workflow';

interface LocatorSpec {
	name: string;
	displayName: string;
	entity: string;
	searchListMethod: string;
	placeholder: string;
	required?: boolean;
	description?: string;
	/** Adds "By Reference ID" (the customer's ID in another system), looked up before sending. */
	byReference?: boolean;
}

/** A picker with a searchable list and an ID mode; expressions work in both. */
export function entityLocator(spec: LocatorSpec): INodeProperties {
	return {
		displayName: spec.displayName,
		name: spec.name,
		type: 'resourceLocator',
		default: { mode: 'list', value: '' },
		required: spec.required ?? true,
		description: spec.description,
		modes: [
			{
				displayName: 'From List',
				name: 'list',
				type: 'list',
				placeholder: `Select a ${spec.entity}...`,
				typeOptions: { searchListMethod: spec.searchListMethod, searchable: true },
			},
			{
				displayName: 'By ID',
				name: 'id',
				type: 'string',
				placeholder: spec.placeholder,
			},
			...(spec.byReference
				? [
						{
							// n8n's mode selector shows about 50px of text: "By Reference ID" read "By Refer".
							displayName: 'Ref. ID',
							name: 'referenceId',
							type: 'string' as const,
							placeholder: 'e.g. crm-1001, its ID in your CRM',
						},
					]
				: []),
		],
	};
}

export const customerLocator = (overrides: Partial<LocatorSpec> = {}) =>
	entityLocator({
		name: 'customerId',
		displayName: 'Customer',
		entity: 'customer',
		searchListMethod: 'searchCustomers',
		placeholder: 'e.g. 5f3c9a2b7d1e4f6a8b0c1d2e',
		...overrides,
	});

export const accountLocator = (overrides: Partial<LocatorSpec> = {}) =>
	entityLocator({
		name: 'accountId',
		displayName: 'Account',
		entity: 'account',
		searchListMethod: 'searchAccounts',
		placeholder: 'e.g. 5f3c9a2b7d1e4f6a8b0c1d2e',
		...overrides,
	});
