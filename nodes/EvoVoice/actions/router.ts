import type { IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { runOperation } from '../executor/run';
import type { Operation } from '../executor/types';
import * as account from './account/Account.resource';
import * as customer from './customer/Customer.resource';

const resources: Record<string, Record<string, Operation>> = {
	account: account.operations,
	customer: customer.operations,
};

/** Picks the operation; the executor runs it over every item of the run. */
export async function router(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
	const resource = this.getNodeParameter('resource', 0) as string;
	const operation = this.getNodeParameter('operation', 0) as string;
	const run = resources[resource]?.[operation];
	if (!run) {
		throw new NodeOperationError(this.getNode(), `The operation "${operation}" is not known for the resource "${resource}"`);
	}
	return await runOperation(this, run);
}
