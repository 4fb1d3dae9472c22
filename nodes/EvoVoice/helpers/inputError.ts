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
	try {
		return JSON.parse(trimmed) as unknown;
	} catch (error) {
		const reason = error instanceof Error ? error.message : 'unreadable';
		// eslint-disable-next-line @n8n/community-nodes/require-node-api-error -- hooks turn InputError into NodeOperationError
		throw new InputError({ label, path, problem: `is not valid JSON (${reason})` });
	}
}
