import type { IDataObject } from 'n8n-workflow';

import { isObject } from '../objects';
import type { AutoValue } from './fieldTypes';

export const NESTED_OBJECTS = ['billingSettings', 'appSettings', 'schedule', 'data'] as const;

export interface MergePlan {
	/** Read the entity and merge the nested objects of the body into it. */
	mergeNested: boolean;
	addTagIds: string[];
	removeTagIds: string[];
	/** Data values to wrap by their field's type, once the account's definitions are read. */
	autoData?: AutoValue[];
	/** The account, when the request itself names it (a create); else read from the customer. */
	accountId?: string;
}

export function needsCurrent(body: IDataObject, plan: MergePlan): boolean {
	return (
		plan.addTagIds.length > 0 ||
		plan.removeTagIds.length > 0 ||
		(plan.mergeNested && NESTED_OBJECTS.some((key) => body[key] !== undefined))
	);
}

/** One level deeper for billing settings: a changed unit cost keeps the item's other values. */
function mergeBilling(current: unknown, patch: IDataObject): IDataObject {
	const base = isObject(current) ? current : {};
	const result: IDataObject = { ...base };
	for (const [item, values] of Object.entries(patch)) {
		result[item] = isObject(values) ? { ...(isObject(base[item]) ? base[item] : {}), ...values } : values;
	}
	return result;
}

/**
 * The body to send so that only what the user set changes: nested objects are the current ones
 * with the user's values laid over them (fields this package does not know are kept), and tags
 * are the current ones plus or minus those added or removed. Schedule rules, when given, replace
 * the current rules: rules have no stable key to merge by.
 */
export function mergeIntoCurrent(current: IDataObject, body: IDataObject, plan: MergePlan): IDataObject {
	const result: IDataObject = { ...body };
	if (plan.mergeNested) {
		if (isObject(body.billingSettings)) result.billingSettings = mergeBilling(current.billingSettings, body.billingSettings);
		for (const key of ['appSettings', 'schedule', 'data'] as const) {
			if (isObject(body[key])) result[key] = { ...(isObject(current[key]) ? current[key] : {}), ...body[key] };
		}
	}
	if (plan.addTagIds.length || plan.removeTagIds.length) {
		const currentIds = Array.isArray(current.tags)
			? current.tags.map((tag) => (isObject(tag) ? String(tag.id) : String(tag)))
			: Array.isArray(current.tagIds)
				? (current.tagIds as string[])
				: [];
		const remove = new Set(plan.removeTagIds);
		result.tagIds = [...new Set([...currentIds, ...plan.addTagIds])].filter((id) => !remove.has(id));
	}
	return result;
}
