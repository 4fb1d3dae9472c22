import type { IDataObject, IExecuteSingleFunctions, INodeParameterResourceLocator } from 'n8n-workflow';

import { idToPathSegment } from './ids';
import { InputError } from './inputError';
import { problems } from './messages';
import { lookupSettings } from './referenceIds/settings';
import { getRunState } from './runState';

export const REFERENCE_MODE = 'referenceId';

/**
 * The path of the entity a locator points at. For "By Reference ID" the customer is not known
 * yet: the path gets a placeholder and `sendRequest` looks the customer up before sending.
 */
export function entityPath(
	context: IExecuteSingleFunctions,
	parameter: string,
	collection: string,
	label: string,
): string {
	// Read once (each read evaluates the expressions again); list, ID and reference modes all hold
	// the plain value, so nothing needs n8n's extraction.
	const locator = context.getNodeParameter(parameter, undefined) as INodeParameterResourceLocator | string | undefined;
	const isLocator = typeof locator === 'object' && locator !== null;
	const mode = isLocator ? locator.mode : 'id';
	const value = isLocator ? locator.value : locator;
	if (mode === REFERENCE_MODE) {
		if (typeof value !== 'string' || value.trim() === '') {
			throw new InputError({ label: `${label} (by reference ID)`, path: parameter, problem: problems.blank(value) });
		}
		const { accountIds } = lookupSettings(context.getNodeParameter('referenceLookup', {}) as IDataObject);
		getRunState(context).lookups.set(context.getItemIndex(), { referenceId: value.trim(), accountIds });
		return `/${collection}/{referenceId}`;
	}
	return `/${collection}/${idToPathSegment(value, label, parameter)}`;
}
