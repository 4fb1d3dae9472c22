import type { IExecuteFunctions, IGetNodeParameterOptions, NodeParameterValueType } from 'n8n-workflow';

import { InputError } from '../helpers/inputError';

/**
 * Reads one parameter of one item. An expression that throws is that item's bad input, named by
 * the parameter: never a field silently left out of the request.
 */
export function readParameter<T = NodeParameterValueType>(
	context: IExecuteFunctions,
	name: string,
	itemIndex: number,
	label: string,
	fallback?: T,
	options?: IGetNodeParameterOptions,
): T {
	try {
		return context.getNodeParameter(name, itemIndex, fallback, options) as T;
	} catch (error) {
		// eslint-disable-next-line @n8n/community-nodes/require-node-api-error -- the executor turns InputError into NodeOperationError
		throw new InputError({ label, path: name, problem: `has an expression that failed: ${(error as Error).message}` });
	}
}
