import type { IDataObject, INodeParameterResourceLocator } from 'n8n-workflow';

import { splitData, type DataValueParameters } from './data';
import type { AutoValue } from './fieldTypes';
import { toSchedule } from './schedule';

/**
 * Request bodies from "Update Fields" (or "Additional Fields"), built once per item. The UI's
 * collections already have the API's shape, so most fields are copied; what an item leaves out
 * (or adds and leaves empty) is not sent.
 * Each collection is read once per item, so each of its expressions is evaluated once.
 */

const PLAIN_FIELDS = ['name', 'referenceId', 'overrideBillingSettings', 'overrideAppSettings', 'maxPhoneNumbers', 'logoId'];

const isObject = (value: unknown): value is IDataObject =>
	typeof value === 'object' && value !== null && !Array.isArray(value);

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
export function toPatchBody(fields: IDataObject): { body: IDataObject; autoData: AutoValue[] } {
	const body: IDataObject = {};
	for (const key of PLAIN_FIELDS) if (fields[key] !== undefined) body[key] = fields[key];
	if (fields.parentCustomerId !== undefined) body.parentCustomerId = locatorValue(fields.parentCustomerId) as string;
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
	return { body, autoData: auto };
}
