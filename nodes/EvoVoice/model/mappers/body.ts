import type { IDataObject, INodeParameterResourceLocator } from 'n8n-workflow';

import { InputError } from '../inputError';
import { messages, problems } from '../messages';
import { isObject } from '../objects';
import { splitData, type DataValueParameters } from './data';
import type { AutoValue } from './fieldTypes';
import { toSchedule } from './schedule';

/**
 * Request bodies from "Update Fields" (or "Additional Fields"), built once per item. The UI's
 * collections already have the API's shape, so most fields are copied; what an item leaves out
 * (or adds and leaves empty) is not sent.
 * Each collection is read once per item, so each of its expressions is evaluated once.
 */

const PLAIN_FIELDS = ['name', 'referenceId', 'overrideBillingSettings', 'overrideAppSettings', 'maxPhoneNumbers'];

/**
 * What the API is sent to clear a reference. '' is a guess (ServiceStack drops nulls, so null
 * cannot clear): the API may store it (meaning none), clear the field, ignore it or refuse it. The
 * sandbox can do each (its blankString mode, sandbox/semantics.ts); the executor checks the answer
 * of every write that clears, so that an ignored blank fails its item rather than passing for done.
 */
export const CLEARED = '';

/** A reference an update clears (sent as CLEARED): how a message names it if the API keeps it. */
export interface ClearedReference {
	/** The body's key, e.g. parentCustomerId. */
	key: string;
	/** The field's label in the editor, e.g. Parent Customer. */
	label: string;
}

/** A field that is set, or cleared by its "Remove …" switch; an empty value is refused, not sent. */
function setOrClear(fields: IDataObject, key: string, clearKey: string, label: string, clearLabel: string): string | undefined {
	const value = locatorValue(fields[key]);
	const clear = fields[clearKey] === true;
	if (clear && value !== undefined) throw new Error(messages.conflictingClear(label, clearLabel));
	if (clear) return CLEARED;
	if (value === undefined) return undefined;
	if (typeof value === 'string' && value.trim() === '') throw new InputError({ label, path: key, problem: problems.blankToClear(value, clearLabel) });
	return value as string;
}

/** A locator's value ({__rl, mode, value} as the UI stores it), or the value as an expression gave it. */
export function locatorValue(value: unknown): unknown {
	return isObject(value) && '__rl' in value ? (value as unknown as INodeParameterResourceLocator).value : value;
}

function nonEmpty(value: unknown): value is IDataObject {
	return isObject(value) && Object.keys(value).length > 0;
}

/** Billing items keep only the values added to them; items with none are dropped. */
function billing(value: IDataObject): IDataObject | undefined {
	const items = Object.entries(value).filter(([, values]) => nonEmpty(values));
	return items.length ? Object.fromEntries(items) : undefined;
}

/**
 * The body, and the data values whose kind must wait for the account's field definitions. Those
 * are not in the body yet: the executor wraps and adds them once the definitions are read.
 */
export function toPatchBody(fields: IDataObject): { body: IDataObject; autoData: AutoValue[]; clears: ClearedReference[] } {
	const body: IDataObject = {};
	const clears: ClearedReference[] = [];
	for (const key of PLAIN_FIELDS) if (fields[key] !== undefined) body[key] = fields[key];
	const parent = setOrClear(fields, 'parentCustomerId', 'clearParentCustomer', 'Parent Customer', 'Remove Parent Customer');
	if (parent !== undefined) body.parentCustomerId = parent;
	if (parent === CLEARED) clears.push({ key: 'parentCustomerId', label: 'Parent Customer' });
	const logo = setOrClear(fields, 'logoId', 'clearLogo', 'Logo ID', 'Remove Logo');
	if (logo !== undefined) body.logoId = logo;
	if (logo === CLEARED) clears.push({ key: 'logoId', label: 'Logo ID' });
	if (nonEmpty(fields.billingSettings)) {
		const settings = billing(fields.billingSettings);
		if (settings) body.billingSettings = settings;
	}
	if (nonEmpty(fields.appSettings)) body.appSettings = { ...fields.appSettings };
	const schedule = toSchedule(fields.schedule);
	if (schedule) body.schedule = schedule;
	const entries = (fields.data as { values?: DataValueParameters[] } | undefined)?.values ?? [];
	const { data, auto } = splitData(fields.dataJson, entries);
	if (data) body.data = data;
	return { body, autoData: auto, clears };
}
