import type { IExecuteSingleFunctions, INodeExecutionData, INodeParameterResourceLocator } from 'n8n-workflow';

/** DELETE answers 204 with no body; the item says what was deleted instead of being empty. */
export async function markDeleted(this: IExecuteSingleFunctions): Promise<INodeExecutionData[]> {
	const locator = this.getNodeParameter('customerId', undefined, { extractValue: false }) as INodeParameterResourceLocator;
	const value = String(this.getNodeParameter('customerId', undefined, { extractValue: true })).trim();
	return [{ json: locator?.mode === 'referenceId' ? { referenceId: value, deleted: true } : { id: value, deleted: true } }];
}
