// Public API of the Evo Voice sandbox: a local HTTP server that behaves like the Evo Voice API.
// See README.md in this folder.
export { startSandbox, type Sandbox, type SandboxOptions } from './server';
export { defaultSeed, makeCustomers, SANDBOX_CREDENTIALS } from './seed';
export type { FaultRule } from './faults';
export type { ClockSpec, ClockState } from './clock';
export type { BurstResult, BurstSpec } from './burst';
export type { CustomerCreateOptions, CustomerUpdateOptions, EndOptions, Events, NotificationOptions, SessionOptions } from './events';
export { formatDate, startOfDay, zonedDay } from './dates';
export {
	AUTH_MODES, BLANK_STRING_MODES, DATE_FORMATS, defaultSemantics, EMPTY_TAG_MODES, loadSemanticsFile, NESTED_MODES, NESTED_OBJECTS, resolveSemantics,
	SESSION_DAY_FIELDS, SORT_MODES, SORTED_LISTS,
	type AuthMode, type BlankStringMode, type DateFormat, type EmptyTagMode, type NestedMode, type NestedObject, type SandboxSemantics,
	type SemanticsOverrides, type SessionDayField, type SortedList, type SortMode,
} from './modes';
export type {
	AccountInfo,
	AppSettings,
	BillingItem,
	BillingSettings,
	Counters,
	CustomerFieldInfo,
	CustomerInfo,
	FlowChannel,
	NotificationInfo,
	NotificationType,
	SessionInfo,
	SessionLogInfo,
	RequestLogEntry,
	Role,
	SandboxState,
	SandboxUser,
	Schedule,
	ScheduleDay,
	SchedulingRule,
	SeedData,
	Struct,
	SystemSettings,
	Tag,
	Value,
} from './types';
