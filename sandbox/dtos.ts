// The Evo Voice DTOs the sandbox validates against, as field tables: one 'name: Type' line per
// field, in the order of the service's own metadata pages (seeds/000 PatchCustomer, seeds/004
// PatchAccount). Type spellings are those of the metadata (Kotlin names; VB.NET Integer -> Int).
// test/sandbox/dtos.test.ts compares this module with test/fixtures/seed-dtos.json, so a
// field added there and missing here fails a test. Kept in TypeScript because that JSON lives
// outside the repository and is absent from a published checkout.

export interface DtoClass {
	/** 'HashMap<String,X>' marks a map class (Struct, EntityIntegrationData). */
	base: string | null;
	fields: readonly string[];
}

export const DTO_CLASSES: Record<string, DtoClass> = {
	PatchCustomer: {
		base: 'IPatch',
		fields: [
			'customerId: String',
			'name: String',
			'parentCustomerId: String',
			'referenceId: String',
			'data: Struct',
			'tagIds: ArrayList<String>',
			'schedule: Schedule',
			'overrideBillingSettings: Boolean',
			'billingSettings: BillingSettings',
			'overrideAppSettings: Boolean',
			'appSettings: AppSettings',
		],
	},
	Struct: { base: 'HashMap<String,Value>', fields: [] },
	Value: {
		base: null,
		fields: [
			'boolValue: Boolean',
			'stringValue: String',
			'numberValue: Double',
			'listValue: ArrayList<Struct>',
			'structValue: Struct',
		],
	},
	Schedule: {
		base: null,
		fields: [
			'timeZoneId: String',
			'inherit: Boolean',
			'forceClosed: Boolean',
			'rules: ArrayList<SchedulingRule>',
			'defaultState: String',
		],
	},
	SchedulingRule: {
		base: null,
		fields: [
			'id: String',
			'name: String',
			'priority: Int',
			'state: String',
			'source: String',
			'condition: String',
			'simpleRuleType: SimpleSchedulingRuleTypes',
			'customerState: String',
			'flowId: String',
			'flowParams: Struct',
			'isAllDay: Boolean',
			'startDate: String',
			'startTime: String',
			'endTime: String',
			'bySetPosition: ArrayList<Int>',
			'byMonth: ArrayList<Int>',
			'byWeekNo: ArrayList<Int>',
			'byYearDay: ArrayList<Int>',
			'byMonthDay: ArrayList<Int>',
			'byDay: ArrayList<ScheduleDay>',
			'byHour: ArrayList<Int>',
			'byMinute: ArrayList<Int>',
			'interval: Int',
			'count: Int',
			'untilDate: String',
			'frequency: SchedulingRuleFrequency',
		],
	},
	ScheduleDay: {
		base: null,
		fields: [
			'offset: Int',
			'dayOfWeek: DayOfWeek',
		],
	},
	BillingSettings: {
		base: null,
		fields: [
			'base: BillingItem',
			'localNumbers: BillingItem',
			'tollFreeNumbers: BillingItem',
			'inboundVoiceCalls: BillingItem',
			'outboundVoiceCalls: BillingItem',
			'inboundFaxes: BillingItem',
			'outboundFaxes: BillingItem',
			'inboundSmsMessages: BillingItem',
			'outboundSmsMessages: BillingItem',
		],
	},
	BillingItem: {
		base: null,
		fields: [
			'baseCost: Double',
			'rawUnitMultiplier: Double',
			'unitCost: Double',
			'allowance: Int',
		],
	},
	AppSettings: {
		base: null,
		fields: [
			'enablePhoneNumberManagement: Boolean',
			'enableDeviceManagement: Boolean',
			'enableDialer: Boolean',
			'enableCallHistory: Boolean',
			'showFileNameInMessageCenter: Boolean',
			'chakraTheme: String',
			'customCss: String',
			'pageTitle: String',
			'stringMappings: String',
			'logoutUrl: String',
			'portMyNumberUrl: String',
		],
	},
	CustomerInfo: {
		base: 'EntityInfo',
		fields: [
			'accountId: String',
			'parentCustomerId: String',
			'breadcrumb: ArrayList<CustomerBreadcrumb>',
			'accountName: String',
			'isStaging: Boolean',
			'name: String',
			'referenceId: String',
			'data: Struct',
			'tags: ArrayList<Tag>',
			'schedule: Schedule',
			'integrationData: EntityIntegrationData',
			'overrideBillingSettings: Boolean',
			'billingSettings: BillingSettings',
			'overrideAppSettings: Boolean',
			'appSettings: AppSettings',
		],
	},
	EntityInfo: {
		base: null,
		fields: [
			'id: String',
			'dateCreated: String',
			'dateLastModified: String',
			'createdBy: String',
			'lastModifiedBy: String',
		],
	},
	CustomerBreadcrumb: {
		base: null,
		fields: [
			'id: String',
			'name: String',
		],
	},
	Tag: {
		base: null,
		fields: [
			'id: String',
			'name: String',
			'color: TagColors',
		],
	},
	EntityIntegrationData: { base: 'HashMap<String,IntegrationData>', fields: [] },
	IntegrationData: {
		base: null,
		fields: [
			'thirdPartyId: String',
		],
	},
	AccountInfo: {
		base: 'EntityInfo',
		fields: [
			'name: String',
			'parentAccountId: String',
			'twilioAccountSid: String',
			'ancestorIds: ArrayList<String>',
			'maxPhoneNumbers: Int',
			'isBYOA: Boolean',
			'trustHubProfileSid: String',
			'logoId: String',
			'logoUri: String',
			'billingSettings: BillingSettings',
		],
	},
	PatchAccount: {
		base: null,
		fields: [
			'accountId: String',
			'name: String',
			'maxPhoneNumbers: Int',
			'logoId: String',
			'billingSettings: BillingSettings',
		],
	},
};

export const DTO_ENUMS: Record<string, readonly string[]> = {
	SimpleSchedulingRuleTypes: ['Always', 'CustomerState', 'Time'],
	SchedulingRuleFrequency: ['None', 'Secondly', 'Minutely', 'Hourly', 'Daily', 'Weekly', 'Monthly', 'Yearly'],
	TagColors: ['Magenta', 'Red', 'Volcano', 'Orange', 'Gold', 'Lime', 'Green', 'Cyan', 'Blue', 'GeekBlue', 'Purple'],
	DayOfWeek: ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'],
};

/** Parses one 'name: Type' line of DTO_CLASSES. */
export function parseField(line: string): { name: string; type: string } {
	const at = line.indexOf(': ');
	return { name: line.slice(0, at), type: line.slice(at + 2) };
}
