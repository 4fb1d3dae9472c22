import type { IDataObject, INodeParameterResourceLocator } from 'n8n-workflow';

import type { Parameters } from '../../executor/parameters';
import type { Operation, Target } from '../../executor/types';
import { checkId } from '../../model/ids';
import { InputError } from '../../model/inputError';
import { problems } from '../../model/messages';
import { lookupSettings } from '../../referenceIds';

export const REFERENCE_MODE = 'referenceId';

/** A record an operation acts on: its collection, and how its picker is named in the editor. */
export interface EntitySpec {
	collection: Target['collection'];
	parameter: string;
	label: string;
	/** Whether the record can be given by reference ID (customers have one; accounts do not). */
	byReference: boolean;
}

export const CUSTOMER: EntitySpec = { collection: 'customers', parameter: 'customerId', label: 'Customer', byReference: true };
export const ACCOUNT: EntitySpec = { collection: 'accounts', parameter: 'accountId', label: 'Account', byReference: false };

/** A picker's mode and value: read once and unextracted, as list, ID and reference modes all hold the plain value. */
function readLocator(parameters: Parameters, itemIndex: number, spec: EntitySpec): { mode: string; value: unknown } {
	const locator = parameters.read<INodeParameterResourceLocator | string | undefined>(spec.parameter, itemIndex, spec.label);
	return typeof locator === 'object' && locator !== null ? { mode: locator.mode, value: locator.value } : { mode: 'id', value: locator };
}

/** The checked ID of a record that has no reference ID (an account): any mode's value is its ID. */
export function entityId(parameters: Parameters, itemIndex: number, spec: EntitySpec): string {
	return checkId(readLocator(parameters, itemIndex, spec).value, spec.label, spec.parameter);
}

/**
 * The record a picker points at. "By Reference ID" is resolved later, for the whole run at once;
 * an ID is checked here, so that bad input is refused before anything is sent.
 */
export function entityTarget(parameters: Parameters, itemIndex: number, spec: EntitySpec): Target {
	const { collection, parameter, label } = spec;
	const { mode, value } = readLocator(parameters, itemIndex, spec);
	if (mode === REFERENCE_MODE && spec.byReference) {
		if (typeof value !== 'string' || value.trim() === '') {
			throw new InputError({ label: `${label} (by reference ID)`, path: parameter, problem: problems.blank(value) });
		}
		const { accountIds } = lookupSettings(parameters.read<IDataObject>('referenceLookup', itemIndex, 'Reference ID Look-Up', {}));
		return { collection, referenceId: value.trim(), ...(accountIds.length ? { accountIds } : {}), label, parameter };
	}
	return { collection, id: checkId(value, label, parameter), label, parameter };
}

/** Get: the record, read by its ID or reference ID. */
export function getOperation(spec: EntitySpec): Operation {
	return { plan: (_context, i, parameters) => ({ kind: 'read', method: 'GET', target: entityTarget(parameters, i, spec) }) };
}
