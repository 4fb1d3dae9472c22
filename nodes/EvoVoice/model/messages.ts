/**
 * Every message this node shows for bad input or a failed request, in one table, so that wording
 * stays consistent and tests can refer to it.
 */

/** A short, safe rendering of a value for a message: type-tagged, truncated, never multi-line. */
export function show(value: unknown): string {
	if (value === undefined) return 'nothing';
	if (value === null) return 'null';
	if (typeof value === 'string') {
		if (value.trim() === '') return value === '' ? 'an empty text' : 'a blank text';
		const text = value.length > 60 ? `${value.slice(0, 57)}…` : value;
		return `the text ${JSON.stringify(text)}${value.length > 60 ? ` (${value.length} characters)` : ''}`;
	}
	if (typeof value === 'number') return Number.isNaN(value) ? 'NaN' : String(value);
	if (typeof value === 'boolean') return String(value);
	if (Array.isArray(value)) return `a list (${truncate(JSON.stringify(value))})`;
	if (typeof value === 'object') return `an object (${truncate(JSON.stringify(value))})`;
	return typeof value;
}

function truncate(text: string | undefined): string {
	if (text === undefined) return '';
	return text.length > 60 ? `${text.slice(0, 57)}…` : text;
}

export const problems = {
	notText: (v: unknown) => `must be text, not ${show(v)}`,
	blank: (v: unknown) => `must not be empty; got ${show(v)}`,
	blankToClear: (v: unknown, clear: string) =>
		`must not be empty; got ${show(v)}. To remove it, turn on "${clear}"; to keep it as it is, remove the field`,
	tooLong: (v: string, max: number) => `is ${v.length} characters long; at most ${max} are allowed`,
	notNumber: (v: unknown) =>
		typeof v === 'string'
			? `must be a number, not ${show(v)} (convert it in an expression, e.g. {{ Number($json.value) }})`
			: `must be a number, not ${show(v)}`,
	noNumber: () => 'is empty: type a number, or remove the field',
	notFinite: (v: unknown) => `must be a finite number, not ${show(v)}`,
	belowMin: (v: number, min: number) => `must be ${min} or more, not ${v}`,
	aboveMax: (v: number, max: number) => `must be ${max} or less, not ${v}`,
	notInteger: (v: number) => `must be a whole number, not ${v}`,
	notBoolean: (v: unknown) => `must be true or false, not ${show(v)}`,
	notOneOf: (v: unknown, values: readonly string[]) => `must be one of ${values.join(', ')}; got ${show(v)}`,
	notTime: (v: unknown) => `must be a time as HH:mm (24-hour, e.g. 09:30), not ${show(v)}`,
	notDateTime: (v: unknown) =>
		`must be a date and time as ISO 8601 (e.g. 2026-12-07T09:15, read in the schedule's time zone, or with Z or an offset such as +01:00), not ${show(v)}`,
	emptySchedule: () => 'is empty: add the schedule fields to test, or choose "Saved Schedule" to test the customer\'s own',
	notDate: (v: unknown) => `must be a date as YYYY-MM-DD (or an ISO 8601 date-time), not ${show(v)}`,
	notList: (v: unknown) => `must be a list, not ${show(v)}`,
	listEntry: (index: number, problem: string) => `entry ${index + 1} ${problem}`,
	zeroNotAllowed: () => 'must not contain 0',
	dotSegment: (v: string) => `cannot be ${JSON.stringify(v)}: URLs read it as a step up the path, not as an ID`,
	notObject: (v: unknown) => `must be an object, not ${show(v)}`,
	invalidJson: (v: string, reason: string) => `is not valid JSON (${reason}): ${show(v)}`,
	badDay: (token: string) =>
		`has ${JSON.stringify(token)}, which is not a day: use a day name or MO, TU, WE, TH, FR, SA, SU, with an optional offset such as -1FR`,
	nameToCreate: (v: unknown, referenceId: string, accountId: string) =>
		`must not be empty when the customer is created; got ${show(v)}: no customer has the reference ID ${JSON.stringify(referenceId)} in account ${accountId}`,
	matchKeyInFields: () => 'is the match key of Create or Update: give it in Reference ID, not in Update Fields',
	badValue: (v: unknown) =>
		`must be a Value with exactly one of boolValue, stringValue, numberValue, listValue or structValue; got ${show(v)}`,
} as const;

export const messages = {
	invalidField: (label: string, path: string, problem: string) => `${label} (${path}) ${problem}`,
	nothingToUpdate: (resource: string) =>
		`Nothing to update: add at least one field under "Update Fields" for the ${resource}`,
	conflictingTags: () => 'Use either "Tag Names or IDs" or "Remove All Tags", not both',
	conflictingTagModes: () =>
		'"Tag Names or IDs" sets the tags exactly; it cannot be combined with "Add Tags" or "Remove Tags"',
	referenceNotFound: (referenceId: string, accountIds: string[] = []) =>
		`No customer${inAccounts(accountIds)} has the reference ID ${JSON.stringify(referenceId)}`,
	referenceHeldBySeveral: (referenceId: string, customers: Array<{ id: string; name?: string }>, accountIds: string[] = []) =>
		`${customers.length} customers${inAccounts(accountIds)} have the reference ID ${JSON.stringify(referenceId)}: ${customers
			.slice(0, 10)
			.map((c) => (c.name ? `${c.id} (${c.name})` : c.id))
			.join(', ')}${customers.length > 10 ? ', …' : ''}. Give each its own reference ID, or use the customer's ID instead`,
	conflictingClear: (field: string, clear: string) => `Use either "${field}" or "${clear}", not both`,
	emptyTags: () =>
		'"Tag Names or IDs" is empty. To remove every tag, turn on "Remove All Tags" instead; to keep the tags, remove the field',
	notSentBecauseInvalid: (itemNumber: number, message: string) =>
		`No request was sent for any item, because item ${itemNumber} has invalid input: ${message}`,
	notSentAfterFailure: (itemNumber: number) =>
		`Not sent: the run stopped after item ${itemNumber} failed (turn on "Continue On Fail" to send every item)`,
	notTheEntity: (label: string, id: string, got: unknown) =>
		`The Evo Voice API answered the read of ${label} ${JSON.stringify(id)} with something that is not that record (${show(got)}): nothing was written for this item, since a merge on it would overwrite the record's other values`,
	noAccountForData: (id: string) =>
		`The customer ${JSON.stringify(id)} has no account ID, so the types of its data fields cannot be known: type the data values yourself`,
	notSentBecauseFailed: (itemNumber: number) =>
		`Nothing was written, because item ${itemNumber} failed before any write (turn on "Continue On Fail" to write the other items)`,
	referenceKept: (entity: string, id: string, label: string, key: string, kept: unknown) =>
		`Evo Voice kept ${label} (${key}) = ${typeof kept === 'string' ? kept : show(kept)} on ${entity.toLowerCase()} ${JSON.stringify(id)}: it did not remove it when sent an empty value; the other changes were applied`,
	referenceKeptDescription: (label: string) =>
		`The update was sent and answered, but the answer still holds the old ${label}: this Evo Voice ignores an empty value for it. Remove the ${label} in Evo Voice itself. The item is reported as failed so that nothing downstream takes it as removed.`,
	changesNotHeld: (entity: string, id: string, changes: string[]) =>
		`Another execution kept overwriting this change to ${entity.toLowerCase()} ${JSON.stringify(id)}: ${list(changes)}. It was written and applied again, but did not hold when read back`,
	changesNotHeldDescription: (rounds: number) =>
		`Evo Voice has no conditional write, so every change that rests on a read is read back once the other executions of the moment have written, and applied again if one of them undid it. After ${rounds} rounds it still had not held: another workflow or person is changing the same values at the same time. The item is reported as failed so that nothing downstream takes it as done; run it again once they are done.`,
	changesUnconfirmed: (entity: string, id: string, cause: string) =>
		`The update of ${entity.toLowerCase()} ${JSON.stringify(id)} was sent and answered, but reading it back to confirm it failed: ${cause}. Check the record before running the item again`,
	createAnswerLost: (name: string, accountId: string, cause: string) =>
		`The answer to creating the customer ${JSON.stringify(name)} in account ${accountId} was lost (${cause}): it may have been created. Look for it in Evo Voice before running this item again, or give customers a reference ID and use Create or Update, which finds them`,
	createAnswerLostNotFound: (name: string, accountId: string, referenceId: string, cause: string, waitedMs: number) =>
		`The answer to creating the customer ${JSON.stringify(name)} in account ${accountId} was lost (${cause}), and ${(waitedMs / 1000).toFixed(1)} s later no customer there had the reference ID ${JSON.stringify(referenceId)}: it was not created. Running the item again creates it`,
	createAnswerLostSeveral: (name: string, accountId: string, referenceId: string, cause: string, customers: Array<{ id: string; name?: string }>) =>
		`The answer to creating the customer ${JSON.stringify(name)} in account ${accountId} was lost (${cause}), and ${customers.length} customers named so have the reference ID ${JSON.stringify(referenceId)}: ${customers.map((c) => c.id).join(', ')}. Check which is new in Evo Voice`,
	twinCheckFailed: (id: string, referenceId: string, cause: string) =>
		`Customer ${JSON.stringify(id)} was created with the reference ID ${JSON.stringify(referenceId)}, but checking that no other execution created one at the same moment failed: ${cause}. Check that only one customer has it before running the item again`,
	createdThenGone: (id: string, referenceId: string) =>
		`Customer ${JSON.stringify(id)} was created with the reference ID ${JSON.stringify(referenceId)}, but no customer has that reference ID any more: someone deleted it or changed its reference ID`,
	twinNotMerged: (id: string, keeper: string, referenceId: string, cause: string) =>
		`Customer ${JSON.stringify(id)} was created with the reference ID ${JSON.stringify(referenceId)} at the same moment as customer ${JSON.stringify(keeper)} (another execution's), which keeps it; removing the twin ${JSON.stringify(id)} and updating ${JSON.stringify(keeper)} failed: ${cause}. Delete one of them in Evo Voice`,
	malformedResponse: () => 'The Evo Voice API answered with a body that is not valid JSON',
	// Words, not the error code: n8n swaps a message containing a known code for a generic text.
	network: (code: string) =>
		`Could not reach the Evo Voice API: ${networkCauses[code] ?? 'the network request failed'}`,
	timeout: (ms: number) => `The Evo Voice API did not answer within ${ms} ms`,
} as const;

function list(names: string[]): string {
	return names.length > 5 ? `${names.slice(0, 5).join(', ')} and ${names.length - 5} more` : names.join(', ');
}

function inAccounts(accountIds: string[]): string {
	return accountIds.length ? ` in account${accountIds.length > 1 ? 's' : ''} ${accountIds.join(', ')}` : '';
}

const networkCauses: Record<string, string> = {
	ECONNRESET: 'the connection was reset',
	EPIPE: 'the connection was closed while sending',
	ECONNREFUSED: 'the connection was refused',
	ENOTFOUND: 'the host name was not found',
	EAI_AGAIN: 'the host name could not be looked up',
	EHOSTUNREACH: 'the host is unreachable',
	ECONNABORTED: 'the request was aborted',
};

/** What each HTTP status means for a user of this node, when the API's own message is not enough. */
export const httpHints: Record<number, string> = {
	400: 'The Evo Voice API refused the request as invalid',
	401: 'Not authenticated: check the API token (or email and password) of the Evo Voice credential',
	403: 'Not allowed (Invalid Role): this login may not change this record. Updating an account needs the SystemAdministrator role; customers need access to their account',
	404: 'Not found: no record with this ID is visible to this login',
	405: 'The Evo Voice API does not allow this method on this address',
	409: 'Conflict: the record was changed at the same time by someone else',
	429: 'Rate limited by the Evo Voice API, and still limited after the allowed retries',
	500: 'The Evo Voice API failed with an internal error',
	502: 'Bad gateway: the Evo Voice API could not be reached through its proxy',
	503: 'The Evo Voice API is unavailable, and still was after the allowed retries',
	504: 'Gateway timeout: the Evo Voice API did not answer in time',
};

/**
 * What the credential test says, so the user knows what to fix: the API's answer (401, 403, 404),
 * or why nothing answered at the Base URL. `at` is the Base URL as shown (no user, password or
 * query). Words rather than bare error codes; none of them ever holds a token or a password.
 */
export const CREDENTIAL_TEST_MESSAGES = {
	refused:
		'Evo Voice refused this login (HTTP 401): check the API Token (copy it again, whole, without spaces) or the email and password',
	forbidden: 'Evo Voice accepted the login but this user may not use the API (HTTP 403): use a system administrator or manager login',
	notEvoVoice:
		'The Base URL answers, but not as the Evo Voice API (HTTP 404 for /auth): check the Base URL, e.g. https://evovoice.io',
	otherStatus: (at: string, status: number, statusText: string) =>
		`${at} answered HTTP ${status}${statusText ? ` ${statusText}` : ''} for GET /auth, not as the Evo Voice API does: check the Base URL, e.g. https://evovoice.io, or try again later if Evo Voice is down`,
	invalidBaseUrl: (baseUrl: string) =>
		`The Base URL ${JSON.stringify(baseUrl.length > 80 ? `${baseUrl.slice(0, 77)}…` : baseUrl)} is not an address: check the Base URL, e.g. https://evovoice.io (with https:// and no path)`,
	connectionRefused: (at: string) =>
		`Nothing answers at ${at} (connection refused): check the Base URL (host name and port), e.g. https://evovoice.io`,
	unknownHost: (host: string) =>
		`The host name ${host} is not known (DNS lookup failed): check the Base URL for a typo, e.g. https://evovoice.io`,
	dnsUnavailable: (host: string) =>
		`The host name ${host} could not be looked up (DNS did not answer): check the Base URL, and that n8n's server can resolve host names`,
	unreachable: (at: string) =>
		`No route to ${at} (host or network unreachable): check the Base URL, and that n8n's server can reach that host (firewall, VPN, proxy)`,
	timeout: (at: string, ms: number) =>
		`No answer from ${at} within ${ms >= 1000 ? `${Math.round(ms / 1000)} seconds` : `${ms} ms`}: check the Base URL, and that n8n's server can reach that host (firewall, proxy)`,
	connectionReset: (at: string) =>
		`${at} closed the connection without answering: check the Base URL, in particular https:// or http:// and the port`,
	tls: (at: string, reason: string) =>
		`The secure (TLS) connection to ${at} failed: ${reason}. Check the Base URL: https://evovoice.io for production, https://team.evovoice.io for staging, http:// only for a host without TLS`,
	unreachableOther: (at: string, cause: string) => `Could not reach ${at} (${cause}): check the Base URL, e.g. https://evovoice.io`,
} as const;

const NOT_TLS = 'the host does not speak TLS there (is it http:// rather than https://?)';

/** Why a TLS handshake failed, in words, by Node's error code. */
export const tlsReasons: Record<string, string> = {
	DEPTH_ZERO_SELF_SIGNED_CERT: 'the host\'s certificate is self-signed',
	SELF_SIGNED_CERT_IN_CHAIN: 'the host\'s certificate chain holds a self-signed certificate',
	UNABLE_TO_VERIFY_LEAF_SIGNATURE: 'the host\'s certificate could not be verified',
	UNABLE_TO_GET_ISSUER_CERT_LOCALLY: 'the issuer of the host\'s certificate is not trusted here',
	CERT_HAS_EXPIRED: 'the host\'s certificate has expired',
	CERT_NOT_YET_VALID: 'the host\'s certificate is not valid yet',
	ERR_TLS_CERT_ALTNAME_INVALID: 'the host\'s certificate is for another host name',
	EPROTO: NOT_TLS,
	ERR_SSL_WRONG_VERSION_NUMBER: NOT_TLS,
};

/** What the Evo Voice Trigger says: an empty Fetch Test Event, a window too large to read, bad state. */
export const triggerMessages = {
	noSample: (noun: string, days: number) =>
		`No ${noun} in the last ${days} days that matches this trigger's filters: make one happen in Evo Voice (or widen the filters), then click "Fetch Test Event" again`,
	noSampleDescription: () =>
		'Fetch Test Event shows the most recent matching event, and moves no cursor: once the workflow is active it starts with the events that happen from then on.',
	tooManyPages: (path: string, records: number) =>
		`GET ${path} still had more pages after ${records} records in one poll; the poll stopped without delivering anything`,
	tooManyPagesDescription: () =>
		'Narrow the trigger with its account, customer or endpoint filters. If your Evo Voice host ignores sortField (npm run probe tells), every poll reads the whole day window; fewer events a day per trigger keep it readable.',
	pollFailed: (path: string) => `the poll of GET ${path}`,
} as const;
