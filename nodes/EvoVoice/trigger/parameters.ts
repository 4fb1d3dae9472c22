import type { IDataObject, IPollFunctions } from 'n8n-workflow';

import { HOUR_MS, MINUTE_MS } from '../model/dates';
import { checkId } from '../model/ids';
import { InputError } from '../model/inputError';
import { problems } from '../model/messages';
import { CHANNELS, EVENTS, EVENT_NAMES, NOTIFICATION_TYPES, type EventName, type EventSpec, type TriggerFilters } from './events';

/** The trigger's settings for one poll, read and checked once. */
export interface TriggerConfig {
	event: EventName;
	spec: EventSpec;
	filters: TriggerFilters;
	simplify: boolean;
	maxEvents: number;
	lookBackMs: number;
	lateMs: number;
	/** How long before its end a session's day may lie (0 for events dated by their own day). */
	reachBackMs: number;
	sortedLists: boolean;
}

export const DEFAULTS = { maxEvents: 100, lateMinutes: 5, longestSessionHours: 24, lookBackHours: 0 } as const;

function oneOf<T extends string>(value: unknown, allowed: readonly T[], label: string, path: string): T {
	if (typeof value === 'string' && (allowed as readonly string[]).includes(value)) return value as T;
	throw new InputError({ label, path, problem: problems.notOneOf(value, allowed) });
}

function wholeNumber(value: unknown, fallback: number, min: number, max: number, label: string, path: string): number {
	const n = value === undefined || value === '' ? fallback : value;
	if (typeof n !== 'number' || !Number.isFinite(n)) throw new InputError({ label, path, problem: problems.notNumber(n) });
	if (!Number.isInteger(n)) throw new InputError({ label, path, problem: problems.notInteger(n) });
	if (n < min) throw new InputError({ label, path, problem: problems.belowMin(n, min) });
	if (n > max) throw new InputError({ label, path, problem: problems.aboveMax(n, max) });
	return n;
}

function optionalId(context: IPollFunctions, name: string, label: string, path: string): string | undefined {
	const value = context.getNodeParameter(name, '', { extractValue: true });
	if (value === undefined || value === null || (typeof value === 'string' && value.trim() === '')) return undefined;
	return checkId(value, label, path);
}

/** "a, b" or a list from an expression: each entry an ID. */
function idList(value: unknown, label: string, path: string): string[] {
	const entries = Array.isArray(value) ? value : typeof value === 'string' ? value.split(',') : value === undefined || value === null ? [] : [value];
	return entries
		.filter((entry) => !(typeof entry === 'string' && entry.trim() === ''))
		.map((entry, index) => checkId(entry, `${label} (entry ${index + 1})`, path));
}

export function readConfig(context: IPollFunctions): TriggerConfig {
	const event = oneOf(context.getNodeParameter('event', 'sessionEnded'), EVENT_NAMES, 'Event', 'event');
	const spec = EVENTS[event];
	const options = context.getNodeParameter('options', {}) as IDataObject;
	const sessions = event === 'sessionEnded';
	const type = event === 'notification' ? context.getNodeParameter('notificationType', 'any') : 'any';
	const channels = sessions ? (context.getNodeParameter('channels', []) as unknown) : [];
	const filters: TriggerFilters = {
		accountId: optionalId(context, 'accountId', 'Account', 'accountIds'),
		customerId: sessions || event === 'notification' ? optionalId(context, 'customerId', 'Customer', 'customerIds') : undefined,
		endpointIds: sessions ? idList(context.getNodeParameter('endpointIds', ''), 'Endpoint IDs', 'endpointIds') : [],
		channels: (Array.isArray(channels) ? channels : [channels]).map((c) => oneOf(c, CHANNELS, 'Channels', 'channel')),
		...(type === 'any' ? {} : { notificationType: oneOf(type, NOTIFICATION_TYPES, 'Notification Type', 'type') }),
	};
	return {
		event,
		spec,
		filters,
		simplify: context.getNodeParameter('simple', true) !== false,
		maxEvents: wholeNumber(options.maxEvents, DEFAULTS.maxEvents, 1, 1000, 'Options › Max Events per Poll', 'maxEvents'),
		lookBackMs: wholeNumber(options.lookBackHours, DEFAULTS.lookBackHours, 0, 2160, 'Options › Look Back on First Activation (Hours)', 'lookBackHours') * HOUR_MS,
		lateMs: wholeNumber(options.lateMinutes, DEFAULTS.lateMinutes, 0, 1440, 'Options › Late Records Window (Minutes)', 'lateMinutes') * MINUTE_MS,
		reachBackMs: spec.openedBefore
			? wholeNumber(options.longestSessionHours, DEFAULTS.longestSessionHours, 0, 720, 'Options › Longest Session (Hours)', 'longestSessionHours') * HOUR_MS
			: 0,
		sortedLists: options.sortedLists !== false,
	};
}
