import type { IExecuteFunctions } from 'n8n-workflow';

import { invalidItem } from './outcomes';
import type { Parameters } from './parameters';
import type { Failed, Operation, Planned } from './types';

/**
 * Stage 1: every input item's parameters read and checked, before anything is sent. Mappers report
 * bad input as InputError (or a plain Error for a rule across fields): the item's own error.
 */
export function planItems(context: IExecuteFunctions, operation: Operation, parameters: Parameters): Array<Planned | Failed> {
	return context.getInputData().map((_, index) => {
		try {
			return { stage: 'planned', index, plan: operation.plan(context, index, parameters) };
		} catch (error) {
			return invalidItem(context, index, error);
		}
	});
}
