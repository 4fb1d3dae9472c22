import type { INodeProperties } from 'n8n-workflow';

import { FREQUENCIES, RULE_INT_LISTS, RULE_TYPES } from '../model/fields';

const options = (values: readonly string[]) => values.map((value) => ({ name: value, value }));

// The API's values are identifiers ("CustomerState"); the list shows them as words.
const RULE_TYPE_OPTIONS = RULE_TYPES.map((value) => ({ name: value.replace(/(?<=[a-z])(?=[A-Z])/g, ' '), value }));

// Everything but the rule's identity lives in an optional collection: a fixed collection shows
// every value with its default, and a rule must carry only what the user set.
const ruleFields: INodeProperties = {
	displayName: 'Rule Fields',
	name: 'fields',
	type: 'collection',
	placeholder: 'Add Rule Field',
	default: {},
	options: [
		{
			displayName: 'By Day',
			name: 'byDay',
			type: 'string',
			default: '',
			placeholder: 'e.g. MO, TU, WE, TH, FR or -1FR',
			description:
				'Days of the week, comma-separated: a day name or its two-letter RRULE code, with an optional offset (2MO = second Monday, -1FR = last Friday)',
		},
		...[...RULE_INT_LISTS].sort((x, y) => x.displayName.localeCompare(y.displayName)).map(
			(list): INodeProperties => ({
				displayName: list.displayName,
				name: list.name,
				type: 'string',
				default: '',
				placeholder: list.placeholder,
				description: `${list.description}, comma-separated`,
			}),
		),
		{ displayName: 'Condition', name: 'condition', type: 'string', default: '', description: 'Condition expression of the rule, passed through as is' },
		{ displayName: 'Count', name: 'count', type: 'number', typeOptions: { minValue: 1, numberPrecision: 0 }, default: 1, description: 'How many occurrences the recurrence has' },
		{ displayName: 'Customer State', name: 'customerState', type: 'string', default: '', description: 'Name of the customer state this rule follows (for Customer State rules)' },
		{ displayName: 'End Time', name: 'endTime', type: 'string', default: '', placeholder: 'e.g. 17:00', description: 'Time of day the rule ends (HH:mm, 24-hour)' },
		{ displayName: 'Flow ID', name: 'flowId', type: 'string', default: '', description: 'ID of the flow this rule runs' },
		{ displayName: 'Flow Parameters (JSON)', name: 'flowParams', type: 'json', default: '{}', description: 'Parameters of the flow, as a data object (see Data (JSON))' },
		{ displayName: 'Frequency', name: 'frequency', type: 'options', options: options(FREQUENCIES), default: 'Weekly', description: 'How often the rule recurs' },
		{ displayName: 'Interval', name: 'interval', type: 'number', typeOptions: { minValue: 1, numberPrecision: 0 }, default: 1, description: 'Recur every this many periods of the frequency' },
		{ displayName: 'Is All Day', name: 'isAllDay', type: 'boolean', default: false, description: 'Whether the rule applies the whole day' },
		{ displayName: 'Priority', name: 'priority', type: 'number', typeOptions: { numberPrecision: 0 }, default: 0, description: 'Rules with a higher priority win when several match' },
		{ displayName: 'Rule ID', name: 'id', type: 'string', default: '', description: 'ID of an existing rule to keep; leave out for a new rule' },
		{ displayName: 'Source', name: 'source', type: 'string', default: '', description: 'Source of the rule, passed through as is' },
		{ displayName: 'Start Date', name: 'startDate', type: 'string', default: '', placeholder: 'e.g. 2026-12-24', description: 'First day of the rule (YYYY-MM-DD)' },
		{ displayName: 'Start Time', name: 'startTime', type: 'string', default: '', placeholder: 'e.g. 09:00', description: 'Time of day the rule starts (HH:mm, 24-hour)' },
		{ displayName: 'Until Date', name: 'untilDate', type: 'string', default: '', placeholder: 'e.g. 2027-12-31', description: 'Last day of the recurrence (YYYY-MM-DD)' },
	],
};

export function scheduleField(): INodeProperties {
	return {
		displayName: 'Schedule',
		name: 'schedule',
		type: 'collection',
		placeholder: 'Add Schedule Field',
		default: {},
		description:
			'When the customer is open, closed or in a custom state. With Update Mode on Merge (the default) only what you add changes; on Replace, what you leave out is reset.',
		options: [
			{ displayName: 'Default State', name: 'defaultState', type: 'string', default: '', placeholder: 'e.g. Closed', description: 'State when no rule matches (any state name)' },
			{ displayName: 'Force Closed', name: 'forceClosed', type: 'boolean', default: false, description: 'Whether the customer is closed whatever the rules say' },
			{ displayName: 'Inherit', name: 'inherit', type: 'boolean', default: false, description: "Whether the schedule is inherited from the parent customer" },
			{ displayName: 'Remove All Rules', name: 'clearRules', type: 'boolean', default: false, description: 'Whether to remove every rule of the schedule (an empty Rules list changes nothing)' },
			{
				displayName: 'Rules',
				name: 'rules',
				type: 'fixedCollection',
				typeOptions: { multipleValues: true, sortable: true },
				placeholder: 'Add Rule',
				default: {},
				description: 'The rules, in order. They replace all current rules.',
				options: [
					{
						displayName: 'Rule',
						name: 'rule',
						values: [
							{ displayName: 'Name', name: 'name', type: 'string', default: '', placeholder: 'e.g. Business Hours' },
							{ displayName: 'State', name: 'state', type: 'string', default: '', placeholder: 'e.g. Open', description: 'State while the rule matches: any name, such as Business Hours, After Hours or Holiday' },
							{ displayName: 'Rule Type', name: 'simpleRuleType', type: 'options', options: RULE_TYPE_OPTIONS, default: 'Time', description: 'Always matches, follows a customer state, or matches by time and recurrence' },
							ruleFields,
						],
					},
				],
			},
			{ displayName: 'Time Zone', name: 'timeZoneId', type: 'string', default: '', placeholder: 'e.g. America/New_York', description: 'Time zone the rules are read in' },
		],
	};
}

