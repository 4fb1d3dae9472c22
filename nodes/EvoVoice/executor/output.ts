import type { IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';

import { withSummary } from './outcomes';
import type { Done, Failed, Operation } from './types';

/**
 * Stage 4: every input item ends as one output item, paired to it — its record (a list gives its
 * records, each paired to the item that asked) or its error. Without "continue on fail" the first
 * failure is thrown instead, with what happened to every other item.
 */
export function toOutput(context: IExecuteFunctions, operation: Operation, continueOnFail: boolean, items: Done[]): INodeExecutionData[] {
	if (!continueOnFail) {
		const failed = items.find((item): item is Failed => item.stage === 'failed');
		if (failed) throw withSummary(failed.error, items);
	}
	return items.flatMap((item): INodeExecutionData[] => {
		if (item.stage !== 'applied') {
			const error = item.stage === 'failed' ? item.error : undefined;
			return [{ json: { error: error?.message }, error, pairedItem: { item: item.index } }];
		}
		// A write the API answered with no body still ends as one item: the record it went to.
		let records = item.records;
		if (records.length === 0 && item.plan.kind === 'write') records = [item.entity ? { id: item.entity.id } : {}];
		if (operation.output) records = operation.output(context, item.index, records, item.plan, item.entity);
		return records.map((json) => ({ json, pairedItem: { item: item.index } }));
	});
}
