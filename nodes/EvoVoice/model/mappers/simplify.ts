import type { IDataObject } from 'n8n-workflow';
import { isObject } from '../objects';

/**
 * The *Simplify* output: the fields people use, with data values plain and tags as names, so a
 * workflow can read `$json.data.Plan` and an AI Agent is not handed the whole record each time.
 * Pure functions of the API's JSON; the raw record is one switch away (Simplify off).
 */

const VALUE_KINDS = ['stringValue', 'numberValue', 'boolValue', 'listValue', 'structValue'] as const;

/** One API Value ({"stringValue": "Pro"}) as plain JSON ("Pro"); lists and structs recursively. */
export function plainValue(value: unknown): unknown {
	if (!isObject(value)) return value;
	const kind = VALUE_KINDS.find((k) => k in value);
	if (kind === undefined) return value;
	const inner = value[kind];
	if (kind === 'listValue') return Array.isArray(inner) ? inner.map((entry) => plainData(entry)) : inner;
	if (kind === 'structValue') return plainData(inner);
	return inner;
}

/** A Struct (field name → Value) as a plain object: {"Plan": {"stringValue": "Pro"}} → {"Plan": "Pro"}. */
export function plainData(struct: unknown): unknown {
	if (!isObject(struct)) return struct;
	const out: Record<string, unknown> = {};
	for (const [key, value] of Object.entries(struct)) out[key] = plainValue(value);
	return out;
}

/** Tags as their names (the ID when a tag has no name). */
export function tagNames(tags: unknown): string[] {
	if (!Array.isArray(tags)) return [];
	return tags
		.map((tag) => (isObject(tag) ? (tag.name ?? tag.id) : tag))
		.filter((name): name is string => typeof name === 'string' && name !== '');
}

function pick(record: Record<string, unknown>, keys: readonly string[]): IDataObject {
	const out: IDataObject = {};
	for (const key of keys) if (record[key] !== undefined && record[key] !== null) out[key] = record[key] as IDataObject[string];
	return out;
}

const CUSTOMER_FIELDS = ['id', 'name', 'referenceId', 'accountId', 'accountName', 'parentCustomerId'] as const;
const ACCOUNT_FIELDS = ['id', 'name', 'parentAccountId', 'maxPhoneNumbers'] as const;

/**
 * A customer as most workflows read it: identity, where it sits, plain data values, tag names,
 * and whether its billing and app settings are its own. Schedules and price lists stay in the
 * raw output, where they are complete.
 */
export function simplifyCustomer(record: IDataObject): IDataObject {
	const out = pick(record, CUSTOMER_FIELDS);
	// Only what the API returned: an answer without tags or data (a bare write reply) gains none.
	if (record.tags !== undefined) out.tags = tagNames(record.tags);
	if (record.data !== undefined) out.data = plainData(record.data ?? {}) as IDataObject;
	if (typeof record.overrideBillingSettings === 'boolean') out.overrideBillingSettings = record.overrideBillingSettings;
	if (typeof record.overrideAppSettings === 'boolean') out.overrideAppSettings = record.overrideAppSettings;
	return out;
}

/** An account as most workflows read it. */
export function simplifyAccount(record: IDataObject): IDataObject {
	return pick(record, ACCOUNT_FIELDS);
}

/** The simplifier of a resource; records that are not objects (e.g. a delete's reply) pass through. */
export function simplify(resource: 'customer' | 'account', record: unknown): unknown {
	if (!isObject(record)) return record;
	return resource === 'customer' ? simplifyCustomer(record as IDataObject) : simplifyAccount(record as IDataObject);
}
