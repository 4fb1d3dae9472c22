import type { IDataObject } from 'n8n-workflow';

import { isObject } from '../objects';
import type { MergePlan } from './merge';

/**
 * What an update changed that another writer could undo, and how to tell: every value a merged
 * update sets inside a nested object (a billing value, an app setting, a data value, a schedule
 * field) and every tag it adds or removes. Written by one execution, a change can be undone by
 * another that read the record before it and wrote after it (the API has no conditional write);
 * read back later, each change has held, been undone (the value is what it was before), or been
 * superseded (another writer set it to a third value, on purpose).
 */
export interface Change {
	/** ['billingSettings', 'base', 'unitCost'], ['data', 'Plan'], ['tags', 'tag-vip'] … */
	path: string[];
	/** Its value in the record the write was laid over. */
	before: unknown;
	/** Its value once written, as the API answered. */
	after: unknown;
}

export type Verdict = 'held' | 'undone' | 'superseded';

const NESTED_LEAVES = { billingSettings: 2, appSettings: 1, data: 1, schedule: 1 } as const;

/** The tag IDs of a record as the API returns it (`tags: [{id}]`) or as a body sends it (`tagIds`). */
export function tagIdsOf(record: IDataObject): string[] {
	if (Array.isArray(record.tags)) return record.tags.map((tag) => (isObject(tag) ? String(tag.id) : String(tag)));
	return Array.isArray(record.tagIds) ? record.tagIds.map(String) : [];
}

/** The value at a change's path; for a tag, whether the record has it. */
export function valueAt(record: IDataObject, path: string[]): unknown {
	if (path[0] === 'tags') return tagIdsOf(record).includes(path[1]);
	let value: unknown = record;
	for (const key of path) value = isObject(value) ? value[key] : undefined;
	return value;
}

/** Deep equality that ignores key order (the API may answer an object's keys in its own order). */
export function sameValue(a: unknown, b: unknown): boolean {
	if (a === b) return true;
	if (Array.isArray(a) || Array.isArray(b)) {
		return Array.isArray(a) && Array.isArray(b) && a.length === b.length && a.every((x, i) => sameValue(x, b[i]));
	}
	if (!isObject(a) || !isObject(b)) return false;
	const keys = Object.keys(a).filter((k) => a[k] !== undefined);
	return keys.length === Object.keys(b).filter((k) => b[k] !== undefined).length && keys.every((k) => sameValue(a[k], b[k]));
}

/** The paths an update's own values reach: what it set, not what it copied from the record. */
function intendedPaths(intent: IDataObject, plan: MergePlan, before: IDataObject): string[][] {
	const paths: string[][] = [];
	for (const [key, depth] of Object.entries(NESTED_LEAVES)) {
		const nested = intent[key];
		if (!isObject(nested)) continue;
		for (const [name, value] of Object.entries(nested)) {
			if (depth === 2 && isObject(value)) for (const inner of Object.keys(value)) paths.push([key, name, inner]);
			else paths.push([key, name]);
		}
	}
	const tags = Array.isArray(intent.tagIds) ? [...intent.tagIds.map(String), ...tagIdsOf(before)] : [];
	for (const id of new Set([...tags, ...plan.addTagIds, ...plan.removeTagIds])) paths.push(['tags', id]);
	return paths;
}

/**
 * Whether an update sets the value at `path` itself: a later update of the same record in the
 * same run that does owns that value, and an earlier one's change there is no longer its to confirm.
 */
export function touches(intent: IDataObject, plan: MergePlan | undefined, path: string[]): boolean {
	const [key, name, inner] = path;
	if (key === 'tags') return Array.isArray(intent.tagIds) || !!plan?.addTagIds.includes(name) || !!plan?.removeTagIds.includes(name);
	const nested = intent[key];
	if (!isObject(nested)) return false;
	if (!plan?.mergeNested) return true;
	if (!(name in nested)) return false;
	return inner === undefined || !isObject(nested[name]) || inner in (nested[name] as IDataObject);
}

/** The changes an update made: its own values whose written state differs from the state before. */
export function changesOf(intent: IDataObject, plan: MergePlan, before: IDataObject, after: IDataObject): Change[] {
	return intendedPaths(intent, plan, before)
		.map((path) => ({ path, before: valueAt(before, path), after: valueAt(after, path) }))
		.filter((change) => !sameValue(change.before, change.after));
}

export function verdictOf(change: Change, current: IDataObject): Verdict {
	const now = valueAt(current, change.path);
	if (sameValue(now, change.after)) return 'held';
	return sameValue(now, change.before) ? 'undone' : 'superseded';
}

/**
 * The update again, for what was undone only: a superseded value is someone's later choice and is
 * left alone. In replace mode a nested object is sent whole again, as the user asked.
 */
export function reapplication(intent: IDataObject, plan: MergePlan, undone: Change[]): { body: IDataObject; plan: MergePlan } {
	const body: IDataObject = {};
	const next: MergePlan = { mergeNested: plan.mergeNested, addTagIds: [], removeTagIds: [] };
	for (const { path, after } of undone) {
		const [key, name, inner] = path;
		if (key === 'tags') {
			(after === true ? next.addTagIds : next.removeTagIds).push(name);
		} else if (!plan.mergeNested) {
			body[key] = intent[key];
		} else {
			const nested = (body[key] ?? {}) as IDataObject;
			const value = (intent[key] as IDataObject)[name];
			nested[name] = inner === undefined ? value : { ...((nested[name] as IDataObject | undefined) ?? {}), [inner]: (value as IDataObject)[inner] };
			body[key] = nested;
		}
	}
	return { body, plan: next };
}

/** How a message names a change: "Billing Settings › base › unitCost", "data value Plan", "tag tag-vip". */
export function describeChange({ path }: Change): string {
	const [key, ...rest] = path;
	const names: Record<string, string> = {
		billingSettings: 'Billing Settings',
		appSettings: 'App Settings',
		data: 'data value',
		schedule: 'Schedule',
		tags: 'tag',
	};
	return key === 'data' || key === 'tags' ? `${names[key]} ${rest.join('')}` : [names[key] ?? key, ...rest].join(' › ');
}
