import { problems } from './messages';

/**
 * A small schema language for the request bodies this node sends. Each node of a schema knows its
 * label, so that an error names the field the way the user sees it and the path the API uses.
 */
export type Schema =
	| { kind: 'string'; label: string; max?: number; blank?: 'allowed' }
	| { kind: 'number'; label: string; min?: number; max?: number; integer?: boolean }
	| { kind: 'boolean'; label: string }
	| { kind: 'enum'; label: string; values: readonly string[] }
	| { kind: 'time'; label: string }
	| { kind: 'date'; label: string }
	| { kind: 'list'; label: string; of: Schema; max?: number }
	| { kind: 'object'; label: string; fields: Record<string, Schema> }
	| { kind: 'struct'; label: string }
	| { kind: 'any'; label: string };

export interface Invalid {
	label: string;
	path: string;
	problem: string;
}

const TIME = /^([01]\d|2[0-3]):[0-5]\d$/;
const DATE = /^(\d{4})-(\d{2})-(\d{2})(T([01]\d|2[0-3]):[0-5]\d(:[0-5]\d(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})?)?$/;
const VALUE_KINDS = ['boolValue', 'stringValue', 'numberValue', 'listValue', 'structValue'] as const;
const MAX_STRUCT_DEPTH = 32;

function isRealDate(text: string): boolean {
	const match = DATE.exec(text);
	if (!match) return false;
	const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
	const date = new Date(Date.UTC(year, month - 1, day));
	return date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
}

function checkScalar(schema: Schema, value: unknown): string | undefined {
	switch (schema.kind) {
		case 'string':
			if (typeof value !== 'string') return problems.notText(value);
			if (schema.blank !== 'allowed' && value.trim() === '') return problems.blank(value);
			if (value.length > (schema.max ?? 1_000)) return problems.tooLong(value, schema.max ?? 1_000);
			return undefined;
		case 'number':
			if (value === null || value === '') return problems.noNumber();
			if (typeof value !== 'number') return problems.notNumber(value);
			if (!Number.isFinite(value)) return problems.notFinite(value);
			if (schema.integer && !Number.isInteger(value)) return problems.notInteger(value);
			if (schema.min !== undefined && value < schema.min) return problems.belowMin(value, schema.min);
			if (schema.max !== undefined && value > schema.max) return problems.aboveMax(value, schema.max);
			return undefined;
		case 'boolean':
			return typeof value === 'boolean' ? undefined : problems.notBoolean(value);
		case 'enum':
			return typeof value === 'string' && schema.values.includes(value)
				? undefined
				: problems.notOneOf(value, schema.values);
		case 'time':
			return typeof value === 'string' && TIME.test(value) ? undefined : problems.notTime(value);
		case 'date':
			return typeof value === 'string' && isRealDate(value) ? undefined : problems.notDate(value);
		default:
			return undefined;
	}
}

/** Checks an Evo Voice `Struct` (field name → Value), where each Value has exactly one kind set. */
function checkStruct(value: unknown, path: string, label: string, out: Invalid[], depth = 0): void {
	if (depth > MAX_STRUCT_DEPTH) {
		out.push({ label, path, problem: `is nested more than ${MAX_STRUCT_DEPTH} levels deep` });
		return;
	}
	if (typeof value !== 'object' || value === null || Array.isArray(value)) {
		out.push({ label, path, problem: problems.notObject(value) });
		return;
	}
	for (const [key, entry] of Object.entries(value)) {
		const entryPath = `${path}.${key}`;
		if (key.trim() === '') {
			out.push({ label, path: entryPath, problem: 'has a field with an empty name' });
			continue;
		}
		const kinds =
			typeof entry === 'object' && entry !== null && !Array.isArray(entry)
				? VALUE_KINDS.filter((kind) => (entry as Record<string, unknown>)[kind] !== undefined)
				: [];
		if (kinds.length !== 1) {
			out.push({ label, path: entryPath, problem: problems.badValue(entry) });
			continue;
		}
		const kind = kinds[0];
		const inner = (entry as Record<string, unknown>)[kind];
		const innerPath = `${entryPath}.${kind}`;
		if (kind === 'listValue') {
			if (!Array.isArray(inner)) out.push({ label, path: innerPath, problem: problems.notList(inner) });
			else inner.forEach((struct, i) => checkStruct(struct, `${innerPath}[${i}]`, label, out, depth + 1));
		} else if (kind === 'structValue') {
			checkStruct(inner, innerPath, label, out, depth + 1);
		} else {
			const scalar: Schema =
				kind === 'boolValue'
					? { kind: 'boolean', label }
					: kind === 'numberValue'
						? { kind: 'number', label }
						: { kind: 'string', label, blank: 'allowed', max: 100_000 };
			const problem = checkScalar(scalar, inner);
			if (problem) out.push({ label, path: innerPath, problem });
		}
	}
}

/** Collects every problem of `value` against `schema`; an empty list means it is valid. */
export function validate(schema: Schema, value: unknown, path: string, out: Invalid[] = []): Invalid[] {
	if (schema.kind === 'any') return out;
	if (schema.kind === 'struct') {
		checkStruct(value, path, schema.label, out);
		return out;
	}
	if (schema.kind === 'list') {
		if (!Array.isArray(value)) {
			out.push({ label: schema.label, path, problem: problems.notList(value) });
		} else if (schema.max !== undefined && value.length > schema.max) {
			out.push({ label: schema.label, path, problem: `has ${value.length} entries; at most ${schema.max} are allowed` });
		} else {
			value.forEach((entry, i) => validate(schema.of, entry, `${path}[${i}]`, out));
		}
		return out;
	}
	if (schema.kind === 'object') {
		if (typeof value !== 'object' || value === null || Array.isArray(value)) {
			out.push({ label: schema.label, path, problem: problems.notObject(value) });
			return out;
		}
		for (const [key, fieldValue] of Object.entries(value)) {
			const field = schema.fields[key];
			// Unknown keys are passed through: staging already has fields production lacks.
			if (field) validate(field, fieldValue, path ? `${path}.${key}` : key, out);
		}
		return out;
	}
	const problem = checkScalar(schema, value);
	if (problem) out.push({ label: schema.label, path, problem });
	return out;
}
