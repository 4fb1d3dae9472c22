/**
 * The field tables of the Evo Voice DTOs this node writes. Descriptions, validation schemas and
 * tests are all generated from these, so a field is named in exactly one place.
 */

export const BILLING_ITEMS = [
	{ name: 'base', displayName: 'Base', description: 'The base (monthly) charge' },
	{ name: 'localNumbers', displayName: 'Local Numbers', description: 'Charges for local phone numbers' },
	{ name: 'tollFreeNumbers', displayName: 'Toll-Free Numbers', description: 'Charges for toll-free phone numbers' },
	{ name: 'inboundVoiceCalls', displayName: 'Inbound Voice Calls', description: 'Charges for inbound calls' },
	{ name: 'outboundVoiceCalls', displayName: 'Outbound Voice Calls', description: 'Charges for outbound calls' },
	{ name: 'inboundFaxes', displayName: 'Inbound Faxes', description: 'Charges for inbound faxes' },
	{ name: 'outboundFaxes', displayName: 'Outbound Faxes', description: 'Charges for outbound faxes' },
	{ name: 'inboundSmsMessages', displayName: 'Inbound SMS Messages', description: 'Charges for inbound SMS messages' },
	{ name: 'outboundSmsMessages', displayName: 'Outbound SMS Messages', description: 'Charges for outbound SMS messages' },
] as const;

export const BILLING_VALUES = [
	{ name: 'allowance', displayName: 'Allowance', integer: true, description: 'Units included before the unit cost applies (a whole number)' },
	{ name: 'baseCost', displayName: 'Base Cost', integer: false, description: 'Fixed cost of this item per billing period' },
	{ name: 'rawUnitMultiplier', displayName: 'Raw Unit Multiplier', integer: false, description: 'Multiplier applied to the raw carrier cost of each unit' },
	{ name: 'unitCost', displayName: 'Unit Cost', integer: false, description: 'Cost of each unit beyond the allowance' },
] as const;

export const APP_SETTINGS = [
	{ name: 'chakraTheme', displayName: 'Chakra Theme', valueType: 'string', description: 'Theme of the customer portal (a Chakra UI theme, as JSON)', maxLength: 100_000 },
	{ name: 'customCss', displayName: 'Custom CSS', valueType: 'string', description: 'CSS added to the customer portal', maxLength: 100_000 },
	{ name: 'enableCallHistory', displayName: 'Enable Call History', valueType: 'boolean', description: 'Whether the portal shows call history' },
	{ name: 'enableDeviceManagement', displayName: 'Enable Device Management', valueType: 'boolean', description: 'Whether the portal lets users manage devices' },
	{ name: 'enableDialer', displayName: 'Enable Dialer', valueType: 'boolean', description: 'Whether the portal shows the dialer' },
	{ name: 'enablePhoneNumberManagement', displayName: 'Enable Phone Number Management', valueType: 'boolean', description: 'Whether the portal lets users manage phone numbers' },
	{ name: 'logoutUrl', displayName: 'Logout URL', valueType: 'string', description: 'Where the portal sends users after they log out', maxLength: 2_000 },
	{ name: 'pageTitle', displayName: 'Page Title', valueType: 'string', description: 'Title of the portal page', maxLength: 1_000 },
	{ name: 'portMyNumberUrl', displayName: 'Port My Number URL', valueType: 'string', description: 'Link the portal shows for porting numbers in', maxLength: 2_000 },
	{ name: 'showFileNameInMessageCenter', displayName: 'Show File Name in Message Center', valueType: 'boolean', description: 'Whether the message center shows attachment file names' },
	{ name: 'stringMappings', displayName: 'String Mappings', valueType: 'string', description: 'Replacements for texts of the portal', maxLength: 100_000 },
] as const;

export const RULE_TYPES = ['Always', 'CustomerState', 'Time'] as const;
export const FREQUENCIES = ['None', 'Secondly', 'Minutely', 'Hourly', 'Daily', 'Weekly', 'Monthly', 'Yearly'] as const;
export const DAYS_OF_WEEK = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'] as const;

/** RRULE-style integer lists of a scheduling rule, with the ranges iCalendar allows. */
export const RULE_INT_LISTS = [
	{ name: 'byMonth', displayName: 'By Month', min: 1, max: 12, zero: false, description: 'Months of the year (1–12)', placeholder: 'e.g. 1, 7, 12' },
	{ name: 'byMonthDay', displayName: 'By Month Day', min: -31, max: 31, zero: false, description: 'Days of the month (1–31; negative counts from the end, -1 = last day)', placeholder: 'e.g. 1, 15, -1' },
	{ name: 'byYearDay', displayName: 'By Year Day', min: -366, max: 366, zero: false, description: 'Days of the year (1–366; negative counts from the end)', placeholder: 'e.g. 1, 100, -1' },
	{ name: 'byWeekNo', displayName: 'By Week Number', min: -53, max: 53, zero: false, description: 'ISO week numbers (1–53; negative counts from the end)', placeholder: 'e.g. 1, 20, -1' },
	{ name: 'byHour', displayName: 'By Hour', min: 0, max: 23, zero: true, description: 'Hours of the day (0–23)', placeholder: 'e.g. 9, 17' },
	{ name: 'byMinute', displayName: 'By Minute', min: 0, max: 59, zero: true, description: 'Minutes of the hour (0–59)', placeholder: 'e.g. 0, 30' },
	{ name: 'bySetPosition', displayName: 'By Set Position', min: -366, max: 366, zero: false, description: 'Which occurrences within the set to keep (e.g. -1 = the last)', placeholder: 'e.g. 1, -1' },
] as const;

export type BillingItemName = (typeof BILLING_ITEMS)[number]['name'];
export type BillingValueName = (typeof BILLING_VALUES)[number]['name'];

/** RRULE's two-letter day codes, accepted in "By Day" beside the full names. */
export const DAY_CODES: Record<string, (typeof DAYS_OF_WEEK)[number]> = {
	SU: 'Sunday',
	MO: 'Monday',
	TU: 'Tuesday',
	WE: 'Wednesday',
	TH: 'Thursday',
	FR: 'Friday',
	SA: 'Saturday',
};
