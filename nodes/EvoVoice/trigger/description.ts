import type { INodeProperties } from 'n8n-workflow';

import { accountLocator, customerLocator } from '../descriptions/locators';
import { simplifyField } from '../descriptions/simplify';
import { CHANNELS, EVENTS, EVENT_NAMES, NOTIFICATION_TYPES, type EventName } from './events';

/** The trigger's fields: the event, its filters (the action node's pickers), Simplify and the options. */

const forEvents = (...events: EventName[]) => ({ show: { event: events } });

const CHANNEL_NAMES: Record<(typeof CHANNELS)[number], string> = { Voice: 'Call (Voice)', Chat: 'Message (Chat)', Fax: 'Fax' };
const TYPE_NAMES: Record<(typeof NOTIFICATION_TYPES)[number], string> = {
	Email: 'Email',
	Sms: 'SMS',
	Push: 'Push',
	IncomingCall: 'Incoming Call',
	OutgoingCall: 'Outgoing Call',
};

const event: INodeProperties = {
	displayName: 'Event',
	name: 'event',
	type: 'options',
	noDataExpression: true,
	required: true,
	default: 'sessionEnded',
	options: EVENT_NAMES.map((name) => ({ name: EVENTS[name].label, value: name, description: EVENTS[name].description })),
};

const filters: INodeProperties[] = [
	accountLocator({
		required: false,
		description: 'Only events of this account. Leave empty for every account the login reaches.',
	}),
	{
		...customerLocator({ required: false, description: 'Only events of this customer. Leave empty for every customer.' }),
		displayOptions: forEvents('sessionEnded', 'notification'),
	},
	{
		displayName: 'Endpoint IDs',
		name: 'endpointIds',
		type: 'string',
		default: '',
		placeholder: 'e.g. 5f3c9a2b7d1e4f6a8b0c1d2e, 5f3c9a2b7d1e4f6a8b0c1d2f',
		description: 'Only sessions of these endpoints (phone numbers, users), comma-separated IDs. Leave empty for every endpoint.',
		displayOptions: forEvents('sessionEnded'),
	},
	{
		displayName: 'Channels',
		name: 'channels',
		type: 'multiOptions',
		default: [],
		options: CHANNELS.map((value) => ({ name: CHANNEL_NAMES[value], value })),
		description: 'Only sessions of these channels. Leave empty for every channel.',
		displayOptions: forEvents('sessionEnded'),
	},
	{
		displayName: 'Notification Type',
		name: 'notificationType',
		type: 'options',
		default: 'any',
		options: [
			{ name: 'Any Type', value: 'any' },
			...NOTIFICATION_TYPES.map((value) => ({ name: TYPE_NAMES[value], value })),
		],
		displayOptions: forEvents('notification'),
	},
];

const options: INodeProperties = {
	displayName: 'Options',
	name: 'options',
	type: 'collection',
	placeholder: 'Add Option',
	default: {},
	options: [
		{
			displayName: 'Late Records Window (Minutes)',
			name: 'lateMinutes',
			type: 'number',
			typeOptions: { minValue: 0, maxValue: 1440, numberPrecision: 0 },
			default: 5,
			description:
				'How long after its date a record may still appear in Evo Voice (a record saved late, servers whose clocks differ). Every poll reads this far back; events already delivered are remembered and not delivered again.',
		},
		{
			displayName: 'Longest Session (Hours)',
			name: 'longestSessionHours',
			type: 'number',
			typeOptions: { minValue: 0, maxValue: 720, numberPrecision: 0 },
			default: 24,
			description:
				'How long a call, chat or fax may stay open. Evo Voice may file a session under the day it started: a session open longer than this may be missed when it ends.',
			displayOptions: { show: { '/event': ['sessionEnded'] } },
		},
		{
			displayName: 'Look Back on First Activation (Hours)',
			name: 'lookBackHours',
			type: 'number',
			typeOptions: { minValue: 0, maxValue: 2160, numberPrecision: 0 },
			default: 0,
			description:
				'When the workflow is first activated, also deliver the events of this many hours before. 0 starts from the moment of activation. Later activations carry on where the last poll stopped.',
		},
		{
			displayName: 'Max Events per Poll',
			name: 'maxEvents',
			type: 'number',
			typeOptions: { minValue: 1, maxValue: 1000, numberPrecision: 0 },
			default: 100,
			description:
				'The most events one poll delivers (one execution). More waiting, for example after Evo Voice or n8n was down, arrive in later polls, oldest first.',
		},
		{
			displayName: 'Rely on Sorted Lists',
			name: 'sortedLists',
			type: 'boolean',
			default: true,
			description:
				'Whether to read Evo Voice\'s lists newest first and stop at the first record older than the cursor. Checked on every read: a list seen out of order is read whole from then on. Turn it off if "npm run probe" reports that your host ignores sortField.',
		},
	],
};

const simplify: INodeProperties = {
	...simplifyField(true),
	hint: 'The fields a CRM entry or an invoice line needs, with dates as ISO 8601 in UTC',
};

export const triggerProperties: INodeProperties[] = [event, ...filters, simplify, options];
