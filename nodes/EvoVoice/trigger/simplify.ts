import type { IDataObject } from 'n8n-workflow';

import { instant } from '../model/dates';
import { simplifyCustomer } from '../model/mappers/simplify';
import { isObject } from '../model/objects';

/**
 * The trigger's Simplify output: the fields a CRM entry or an invoice line needs, dates as ISO
 * 8601 in UTC whatever form the host writes them in. Pure functions of the API's JSON; the raw
 * record is one switch away (Simplify off).
 */

function pick(record: IDataObject, keys: readonly string[]): IDataObject {
	const out: IDataObject = {};
	for (const key of keys) if (record[key] !== undefined && record[key] !== null) out[key] = record[key];
	return out;
}

/** The date fields as ISO 8601 UTC; a value that is not a date stays as it came. */
function isoDates(record: IDataObject, keys: readonly string[]): IDataObject {
	const out: IDataObject = {};
	for (const key of keys) {
		const ms = instant(record[key]);
		if (ms !== undefined) out[key] = new Date(ms).toISOString();
		else if (record[key] !== undefined && record[key] !== null) out[key] = record[key];
	}
	return out;
}

const SESSION_FIELDS = [
	'id', 'channel', 'outcome', 'accountId', 'accountName', 'customerId', 'customerName', 'endpointId', 'endpointName',
	'fromAddress', 'fromName', 'toAddress', 'destination', 'answeredByName', 'callSid',
] as const;

/** An ended call, message or fax: who, with whom, how it ended, when and for how long. */
export function simplifySession(record: IDataObject): IDataObject {
	const dates = isoDates(record, ['dateCreated', 'dateCompleted']);
	const started = instant(record.dateCreated);
	const ended = instant(record.dateCompleted);
	return {
		...pick(record, SESSION_FIELDS),
		...dates,
		...(started !== undefined && ended !== undefined && ended >= started ? { durationSeconds: Math.round((ended - started) / 1000) } : {}),
	};
}

/** A created or changed customer: the action node's simplified customer and when it happened. */
export function simplifyCustomerEvent(record: IDataObject): IDataObject {
	return { ...simplifyCustomer(record), ...isoDates(record, ['dateCreated', 'dateLastModified']) };
}

const NOTIFICATION_FIELDS = [
	'id', 'type', 'subject', 'body', 'accountId', 'accountName', 'customerId', 'customerName', 'from', 'to', 'error', 'errorMessage',
] as const;

/** A notification: what was sent to whom, and whether sending failed. */
export function simplifyNotification(record: IDataObject): IDataObject {
	const recipients = Array.isArray(record.recipients)
		? record.recipients.map((r) => (isObject(r) ? r.address : r)).filter((a): a is string => typeof a === 'string' && a !== '')
		: undefined;
	return {
		...pick(record, NOTIFICATION_FIELDS),
		...(recipients ? { recipients } : {}),
		...isoDates(record, ['dateCreated']),
	};
}
