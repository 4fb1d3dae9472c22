import type { IDataObject } from 'n8n-workflow';

import { InputError } from '../inputError';
import { show } from '../messages';
import { toStruct, type Value } from './data';

/** A customer data field as the account defines it (GET /system/settings). */
export interface CustomerField {
	name: string;
	type?: string;
}

/** A data value whose kind comes from the field's definition, known only once the account is read. */
export interface AutoValue {
	name: string;
	value: unknown;
}

const TRUE = new Set(['true', 'yes', '1', 'on']);
const FALSE = new Set(['false', 'no', '0', 'off']);

function parsedJson(value: unknown): unknown {
	if (typeof value !== 'string') return value;
	try {
		return JSON.parse(value) as unknown;
	} catch {
		return value;
	}
}

/**
 * Wraps a value the way its field's type says (String, Number, Boolean, List, Struct; the names
 * Evo Voice's field definitions use, matched without regard to case). Text from a webhook or a sheet
 * is converted when that is unambiguous ("12" for a Number, "yes" for a Boolean); anything else is
 * refused, naming the field and the value.
 */
export function wrapByFieldType(entry: AutoValue, field: CustomerField | undefined, known: string[]): Value {
	const path = `data.${entry.name}`;
	const label = `Data Values › ${entry.name}`;
	const fail = (problem: string): never => {
		throw new InputError({ label, path, problem });
	};
	if (!field) {
		return fail(`is not a customer data field of this customer's account (its fields: ${known.join(', ') || 'none'})`);
	}
	const type = (field.type ?? 'String').toLowerCase();
	const { value } = entry;
	switch (type) {
		case 'number': {
			const number = typeof value === 'string' && value.trim() !== '' ? Number(value.trim()) : value;
			if (typeof number !== 'number' || !Number.isFinite(number)) return fail(`is a Number field; ${show(value)} is not a number`);
			return { numberValue: number };
		}
		case 'boolean': {
			if (typeof value === 'boolean') return { boolValue: value };
			const text = String(value).trim().toLowerCase();
			if (TRUE.has(text)) return { boolValue: true };
			if (FALSE.has(text)) return { boolValue: false };
			return fail(`is a Boolean field; ${show(value)} is not true or false`);
		}
		case 'list': {
			const list = parsedJson(value);
			if (!Array.isArray(list)) return fail(`is a List field: give a list of objects (or its JSON), not ${show(value)}`);
			return { listValue: list.map((struct, i) => toStruct(struct, label, `${path}.listValue[${i}]`)) };
		}
		case 'struct': {
			const struct = parsedJson(value);
			return { structValue: toStruct(struct as IDataObject, label, `${path}.structValue`) };
		}
		default:
			if (typeof value === 'object' && value !== null) return fail(`is a ${field.type ?? 'String'} field: give text, not ${show(value)}`);
			return { stringValue: value === undefined || value === null ? '' : String(value) };
	}
}
