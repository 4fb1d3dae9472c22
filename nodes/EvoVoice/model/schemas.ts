import {
	APP_SETTINGS,
	BILLING_ITEMS,
	BILLING_VALUES,
	DAYS_OF_WEEK,
	FREQUENCIES,
	RULE_INT_LISTS,
	RULE_TYPES,
} from './fields';
import type { Schema } from './validate';

/** Limits of our own, where the API documents none: generous, but they stop runaway input. */
export const LIMITS = { id: 256, name: 1_000, maxRules: 500, maxTags: 500, maxPhoneNumbers: 1_000_000 } as const;

const text = (label: string, max: number = LIMITS.name): Schema => ({ kind: 'string', label, max });
const optionalText = (label: string, max: number = LIMITS.name): Schema => ({
	kind: 'string',
	label,
	max,
	blank: 'allowed',
});

export const billingSettingsSchema: Schema = {
	kind: 'object',
	label: 'Billing Settings',
	fields: Object.fromEntries(
		BILLING_ITEMS.map((item) => [
			item.name,
			{
				kind: 'object',
				label: `Billing Settings › ${item.displayName}`,
				fields: Object.fromEntries(
					BILLING_VALUES.map((value) => [
						value.name,
						{
							kind: 'number',
							label: `Billing Settings › ${item.displayName} › ${value.displayName}`,
							min: 0,
							integer: value.integer,
						} satisfies Schema,
					]),
				),
			} satisfies Schema,
		]),
	),
};

export const appSettingsSchema: Schema = {
	kind: 'object',
	label: 'App Settings',
	fields: Object.fromEntries(
		APP_SETTINGS.map((setting) => [
			setting.name,
			setting.valueType === 'boolean'
				? ({ kind: 'boolean', label: `App Settings › ${setting.displayName}` } satisfies Schema)
				: optionalText(`App Settings › ${setting.displayName}`, setting.maxLength),
		]),
	),
};

const rule = (field: string) => `Schedule › Rule › ${field}`;

const ruleSchema: Schema = {
	kind: 'object',
	label: 'Schedule › Rule',
	fields: {
		id: text(rule('Rule ID'), LIMITS.id),
		name: optionalText(rule('Name')),
		priority: { kind: 'number', label: rule('Priority'), integer: true, min: -1_000_000, max: 1_000_000 },
		state: optionalText(rule('State')),
		source: optionalText(rule('Source'), 100_000),
		condition: optionalText(rule('Condition'), 100_000),
		simpleRuleType: { kind: 'enum', label: rule('Rule Type'), values: RULE_TYPES },
		customerState: optionalText(rule('Customer State')),
		flowId: text(rule('Flow ID'), LIMITS.id),
		flowParams: { kind: 'struct', label: rule('Flow Parameters') },
		isAllDay: { kind: 'boolean', label: rule('Is All Day') },
		startDate: { kind: 'date', label: rule('Start Date') },
		startTime: { kind: 'time', label: rule('Start Time') },
		endTime: { kind: 'time', label: rule('End Time') },
		untilDate: { kind: 'date', label: rule('Until Date') },
		interval: { kind: 'number', label: rule('Interval'), integer: true, min: 1, max: 1_000_000 },
		count: { kind: 'number', label: rule('Count'), integer: true, min: 1, max: 1_000_000 },
		frequency: { kind: 'enum', label: rule('Frequency'), values: FREQUENCIES },
		byDay: {
			kind: 'list',
			label: rule('By Day'),
			of: {
				kind: 'object',
				label: rule('By Day'),
				fields: {
					offset: { kind: 'number', label: rule('By Day › Offset'), integer: true, min: -53, max: 53 },
					dayOfWeek: { kind: 'enum', label: rule('By Day › Day of Week'), values: DAYS_OF_WEEK },
				},
			},
		},
		...Object.fromEntries(
			RULE_INT_LISTS.map((list) => [
				list.name,
				{
					kind: 'list',
					label: rule(list.displayName),
					of: { kind: 'number', label: rule(list.displayName), integer: true, min: list.min, max: list.max },
				} satisfies Schema,
			]),
		),
	},
};

export const scheduleSchema: Schema = {
	kind: 'object',
	label: 'Schedule',
	fields: {
		timeZoneId: text('Schedule › Time Zone', 100),
		inherit: { kind: 'boolean', label: 'Schedule › Inherit' },
		forceClosed: { kind: 'boolean', label: 'Schedule › Force Closed' },
		defaultState: optionalText('Schedule › Default State'),
		rules: { kind: 'list', label: 'Schedule › Rules', of: ruleSchema, max: LIMITS.maxRules },
	},
};

export const customerPatchSchema: Schema = {
	kind: 'object',
	label: 'Update Fields',
	fields: {
		name: text('Name'),
		// '' only comes from "Remove Parent Customer": the body mapper refuses an empty picker.
		parentCustomerId: { kind: 'string', label: 'Parent Customer', max: LIMITS.id, blank: 'allowed' },
		referenceId: optionalText('Reference ID'),
		tagIds: { kind: 'list', label: 'Tags', of: text('Tags', LIMITS.id), max: LIMITS.maxTags },
		overrideBillingSettings: { kind: 'boolean', label: 'Override Billing Settings' },
		overrideAppSettings: { kind: 'boolean', label: 'Override App Settings' },
		billingSettings: billingSettingsSchema,
		appSettings: appSettingsSchema,
		schedule: scheduleSchema,
		data: { kind: 'struct', label: 'Data' },
	},
};

export const accountPatchSchema: Schema = {
	kind: 'object',
	label: 'Update Fields',
	fields: {
		name: text('Name'),
		maxPhoneNumbers: {
			kind: 'number',
			label: 'Max Phone Numbers',
			integer: true,
			min: 0,
			max: LIMITS.maxPhoneNumbers,
		},
		// '' only comes from "Remove Logo": the body mapper refuses a blank Logo ID.
		logoId: { kind: 'string', label: 'Logo ID', max: LIMITS.id, blank: 'allowed' },
		billingSettings: billingSettingsSchema,
	},
};
