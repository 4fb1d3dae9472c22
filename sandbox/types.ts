// Shapes of the sandbox's data. Entity types mirror the Evo Voice DTOs (see dtos.ts for the
// field tables the validator uses); every field is optional because the Kotlin DTOs mark every
// field nullable and ServiceStack omits nulls. Nested objects carry an index signature because
// unknown fields inside them are stored and returned untouched (staging has fields production lacks).

export type Role = 'SystemAdministrator' | 'Manager' | 'Customer';

export interface Extra {
	[extra: string]: unknown;
}

export interface Value extends Extra {
	boolValue?: boolean;
	stringValue?: string;
	numberValue?: number;
	listValue?: Struct[];
	structValue?: Struct;
}
export type Struct = Record<string, Value>;

export interface ScheduleDay extends Extra {
	offset?: number;
	dayOfWeek?: string;
}

export interface SchedulingRule extends Extra {
	id?: string;
	name?: string;
	priority?: number;
	state?: string;
	source?: string;
	condition?: string;
	simpleRuleType?: string;
	customerState?: string;
	flowId?: string;
	flowParams?: Struct;
	isAllDay?: boolean;
	startDate?: string;
	startTime?: string;
	endTime?: string;
	bySetPosition?: number[];
	byMonth?: number[];
	byWeekNo?: number[];
	byYearDay?: number[];
	byMonthDay?: number[];
	byDay?: ScheduleDay[];
	byHour?: number[];
	byMinute?: number[];
	interval?: number;
	count?: number;
	untilDate?: string;
	frequency?: string;
}

export interface Schedule extends Extra {
	timeZoneId?: string;
	inherit?: boolean;
	forceClosed?: boolean;
	rules?: SchedulingRule[];
	defaultState?: string;
}

export interface BillingItem extends Extra {
	baseCost?: number;
	rawUnitMultiplier?: number;
	unitCost?: number;
	allowance?: number;
}

export interface BillingSettings extends Extra {
	base?: BillingItem;
	localNumbers?: BillingItem;
	tollFreeNumbers?: BillingItem;
	inboundVoiceCalls?: BillingItem;
	outboundVoiceCalls?: BillingItem;
	inboundFaxes?: BillingItem;
	outboundFaxes?: BillingItem;
	inboundSmsMessages?: BillingItem;
	outboundSmsMessages?: BillingItem;
}

export interface AppSettings extends Extra {
	enablePhoneNumberManagement?: boolean;
	enableDeviceManagement?: boolean;
	enableDialer?: boolean;
	enableCallHistory?: boolean;
	showFileNameInMessageCenter?: boolean;
	chakraTheme?: string;
	customCss?: string;
	pageTitle?: string;
	stringMappings?: string;
	logoutUrl?: string;
	portMyNumberUrl?: string;
}

export interface Tag {
	id: string;
	name?: string;
	color?: string;
}

export interface CustomerBreadcrumb {
	id: string;
	name?: string;
}

export interface EntityInfo {
	id: string;
	dateCreated?: string;
	dateLastModified?: string;
	createdBy?: string;
	lastModifiedBy?: string;
}

export interface CustomerInfo extends EntityInfo {
	accountId: string;
	parentCustomerId?: string;
	/** Derived on every read (root first, the customer itself last); ignored when stored. */
	breadcrumb?: CustomerBreadcrumb[];
	/** Derived on every read from the account; ignored when stored. */
	accountName?: string;
	isStaging?: boolean;
	name: string;
	referenceId?: string;
	data?: Struct;
	/** Stored as objects; name and colour are refreshed from the account's system settings on read. */
	tags?: Tag[];
	schedule?: Schedule;
	integrationData?: Record<string, { thirdPartyId?: string } & Extra>;
	overrideBillingSettings?: boolean;
	billingSettings?: BillingSettings;
	overrideAppSettings?: boolean;
	appSettings?: AppSettings;
}

export interface AccountInfo extends EntityInfo {
	name: string;
	parentAccountId?: string;
	twilioAccountSid?: string;
	ancestorIds?: string[];
	maxPhoneNumbers?: number;
	isBYOA?: boolean;
	trustHubProfileSid?: string;
	logoId?: string;
	logoUri?: string;
	billingSettings?: BillingSettings;
}

/** FlowChannels: the kind of conversation a session is. */
export type FlowChannel = 'Voice' | 'Chat' | 'Fax';

export interface SessionLogInfo {
	date?: string;
	message?: string;
}

/**
 * SessionInfo as ListSessions' metadata page shows it, up to conferenceSid (the stored pages end
 * there). Derived on read: accountName, customerName, customerBreadcrumb, endpointName.
 * `log` is sent by GET /sessions/{id} only (the vendor CLI reads it there); `parentSessionId` is
 * stored for the filter of that name but not sent: the pages seen do not list it as a field.
 */
export interface SessionInfo extends EntityInfo {
	dialState?: 'None' | 'Active';
	callState?: 'Disconnected' | 'Ringing' | 'Connected' | 'Hold' | 'Passive';
	queueState?: 'None' | 'Queued' | 'Ringing' | 'Connected' | 'Hold' | 'Disconnected';
	accountId: string;
	accountName?: string;
	customerId?: string;
	customerBreadcrumb?: CustomerBreadcrumb[];
	customerName?: string;
	endpointId?: string;
	endpointName?: string;
	dateCompleted?: string;
	destination?: string;
	toAddress?: string;
	fromAddress?: string;
	fromName?: string;
	answeredByName?: string;
	queueMemberId?: string;
	channel?: FlowChannel;
	ended?: boolean;
	outcome?: string;
	callSid?: string;
	consoleData?: string;
	holdQueueName?: string;
	heldByUserId?: string;
	holdReason?: 'None' | 'Transferring';
	conferenceSid?: string;
	log?: SessionLogInfo[];
	parentSessionId?: string;
}

export type NotificationType = 'Email' | 'Sms' | 'Push' | 'IncomingCall' | 'OutgoingCall';

/** NotificationInfo as ListNotifications' metadata page shows it; account and customer names derived on read. */
export interface NotificationInfo extends EntityInfo {
	accountId: string;
	accountName?: string;
	customerId?: string;
	customerName?: string;
	customerBreadcrumb?: CustomerBreadcrumb[];
	type?: NotificationType;
	subject?: string;
	body?: string;
	/** `extra`: "e.g. CC, BCC". */
	recipients?: { address?: string; extra?: string }[];
	/** FileInfo's fields are not documented on the pages seen: kept opaque. */
	attachments?: Extra[];
	from?: string;
	to?: string;
	error?: boolean;
	errorMessage?: string;
}

/** One entry of `customerFields` in GET /system/settings. `type` spells Evo Voice's ValueTypes. */
export interface CustomerFieldInfo {
	name: string;
	type: 'String' | 'Number' | 'Boolean' | 'List' | 'Struct' | string;
	possibleValues?: string[];
	description?: string;
}

export interface SystemSettings {
	tags: Tag[];
	customerFields: CustomerFieldInfo[];
}

/** A login. Any of token / email+password authenticates it. */
export interface SandboxUser {
	id: string;
	userName: string;
	displayName: string;
	email?: string;
	password?: string;
	token?: string;
	roles: Role[];
	/** Accounts this user reaches; ignored for SystemAdministrator (reaches all). */
	accountIds: string[];
	/** Customer role only: the root of the customer subtree this user may touch. */
	customerId?: string;
}

export interface SeedData {
	accounts: AccountInfo[];
	customers: CustomerInfo[];
	users: SandboxUser[];
	/** Keyed by account ID. */
	systemSettings: Record<string, SystemSettings>;
	sessions?: SessionInfo[];
	notifications?: NotificationInfo[];
}

/** Live state. Plain records keyed by ID, so tests can read and even edit it directly. */
export interface SandboxState {
	accounts: Record<string, AccountInfo>;
	customers: Record<string, CustomerInfo>;
	users: SandboxUser[];
	systemSettings: Record<string, SystemSettings>;
	/** Sequence for IDs of customers created through POST /customers (and customer events). */
	nextId: number;
	/** Map-backed like customers, in insertion order (what an ignored sort answers in). */
	sessions: Record<string, SessionInfo>;
	notifications: Record<string, NotificationInfo>;
	/** Sequences for generated events: ses-000001…, ntf-000001…. */
	nextSessionId: number;
	nextNotificationId: number;
}

export interface RequestLogEntry {
	method: string;
	path: string;
	/** Route key as used by counters and fault rules, e.g. 'PATCH /customers/:id'. */
	route: string;
	query: Record<string, string | string[]>;
	headers: Record<string, string | string[] | undefined>;
	body: unknown;
	/** 0 when no response was sent (fault 'reset' or 'timeout'). */
	status: number;
	startedAt: string;
	durationMs: number;
	fault?: string;
	/** True when the request changed state (also true for a 'malformed' fault: apply-then-garble). */
	stateChanged: boolean;
}

export interface Counters {
	total: number;
	byRoute: Record<string, number>;
	maxInFlight: number;
	inFlight: number;
	faults: Record<string, number>;
}
