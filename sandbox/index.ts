// Public API of the Evo Voice sandbox: a local HTTP server that behaves like the Evo Voice API.
// See README.md in this folder.
export { startSandbox, type Sandbox, type SandboxOptions } from './server';
export { defaultSeed, makeCustomers, SANDBOX_CREDENTIALS } from './seed';
export type { FaultRule } from './faults';
export {
	AUTH_MODES, BLANK_STRING_MODES, defaultSemantics, EMPTY_TAG_MODES, loadSemanticsFile, NESTED_MODES, NESTED_OBJECTS, resolveSemantics,
	type AuthMode, type BlankStringMode, type EmptyTagMode, type NestedMode, type NestedObject, type SandboxSemantics, type SemanticsOverrides,
} from './modes';
export type {
	AccountInfo,
	AppSettings,
	BillingItem,
	BillingSettings,
	Counters,
	CustomerFieldInfo,
	CustomerInfo,
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
