import type { IExecuteFunctions, INodeExecutionData, INodeType, INodeTypeDescription } from 'n8n-workflow';
import { NodeConnectionTypes } from 'n8n-workflow';

import * as account from './actions/account/Account.resource';
import * as customer from './actions/customer/Customer.resource';
import { router } from './actions/router';
import { sharedParameters } from './descriptions/shared';
import { requestOptions } from './descriptions/requestOptions';
import { credentialTest, listSearch, loadOptions } from './methods';

export class EvoVoice implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'Evo Voice',
		name: 'evoVoice',
		icon: { light: 'file:../../icons/evovoice.svg', dark: 'file:../../icons/evovoice.dark.svg' },
		group: ['transform'],
		// 1.1: Simplify on by default. Version 1 nodes of saved workflows run as they always did.
		version: [1, 1.1],
		defaultVersion: 1.1,
		// Title case as n8n's own nodes read ("Update Customer"), not the raw "update: customer".
		subtitle:
			'={{ ({ create: "Create", delete: "Delete", get: "Get", getAll: "Get Many", testSchedule: "Test Schedule", update: "Update", upsert: "Create or Update" })[$parameter["operation"]] + " " + ({ customer: "Customer", account: "Account" })[$parameter["resource"]] + ($parameter["operation"] === "getAll" ? "s" : "") }}',
		description: 'Manage Evo Voice customers and accounts: billing, schedules, app settings, data and tags',
		defaults: { name: 'Evo Voice' },
		usableAsTool: true,
		inputs: [NodeConnectionTypes.Main],
		outputs: [NodeConnectionTypes.Main],
		// The credential has no declarative `test`: n8n would prefer it to this one, which also says
		// what to fix when nothing answers at the Base URL (methods/credentialTest.ts).
		credentials: [{ name: 'evoVoiceApi', required: true, testedBy: 'evoVoiceApiTest' }],
		properties: [
			{
				displayName: 'Resource',
				name: 'resource',
				type: 'options',
				noDataExpression: true,
				options: [
					{ name: 'Account', value: 'account' },
					{ name: 'Customer', value: 'customer' },
				],
				default: 'customer',
			},
			...customer.description,
			...account.description,
			...sharedParameters([customer.parameters, account.parameters]),
			requestOptions,
		],
	};

	methods = { credentialTest, listSearch, loadOptions };

	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		return await router.call(this);
	}
}
