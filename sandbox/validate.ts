// Table-driven type validation of request bodies against the DTO tables in dtos.ts.
// Deliberately stricter than ServiceStack's lenient binder (which would coerce "12" into an Int):
// the node must send correct JSON types, and a 400 naming the field is the most useful failure.
// null counts as "not sent" everywhere, as in the nullable Kotlin DTOs. Unknown fields are not
// checked (nested ones are kept by semantics.ts; unknown top-level ones are ignored).
import { DTO_CLASSES, DTO_ENUMS, parseField, type DtoClass } from './dtos';

export interface FieldError {
	errorCode: string;
	fieldName: string;
	message: string;
}

/** Request DTOs the seeds do not document; shaped like their documented neighbours. */
export const SANDBOX_CLASSES: Record<string, DtoClass> = {
	CreateCustomer: {
		base: null,
		fields: ['accountId: String', ...DTO_CLASSES.PatchCustomer.fields.filter((f) => !f.startsWith('customerId:'))],
	},
	TestCustomerSchedule: { base: null, fields: ['customerId: String', 'schedule: Schedule', 'dateTime: String'] },
};

const VALUE_KINDS = ['boolValue', 'stringValue', 'numberValue', 'listValue', 'structValue'];
const MAX_DEPTH = 64;
const fieldCache = new Map<string, Map<string, string>>();

function classDef(name: string): DtoClass | undefined {
	return DTO_CLASSES[name] ?? SANDBOX_CLASSES[name];
}

/** Field name -> type, including fields inherited from a DTO base class (CustomerInfo: EntityInfo). */
function fieldsOf(name: string): Map<string, string> {
	let map = fieldCache.get(name);
	if (map) return map;
	map = new Map();
	const def = classDef(name);
	if (def?.base && classDef(def.base)) for (const [k, v] of fieldsOf(def.base)) map.set(k, v);
	for (const line of def?.fields ?? []) {
		const { name: field, type } = parseField(line);
		map.set(field, type);
	}
	fieldCache.set(name, map);
	return map;
}

function isPlainObject(v: unknown): v is Record<string, unknown> {
	return typeof v === 'object' && v !== null && !Array.isArray(v);
}

function show(v: unknown): string {
	const s = JSON.stringify(v) ?? String(v);
	return s.length > 40 ? `${s.slice(0, 37)}...` : s;
}

function mismatch(errors: FieldError[], path: string, value: unknown, expected: string): void {
	errors.push({
		errorCode: 'SerializationException',
		fieldName: path,
		message: `${show(value)} is an Invalid value for '${path}' (expected ${expected})`,
	});
}

function join(path: string, key: string): string {
	return path ? `${path}.${key}` : key;
}

/** Checks `value` against a DTO type spelling ('Int', 'ArrayList<Struct>', 'Schedule', ...). */
export function checkType(type: string, value: unknown, path: string, errors: FieldError[], depth = 0): void {
	if (value === null || value === undefined) return;
	if (depth > MAX_DEPTH) {
		errors.push({ errorCode: 'TooDeep', fieldName: path, message: `'${path}' is nested too deeply` });
		return;
	}
	switch (type) {
		case 'String':
			if (typeof value !== 'string') mismatch(errors, path, value, 'a string');
			return;
		case 'Boolean':
			if (typeof value !== 'boolean') mismatch(errors, path, value, 'true or false');
			return;
		case 'Int':
			if (!Number.isInteger(value) || Math.abs(value as number) > 2147483647) {
				mismatch(errors, path, value, 'a 32-bit integer');
			}
			return;
		case 'Double':
			if (typeof value !== 'number' || !Number.isFinite(value)) mismatch(errors, path, value, 'a number');
			return;
	}
	const list = /^ArrayList<(.+)>$/.exec(type);
	if (list) {
		if (!Array.isArray(value)) return mismatch(errors, path, value, `a list of ${list[1]}`);
		value.forEach((item, i) => checkType(list[1], item, `${path}[${i}]`, errors, depth + 1));
		return;
	}
	const enumValues = DTO_ENUMS[type];
	if (enumValues) {
		if (typeof value !== 'string' || !enumValues.includes(value)) {
			errors.push({
				errorCode: 'InvalidEnumValue',
				fieldName: path,
				message: `${show(value)} is not a valid ${type}; expected one of ${enumValues.join(', ')}`,
			});
		}
		return;
	}
	checkClass(type, value, path, errors, depth);
}

function checkClass(type: string, value: unknown, path: string, errors: FieldError[], depth: number): void {
	const def = classDef(type);
	if (!def) throw new Error(`sandbox/validate: unknown DTO type '${type}'`);
	if (!isPlainObject(value)) return mismatch(errors, path, value, `a ${type} object`);
	const map = def.base ? /^HashMap<String,(.+)>$/.exec(def.base) : null;
	if (map) {
		for (const [key, item] of Object.entries(value)) checkType(map[1], item, join(path, key), errors, depth + 1);
		return;
	}
	const fields = fieldsOf(type);
	for (const [key, item] of Object.entries(value)) {
		const fieldType = fields.get(key);
		if (fieldType) checkType(fieldType, item, join(path, key), errors, depth + 1);
	}
	if (type === 'Value') checkValueKinds(value, path, errors);
}

/** A Value sets exactly one kind. The Kotlin client always sends `listValue: []` (its default),
 *  so an empty listValue beside another kind is tolerated; a Value with no kind is "empty". */
function checkValueKinds(value: Record<string, unknown>, path: string, errors: FieldError[]): void {
	let set = VALUE_KINDS.filter((k) => value[k] !== null && value[k] !== undefined);
	if (set.length > 1) set = set.filter((k) => !(k === 'listValue' && Array.isArray(value[k]) && !(value[k] as unknown[]).length));
	if (set.length > 1) {
		errors.push({
			errorCode: 'InvalidValue',
			fieldName: path,
			message: `A Value sets exactly one of ${VALUE_KINDS.join(', ')}; '${path}' sets ${set.join(' and ')}`,
		});
	}
}

/** Validates a whole request body against a request DTO; returns the errors (empty when valid). */
export function validateBody(dto: string, body: Record<string, unknown>): FieldError[] {
	const errors: FieldError[] = [];
	checkClass(dto, body, '', errors, 0);
	return errors;
}
