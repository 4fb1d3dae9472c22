import type { IDataObject } from 'n8n-workflow';

import { isObject } from '../objects';

export const NESTED_OBJECTS = ['billingSettings', 'appSettings', 'schedule', 'data'] as const;

export interface MergePlan {
	/** Read the entity and merge the nested objects of the body into it. */
	mergeNested: boolean;
	addTagIds: string[];
	removeTagIds: string[];
}

/**
 * Whether a write rests on the record's current state: the one place this is decided. Tags added
 * or removed do; so does any nested object (billing, app settings, schedule, data) in merge mode,
 * including data values still waiting to be typed (`pendingData`), which end up in `data`.
 */
export function restsOnRead(body: IDataObject, plan: MergePlan | undefined, pendingData = 0): boolean {
	if (!plan) return false;
	return (
		plan.addTagIds.length > 0 ||
		plan.removeTagIds.length > 0 ||
		(plan.mergeNested && (pendingData > 0 || NESTED_OBJECTS.some((key) => body[key] !== undefined)))
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
