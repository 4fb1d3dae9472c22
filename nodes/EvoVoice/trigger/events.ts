import type { IDataObject } from 'n8n-workflow';

import { instant } from '../model/dates';
import { simplifyCustomerEvent, simplifyNotification, simplifySession } from './simplify';

/**
 * The trigger's events, one entry each: the list it reads, the filters the API applies, how a
 * record is dated and keyed as an event, and how Fetch Test Event finds a sample. The poll
 * (poll.ts) knows nothing of any one event; a new event is one more entry here.
 */

export type EventName = 'sessionEnded' | 'customerCreated' | 'customerUpdated' | 'notification';

export const CHANNELS = ['Voice', 'Chat', 'Fax'] as const;
export const NOTIFICATION_TYPES = ['Email', 'Sms', 'Push', 'IncomingCall', 'OutgoingCall'] as const;

/** The node's filters, checked (parameters.ts). */
export interface TriggerFilters {
	accountId?: string;
	customerId?: string;
	endpointIds: string[];
	/** Empty: every channel. Applied here: ListSessions has no channel filter. */
	channels: string[];
	notificationType?: string;
}

/** A record as an event: when it happened, and what makes it this event and no other. */
export interface Occurrence {
	/** Epoch ms of the event (the session's end, the customer's creation or change…). */
	at: number;
	/** The event's identity: delivered once per key. */
	key: string;
}

export interface EventSpec {
	label: string;
	/** What the editor says of the event. */
	description: string;
	/** The event in words, for messages: "No <noun> … in the last 7 days". */
	noun: string;
	path: '/sessions' | '/customers' | '/notifications';
	/**
	 * The field the list is asked to sort by, newest first. An event's date is never later than
	 * it, so reading can stop at the first record older than the cursor.
	 */
	sortField: 'dateLastModified' | 'dateCreated';
	/** Whether the list takes startDate/endDate (whole days); the customers list takes none. */
	days: boolean;
	/**
	 * Whether the day filter may read the day a record was opened rather than the day of the event
	 * (ListSessions does not say; the probe tells): the window then reaches back the longest session.
	 */
	openedBefore: boolean;
	/** Whether old records move to an archive searched apart (searchArchive=true). */
	archive: boolean;
	/** The API's own filters for these settings (lists as repeated keys). */
	query(filters: TriggerFilters): IDataObject;
	/** The record as an event, or undefined if it is not one (a session still open, another channel). */
	occurrence(record: IDataObject, filters: TriggerFilters): Occurrence | undefined;
	simplify(record: IDataObject): IDataObject;
	/** How far back Fetch Test Event looks for the most recent event. */
	sampleDays: number;
}

const id = (record: IDataObject) => (typeof record.id === 'string' && record.id !== '' ? record.id : undefined);

const owned = (filters: TriggerFilters, withCustomer: boolean): IDataObject => ({
	...(filters.accountId ? { accountIds: [filters.accountId] } : {}),
	...(withCustomer && filters.customerId ? { customerIds: [filters.customerId] } : {}),
});

/** A record whose creation is the event: delivered once, dated by its creation. */
const created = (record: IDataObject): Occurrence | undefined => {
	const key = id(record);
	const at = instant(record.dateCreated);
	return key && at !== undefined ? { at, key } : undefined;
};

/** The customers list: no day filter, no archive, only the account filter of the API's own. */
const CUSTOMER_LIST = {
	path: '/customers',
	days: false,
	openedBefore: false,
	archive: false,
	query: (filters: TriggerFilters) => owned(filters, false),
	simplify: simplifyCustomerEvent,
	sampleDays: 30,
} as const satisfies Partial<EventSpec>;

export const EVENTS: Record<EventName, EventSpec> = {
	sessionEnded: {
		label: 'Call, Message or Fax Ended',
		description: 'A call, chat conversation or fax has ended: one item per session',
		noun: 'call, message or fax has ended',
		path: '/sessions',
		// Ending a session stamps dateLastModified; dateCompleted may not be sortable.
		sortField: 'dateLastModified',
		days: true,
		openedBefore: true,
		archive: true,
		query: (filters) => ({ ...owned(filters, true), ...(filters.endpointIds.length ? { endpointIds: filters.endpointIds } : {}) }),
		occurrence(record, filters) {
			const key = id(record);
			if (!key || record.ended !== true) return undefined;
			if (filters.channels.length && !filters.channels.includes(String(record.channel))) return undefined;
			const at = instant(record.dateCompleted) ?? instant(record.dateLastModified);
			return at === undefined ? undefined : { at, key };
		},
		simplify: simplifySession,
		sampleDays: 7,
	},
	customerCreated: {
		label: 'Customer Created',
		description: 'A customer was added to an account',
		noun: 'customer was created',
		sortField: 'dateCreated',
		...CUSTOMER_LIST,
		occurrence: created,
	},
	customerUpdated: {
		label: 'Customer Updated',
		description: 'A customer was changed: each change once (changes made between two polls arrive as the latest)',
		noun: 'customer was changed',
		sortField: 'dateLastModified',
		...CUSTOMER_LIST,
		occurrence(record) {
			const key = id(record);
			const at = instant(record.dateLastModified);
			// A customer never changed since it was created is a creation, not an update.
			if (!key || at === undefined || at <= (instant(record.dateCreated) ?? -Infinity)) return undefined;
			// Each change is its own event: the same customer changed again is delivered again.
			return { at, key: `${key}@${at}` };
		},
	},
	notification: {
		label: 'Notification',
		description: 'Evo Voice sent a notification: email, SMS, push or a call alert',
		noun: 'notification was sent',
		path: '/notifications',
		sortField: 'dateCreated',
		days: true,
		openedBefore: false,
		archive: false,
		query: (filters) => ({ ...owned(filters, true), ...(filters.notificationType ? { type: filters.notificationType } : {}) }),
		occurrence: created,
		simplify: simplifyNotification,
		sampleDays: 7,
	},
};

export const EVENT_NAMES = Object.keys(EVENTS) as EventName[];
