import { InputError, parseJsonParameter } from '../inputError';
import { problems } from '../messages';

export type Value =
	| { boolValue: boolean }
	| { stringValue: string }
	| { numberValue: number }
	| { listValue: Struct[] }
	| { structValue: Struct };
export type Struct = Record<string, Value>;

const VALUE_KINDS = ['boolValue', 'stringValue', 'numberValue', 'listValue', 'structValue'];

/** One entry of the "Data Values" list as n8n stores it. */
export interface DataValueParameters {
	name?: unknown;
	type?: 'auto' | 'string' | 'number' | 'boolean' | 'json';
	value?: unknown;
	stringValue?: unknown;
	numberValue?: unknown;
	boolValue?: unknown;
	jsonValue?: unknown;
}

/** True for an object already in the API's Value form, e.g. {"stringValue": "Pro"}. */
function isWrappedValue(value: unknown): boolean {
	if (typeof value !== 'object' || value === null || Array.isArray(value)) return false;
	const keys = Object.keys(value);
	return keys.length === 1 && VALUE_KINDS.includes(keys[0]);
}

/** Wraps a plain JSON value into the API's Value; values already wrapped are kept as they are. */
export function toValue(value: unknown, label: string, path: string): Value {
	if (isWrappedValue(value)) {
		const [kind, inner] = Object.entries(value as Record<string, unknown>)[0];
		if (kind === 'listValue' && Array.isArray(inner)) {
			return { listValue: inner.map((s, i) => toStruct(s, label, `${path}.listValue[${i}]`)) };
		}
		if (kind === 'structValue') return { structValue: toStruct(inner, label, `${path}.structValue`) };
		return value as Value;
	}
	if (typeof value === 'string') return { stringValue: value };
	if (typeof value === 'number') return { numberValue: value };
	if (typeof value === 'boolean') return { boolValue: value };
	if (Array.isArray(value)) return { listValue: value.map((s, i) => toStruct(s, label, `${path}.listValue[${i}]`)) };
	if (typeof value === 'object' && value !== null) return { structValue: toStruct(value, label, `${path}.structValue`) };
	throw new InputError({ label, path, problem: problems.badValue(value) });
}

/** Turns a plain or already-wrapped object into the API's Struct (field name → Value). */
export function toStruct(value: unknown, label: string, path: string): Struct {
	if (typeof value !== 'object' || value === null || Array.isArray(value)) {
		throw new InputError({ label, path, problem: problems.notObject(value) });
	}
	const struct: Struct = {};
	for (const [key, entry] of Object.entries(value)) {
		if (entry === undefined) continue;
		struct[key] = toValue(entry, label, `${path}.${key}`);
	}
	return struct;
}

function typedValue(entry: DataValueParameters, name: string, path: string): Value {
	const label = `Data Values › ${name}`;
	switch (entry.type ?? 'string') {
		case 'number':
			return { numberValue: entry.numberValue as number };
		case 'boolean':
			return { boolValue: entry.boolValue as boolean };
		case 'json': {
			const parsed = parseJsonParameter(entry.jsonValue, label, path);
			if (Array.isArray(parsed)) return { listValue: parsed.map((s, i) => toStruct(s, label, `${path}.listValue[${i}]`)) };
			if (typeof parsed === 'object' && parsed !== null) return { structValue: toStruct(parsed, label, `${path}.structValue`) };
			throw new InputError({ label, path, problem: 'must be an object (a struct) or a list of objects (a list of structs)' });
		}
		default:
			return { stringValue: entry.stringValue as string };
	}
}

/** Builds the `data` Struct from the JSON field and the typed entries; the entries win. */
export function toData(json: unknown, entries: DataValueParameters[]): Struct | undefined {
	return splitData(json, entries).data;
}

/**
 * The same, keeping apart the entries typed "from the field's type": their kind is known only once
 * the account's field definitions are read (see executor/prepare.ts).
 */
export function splitData(
	json: unknown,
	entries: DataValueParameters[],
): { data?: Struct; auto: Array<{ name: string; value: unknown }> } {
	const auto = entries
		.filter((entry) => entry.type === 'auto')
		.map((entry) => {
			if (typeof entry.name !== 'string' || entry.name.trim() === '') {
				throw new InputError({ label: 'Data Values › Field Name', path: 'data', problem: problems.blank(entry.name) });
			}
			return { name: entry.name, value: entry.value };
		});
	const data = typedData(json, entries.filter((entry) => entry.type !== 'auto'));
	return { data, auto };
}

function typedData(json: unknown, entries: DataValueParameters[]): Struct | undefined {
	const parsed = parseJsonParameter(json, 'Data (JSON)', 'data');
	const hasJson = parsed !== undefined && !(typeof parsed === 'object' && parsed !== null && Object.keys(parsed).length === 0);
	if (!hasJson && entries.length === 0) return undefined;
	const data: Struct = hasJson ? toStruct(parsed, 'Data (JSON)', 'data') : {};
	for (const entry of entries) {
		if (typeof entry.name !== 'string' || entry.name.trim() === '') {
			throw new InputError({ label: 'Data Values › Field Name', path: 'data', problem: problems.blank(entry.name) });
		}
		data[entry.name] = typedValue(entry, entry.name, `data.${entry.name}`);
	}
	return data;
}
