import type { IDataObject, INodeParameterResourceLocator } from 'n8n-workflow';

import type { Target } from '../../executor/types';
import type { Parameters } from '../../executor/parameters';
import { idToPathSegment } from '../../model/ids';
import { InputError } from '../../model/inputError';
import { problems } from '../../model/messages';
import { lookupSettings } from '../../referenceIds/settings';

export const REFERENCE_MODE = 'referenceId';

/**
 * The entity a locator points at. "By Reference ID" is resolved later, for the whole run at once;
 * an ID is checked here, so that bad input is refused before anything is sent.
 */
export function targetOf(
	parameters: Parameters,
	itemIndex: number,
	parameter: string,
	collection: Target['collection'],
	label: string,
): Target {
	// Read once and unextracted: list, ID and reference modes all hold the plain value.
	const locator = parameters.read<INodeParameterResourceLocator | string | undefined>(parameter, itemIndex, label);
	const isLocator = typeof locator === 'object' && locator !== null;
	const mode = isLocator ? locator.mode : 'id';
	const value = isLocator ? locator.value : locator;
	if (mode === REFERENCE_MODE) {
		if (typeof value !== 'string' || value.trim() === '') {
			throw new InputError({ label: `${label} (by reference ID)`, path: parameter, problem: problems.blank(value) });
		}
		const { accountIds } = lookupSettings(parameters.read<IDataObject>('referenceLookup', itemIndex, 'Reference ID Look-Up', {}));
		return { collection, referenceId: value.trim(), ...(accountIds.length ? { accountIds } : {}), label, parameter };
	}
	idToPathSegment(value, label, parameter);
	return { collection, id: String(value).trim(), label, parameter };
}
