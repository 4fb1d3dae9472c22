import type { IExecuteSingleFunctions, IHttpRequestOptions } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { getRunState, settle } from '../helpers/runState';

/**
 * Wraps a pre-send step so that bad input is reported the same way everywhere: as a
 * NodeOperationError for this item, recorded in the run state so that, without "continue on
 * fail", no item of the batch is sent. The step must stay synchronous (see runState).
 */
export function guardInput(
	step: (context: IExecuteSingleFunctions, requestOptions: IHttpRequestOptions) => IHttpRequestOptions,
) {
	return async function (this: IExecuteSingleFunctions, requestOptions: IHttpRequestOptions): Promise<IHttpRequestOptions> {
		try {
			return step(this, requestOptions);
		} catch (error) {
			const state = getRunState(this);
			const itemIndex = this.getItemIndex();
			const message = (error as Error).message;
			state.invalid ??= { itemIndex, message };
			settle(state, itemIndex, 'failed');
			throw new NodeOperationError(this.getNode(), message, {
				itemIndex,
				description: `Item ${itemIndex + 1}: nothing was sent for it.`,
			});
		}
	};
}
