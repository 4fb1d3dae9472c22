// The behaviours of the real service nobody here has seen, as switchable settings. The defaults
// are the guesses of API-NOTES.md; `npm run probe` observes a live service and writes a JSON file
// whose `semantics` the sandbox loads (`--semantics observed.json`) to behave as that service did.
import { readFileSync } from 'node:fs';

/** Ways a request can carry a login. Each is on or off; the probe reports which the server takes. */
export const AUTH_MODES = [
	/** `Authorization: Bearer <token>` (ServiceStack's API-key and JWT providers). */
	'bearer',
	/** `Authorization: Basic base64(<token>:)`, the API key as the user name (API-key provider). */
	'basicToken',
	/** `?apikey=<token>` (API-key provider with AllowInHttpParams). */
	'apiKeyQuery',
	/** `Cookie: ss-tok=<token>` (JWT provider's cookie). */
	'tokenCookie',
	/** `?ss-tok=<token>` (JWT provider with AllowInQueryString). */
	'tokenQuery',
	/** `X-ss-id: <token>`: the token is a session ID. */
	'tokenSessionHeader',
	/** `Authorization: Basic base64(email:password)`. */
	'basic',
	/** `POST /auth/credentials`, then the session in the `ss-id` cookie or `X-ss-id` header. */
	'session',
] as const;
export type AuthMode = (typeof AUTH_MODES)[number];

export const NESTED_OBJECTS = ['billingSettings', 'appSettings', 'schedule', 'data'] as const;
export type NestedObject = (typeof NESTED_OBJECTS)[number];

/**
 * How a PATCH treats a nested object it is sent: `replace` stores it whole (what was not sent is
 * gone); `merge` lays its keys over the stored object one level deep; `deepMerge` recurses into
 * objects (arrays are always replaced). For schedule and appSettings, whose members are scalars or
 * arrays, merge and deepMerge behave alike.
 */
export const NESTED_MODES = ['replace', 'merge', 'deepMerge'] as const;
export type NestedMode = (typeof NESTED_MODES)[number];

/** What `tagIds: []` does: clears the tags, is ignored (tags kept), or is refused with 400. */
export const EMPTY_TAG_MODES = ['clear', 'ignore', 'reject'] as const;
export type EmptyTagMode = (typeof EMPTY_TAG_MODES)[number];

/**
 * What a blank string does to a reference (`referenceId`, `parentCustomerId`, `logoId` set to ''):
 * stored as '' (meaning none), clears the field, ignored (the old value stays), or 400.
 */
export const BLANK_STRING_MODES = ['store', 'clear', 'ignore', 'reject'] as const;
export type BlankStringMode = (typeof BLANK_STRING_MODES)[number];

/**
 * How entity dates (dateCreated, dateLastModified, dateCompleted, log dates) are written:
 * `iso` 2024-05-20T09:30:00.000Z; `isoNoZone` 2024-05-20T09:30:00.000 (the UTC wall time, no
 * designator: a .NET DateTime of kind Unspecified); `wcf` /Date(1716197400000-0000)/ (ServiceStack's
 * own DateTime format). The sandbox stores ISO with Z; only answers change.
 */
export const DATE_FORMATS = ['iso', 'isoNoZone', 'wcf'] as const;
export type DateFormat = (typeof DATE_FORMATS)[number];

/**
 * What a list does with `specificIds` (ListRequest's "Specific IDs"): `honoured` answers only those
 * records; `ignored` answers as if it were not there. The node reads many records by it (a bulk
 * run's check and its read-backs) and must work either way.
 */
export const SPECIFIC_IDS_MODES = ['honoured', 'ignored'] as const;
export type SpecificIdsMode = (typeof SPECIFIC_IDS_MODES)[number];

/** Lists whose sortField/sortOrder the server may honour or ignore. */
export const SORTED_LISTS = ['customers', 'sessions', 'notifications'] as const;
export type SortedList = (typeof SORTED_LISTS)[number];

/**
 * `honoured` sorts as asked; `ignored` answers in storage (insertion) order whatever was asked:
 * oldest first, even after updates, so a poller that asks for newest first and stops at the first
 * record it has seen misses everything new.
 */
export const SORT_MODES = ['honoured', 'ignored'] as const;
export type SortMode = (typeof SORT_MODES)[number];

/** Which session date the startDate/endDate day filter reads (notifications only have dateCreated). */
export const SESSION_DAY_FIELDS = ['dateCreated', 'dateCompleted'] as const;
export type SessionDayField = (typeof SESSION_DAY_FIELDS)[number];

export interface SandboxSemantics {
	auth: Record<AuthMode, boolean>;
	nested: Record<NestedObject, NestedMode>;
	emptyTagIds: EmptyTagMode;
	blankString: BlankStringMode;
	/** Lists answer at most this many items a page, whatever countPerPage asks; null = no cap. */
	maxCountPerPage: number | null;
	specificIds: SpecificIdsMode;
	dateFormat: DateFormat;
	/** The IANA zone whose whole days startDate/endDate (YYYY-MM-DD) mean, for sessions and notifications. */
	dayZone: string;
	/** True: endDate's day is included; false: the range stops at the start of endDate's day. */
	endDateInclusive: boolean;
	sessionDayField: SessionDayField;
	sort: Record<SortedList, SortMode>;
	/** Ended sessions created more than this many days ago are found only with searchArchive=true; null = no archive. */
	archiveAfterDays: number | null;
}

/** The guesses of API-NOTES.md. */
export function defaultSemantics(): SandboxSemantics {
	return {
		auth: { bearer: true, basicToken: false, apiKeyQuery: false, tokenCookie: false, tokenQuery: false, tokenSessionHeader: false, basic: true, session: true },
		nested: { billingSettings: 'replace', appSettings: 'replace', schedule: 'replace', data: 'replace' },
		emptyTagIds: 'clear',
		blankString: 'store',
		maxCountPerPage: null,
		specificIds: 'honoured',
		dateFormat: 'iso',
		dayZone: 'UTC',
		endDateInclusive: true,
		sessionDayField: 'dateCreated',
		sort: { customers: 'honoured', sessions: 'honoured', notifications: 'honoured' },
		archiveAfterDays: null,
	};
}

/** What a settings file may hold: any part of the settings; what it leaves out keeps the default. */
export interface SemanticsOverrides {
	auth?: Partial<Record<AuthMode, boolean>>;
	nested?: Partial<Record<NestedObject, NestedMode>>;
	emptyTagIds?: EmptyTagMode;
	blankString?: BlankStringMode;
	maxCountPerPage?: number | null;
	specificIds?: SpecificIdsMode;
	dateFormat?: DateFormat;
	dayZone?: string;
	endDateInclusive?: boolean;
	sessionDayField?: SessionDayField;
	sort?: Partial<Record<SortedList, SortMode>>;
	archiveAfterDays?: number | null;
}

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

function oneOf<T extends string>(where: string, value: unknown, allowed: readonly T[]): T {
	if (typeof value === 'string' && (allowed as readonly string[]).includes(value)) return value as T;
	throw new Error(`semantics: ${where} is ${JSON.stringify(value)}; expected one of ${allowed.join(', ')}`);
}

function keysOf(where: string, value: unknown, allowed: readonly string[]): Record<string, unknown> {
	if (!isRecord(value)) throw new Error(`semantics: ${where} must be an object, got ${JSON.stringify(value)}`);
	for (const key of Object.keys(value)) {
		if (!allowed.includes(key)) throw new Error(`semantics: unknown ${where} '${key}'; known: ${allowed.join(', ')}`);
	}
	return value;
}

/** Defaults overlaid with `overrides`, checked: a wrong name or value throws an error naming it. */
export function resolveSemantics(overrides: unknown = {}): SandboxSemantics {
	const out = defaultSemantics();
	const o = keysOf('setting', overrides, [
		'auth', 'nested', 'emptyTagIds', 'blankString', 'maxCountPerPage', 'specificIds',
		'dateFormat', 'dayZone', 'endDateInclusive', 'sessionDayField', 'sort', 'archiveAfterDays',
	]);
	if (o.auth !== undefined) {
		for (const [mode, on] of Object.entries(keysOf('auth mode', o.auth, AUTH_MODES))) {
			if (typeof on !== 'boolean') throw new Error(`semantics: auth.${mode} is ${JSON.stringify(on)}; expected true or false`);
			out.auth[mode as AuthMode] = on;
		}
	}
	if (o.nested !== undefined) {
		for (const [name, mode] of Object.entries(keysOf('nested object', o.nested, NESTED_OBJECTS))) {
			out.nested[name as NestedObject] = oneOf(`nested.${name}`, mode, NESTED_MODES);
		}
	}
	if (o.emptyTagIds !== undefined) out.emptyTagIds = oneOf('emptyTagIds', o.emptyTagIds, EMPTY_TAG_MODES);
	if (o.blankString !== undefined) out.blankString = oneOf('blankString', o.blankString, BLANK_STRING_MODES);
	if (o.maxCountPerPage !== undefined) {
		const cap = o.maxCountPerPage;
		if (cap !== null && !(Number.isInteger(cap) && (cap as number) >= 1)) {
			throw new Error(`semantics: maxCountPerPage is ${JSON.stringify(cap)}; expected a whole number of at least 1, or null`);
		}
		out.maxCountPerPage = cap as number | null;
	}
	if (o.specificIds !== undefined) out.specificIds = oneOf('specificIds', o.specificIds, SPECIFIC_IDS_MODES);
	resolveTimeline(o, out);
	return out;
}

/** The settings of dates, day filters, sorting and the archive (what a polling trigger depends on). */
function resolveTimeline(o: Record<string, unknown>, out: SandboxSemantics): void {
	if (o.dateFormat !== undefined) out.dateFormat = oneOf('dateFormat', o.dateFormat, DATE_FORMATS);
	if (o.dayZone !== undefined) out.dayZone = zoneOf(o.dayZone);
	if (o.endDateInclusive !== undefined) {
		if (typeof o.endDateInclusive !== 'boolean') throw new Error(`semantics: endDateInclusive is ${JSON.stringify(o.endDateInclusive)}; expected true or false`);
		out.endDateInclusive = o.endDateInclusive;
	}
	if (o.sessionDayField !== undefined) out.sessionDayField = oneOf('sessionDayField', o.sessionDayField, SESSION_DAY_FIELDS);
	if (o.sort !== undefined) {
		for (const [list, mode] of Object.entries(keysOf('sorted list', o.sort, SORTED_LISTS))) {
			out.sort[list as SortedList] = oneOf(`sort.${list}`, mode, SORT_MODES);
		}
	}
	if (o.archiveAfterDays !== undefined) {
		const days = o.archiveAfterDays;
		if (days !== null && !(typeof days === 'number' && Number.isFinite(days) && days > 0)) {
			throw new Error(`semantics: archiveAfterDays is ${JSON.stringify(days)}; expected a number of days above 0, or null`);
		}
		out.archiveAfterDays = days as number | null;
	}
}

/** An IANA zone name as Intl knows it (so 'utc' and 'Europe/Nowhere' are caught here, not per request). */
function zoneOf(value: unknown): string {
	if (typeof value === 'string' && value) {
		try {
			new Intl.DateTimeFormat('en-US', { timeZone: value });
			return value;
		} catch {
			// reported below
		}
	}
	throw new Error(`semantics: dayZone is ${JSON.stringify(value)}; expected an IANA time zone such as UTC or America/New_York`);
}

/**
 * Reads a settings file: either the probe's observed.json (its `semantics` member) or a bare
 * SemanticsOverrides object.
 */
export function loadSemanticsFile(file: string): SandboxSemantics {
	let parsed: unknown;
	try {
		parsed = JSON.parse(readFileSync(file, 'utf8'));
	} catch (err) {
		throw new Error(`semantics: cannot read ${file}: ${(err as Error).message}`);
	}
	return resolveSemantics(isRecord(parsed) && 'semantics' in parsed ? parsed.semantics : parsed);
}
