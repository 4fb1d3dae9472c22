// PATCH (and create) semantics, all in this one module so the "most likely" behaviour is easy to
// change when the real service is observed to differ. The policy, as API-NOTES.md guesses it:
//
//  1. A top-level field present in the body replaces the stored one; an absent field is untouched.
//  2. null means "not sent" (nullable DTO fields; ServiceStack omits nulls), so null never clears.
//  3. Nested objects (schedule, billingSettings, appSettings, data) are replaced WHOLE: a partial
//     billingSettings drops the items not sent. This is the data-loss trap the node must avoid.
//  4. Unknown fields inside nested objects are kept (staging has fields production lacks); unknown
//     top-level fields are ignored, as ServiceStack's binder ignores them.
//  5. tagIds replaces the tag list; `tagIds: []` clears it. Unknown tag IDs answer 400.
//  6. parentCustomerId must name a customer of the same account and must not create a cycle;
//     '' makes the customer top-level (as the blank-string mode says, below).
//  7. Every successful write stamps dateLastModified (ISO string) and lastModifiedBy (userName).
//
// Rules 3 and 5, and what a blank string does to a reference (referenceId, parentCustomerId, logoId),
// are switchable (modes.ts): the defaults are
// these guesses, and `--semantics observed.json` makes the sandbox behave as a probed service did.
import { badRequest, fieldError, notFound } from './http';
import { defaultSemantics, NESTED_OBJECTS, type NestedMode, type NestedObject, type SandboxSemantics } from './modes';
import { validateBody } from './validate';
import type { AccountInfo, CustomerInfo, SandboxState, SandboxUser, Tag } from './types';

/** Fields copied from a PatchCustomer body when present (tagIds and parentCustomerId have rules of their own). */
const CUSTOMER_FIELDS = ['name', 'overrideBillingSettings', 'overrideAppSettings'] as const;
const ACCOUNT_FIELDS = ['name', 'maxPhoneNumbers'] as const;

/** Where logo files would be served from; AccountInfo.logoUri is derived from logoId. */
export const LOGO_BASE_URI = 'https://files.sandbox.evovoice.test/';

/** Deep copy without nulls, so stored state never aliases a request body. */
export function cleanCopy<T>(value: T): T {
	if (Array.isArray(value)) return value.filter((v) => v !== null).map(cleanCopy) as T;
	if (value === null || typeof value !== 'object') return value;
	const out: Record<string, unknown> = {};
	for (const [k, v] of Object.entries(value)) if (v !== null && v !== undefined) out[k] = cleanCopy(v);
	return out as T;
}

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/** A sent nested object applied to the stored one as `mode` says (see modes.ts). */
export function applyNested(stored: unknown, sent: unknown, mode: NestedMode): unknown {
	if (mode === 'replace' || !isObject(stored) || !isObject(sent)) return cleanCopy(sent);
	const out: Record<string, unknown> = cleanCopy(stored);
	for (const [key, value] of Object.entries(sent)) {
		if (value === null || value === undefined) continue;
		out[key] = mode === 'deepMerge' && isObject(value) && isObject(out[key]) ? applyNested(out[key], value, mode) : cleanCopy(value);
	}
	return out;
}

const present = (body: Record<string, unknown>, key: string): boolean => body[key] !== null && body[key] !== undefined;

function stamp<T extends { dateLastModified?: string; lastModifiedBy?: string }>(entity: T, user: SandboxUser, now: Date): void {
	entity.dateLastModified = now.toISOString();
	entity.lastModifiedBy = user.userName;
}

function resolveTags(state: SandboxState, accountId: string, tagIds: string[]): Tag[] {
	const known = state.systemSettings[accountId]?.tags ?? [];
	const errors = tagIds.flatMap((id, i) =>
		known.some((t) => t.id === id) ? [] : [{ errorCode: 'InvalidTagId', fieldName: `tagIds[${i}]`, message: `Tag \`${id}\` does not exist in account ${accountId}` }],
	);
	if (errors.length) throw badRequest(errors);
	return [...new Set(tagIds)].map((id) => ({ ...known.find((t) => t.id === id)! }));
}

/**
 * What a blank string does to a reference field, as the blank-string mode says: 'store' keeps ''
 * (which means none), 'clear' removes the field, 'ignore' keeps the old value, 'reject' answers
 * 400 naming the field. Returns false when the value was blank (and so handled here).
 */
function applyBlank(target: object, key: string, value: string, label: string, semantics: SandboxSemantics): boolean {
	if (value !== '') return true;
	const bag = target as Record<string, unknown>;
	if (semantics.blankString === 'store') bag[key] = '';
	else if (semantics.blankString === 'clear') delete bag[key];
	else if (semantics.blankString === 'reject') throw fieldError('NotEmpty', key, `'${label}' must not be empty.`);
	return false;
}

function setParent(state: SandboxState, customer: CustomerInfo, parentId: string, semantics: SandboxSemantics): void {
	if (!applyBlank(customer, 'parentCustomerId', parentId, 'Parent Customer Id', semantics)) return;
	const parent = state.customers[parentId];
	const invalid = (message: string) => fieldError('InvalidParent', 'parentCustomerId', message);
	if (!parent || parent.accountId !== customer.accountId) throw invalid(`Customer \`${parentId}\` does not exist in account ${customer.accountId}`);
	// Walk up from the new parent: meeting the customer itself means the move would make a cycle.
	for (let id: string | undefined = parentId, hops = 0; id && hops < 256; hops++, id = state.customers[id]?.parentCustomerId) {
		if (id === customer.id) throw invalid('A customer cannot be its own ancestor');
	}
	customer.parentCustomerId = parentId;
}

function applyReferenceId(target: CustomerInfo, value: string, semantics: SandboxSemantics): void {
	if (applyBlank(target, 'referenceId', value, 'Reference Id', semantics)) target.referenceId = value;
}

function applyTags(state: SandboxState, target: CustomerInfo, tagIds: string[], semantics: SandboxSemantics, patching: boolean): void {
	if (tagIds.length === 0 && patching && semantics.emptyTagIds !== 'clear') {
		if (semantics.emptyTagIds === 'reject') throw fieldError('NotEmpty', 'tagIds', "'Tag Ids' must not be empty.");
		return; // 'ignore': the tags stay as they are
	}
	target.tags = resolveTags(state, target.accountId, tagIds);
}

function applyCustomerFields(
	state: SandboxState, target: CustomerInfo, body: Record<string, unknown>, semantics: SandboxSemantics, patching: boolean,
): void {
	if (present(body, 'name') && (body.name as string).trim() === '') throw fieldError('NotEmpty', 'name', "'Name' must not be empty.");
	const bag = target as unknown as Record<string, unknown>;
	for (const key of CUSTOMER_FIELDS) if (present(body, key)) bag[key] = cleanCopy(body[key]);
	for (const key of NESTED_OBJECTS) {
		if (present(body, key)) bag[key] = applyNested(bag[key], body[key], semantics.nested[key as NestedObject]);
	}
	if (present(body, 'referenceId')) applyReferenceId(target, body.referenceId as string, semantics);
	if (present(body, 'tagIds')) applyTags(state, target, cleanCopy(body.tagIds as string[]), semantics, patching);
	if (present(body, 'parentCustomerId')) setParent(state, target, body.parentCustomerId as string, semantics);
}

/** PATCH /customers/{id}: returns the new stored record (the caller swaps it in). */
export function patchCustomer(
	state: SandboxState, current: CustomerInfo, body: Record<string, unknown>, user: SandboxUser, now: Date,
	semantics: SandboxSemantics = defaultSemantics(),
): CustomerInfo {
	const errors = validateBody('PatchCustomer', body);
	if (errors.length) throw badRequest(errors, 'PatchCustomer');
	const next: CustomerInfo = { ...current };
	applyCustomerFields(state, next, body, semantics, true);
	stamp(next, user, now);
	return next;
}

/** POST /customers: same field rules as PATCH on an empty customer, plus accountId and name required. */
export function createCustomer(
	state: SandboxState, id: string, body: Record<string, unknown>, user: SandboxUser, now: Date,
	semantics: SandboxSemantics = defaultSemantics(),
): CustomerInfo {
	const errors = validateBody('CreateCustomer', body);
	if (errors.length) throw badRequest(errors, 'CreateCustomer');
	const accountId = body.accountId as string | undefined;
	if (!accountId) throw fieldError('NotEmpty', 'accountId', "'Account Id' must not be empty.");
	if (!state.accounts[accountId]) throw notFound('Account', accountId);
	if (!present(body, 'name')) throw fieldError('NotEmpty', 'name', "'Name' must not be empty.");
	const created: CustomerInfo = {
		id, accountId, name: '', isStaging: false, tags: [], data: {},
		overrideBillingSettings: false, overrideAppSettings: false,
		dateCreated: now.toISOString(), createdBy: user.userName,
	};
	applyCustomerFields(state, created, body, semantics, false);
	stamp(created, user, now);
	return created;
}

/** PATCH /accounts/{id}. maxPhoneNumbers must be >= 0; logoId '' does what the blank-string mode says. */
export function patchAccount(
	current: AccountInfo, body: Record<string, unknown>, user: SandboxUser, now: Date,
	semantics: SandboxSemantics = defaultSemantics(),
): AccountInfo {
	const errors = validateBody('PatchAccount', body);
	if (errors.length) throw badRequest(errors, 'PatchAccount');
	if (present(body, 'name') && (body.name as string).trim() === '') throw fieldError('NotEmpty', 'name', "'Name' must not be empty.");
	if (present(body, 'maxPhoneNumbers') && (body.maxPhoneNumbers as number) < 0) {
		throw fieldError('GreaterThanOrEqual', 'maxPhoneNumbers', "'Max Phone Numbers' must be greater than or equal to '0'.");
	}
	const next: AccountInfo = { ...current };
	const bag = next as unknown as Record<string, unknown>;
	for (const key of ACCOUNT_FIELDS) if (present(body, key)) bag[key] = cleanCopy(body[key]);
	if (present(body, 'billingSettings')) bag.billingSettings = applyNested(bag.billingSettings, body.billingSettings, semantics.nested.billingSettings);
	if (present(body, 'logoId')) {
		if (applyBlank(next, 'logoId', body.logoId as string, 'Logo Id', semantics)) next.logoId = body.logoId as string;
		// The logo's address follows its ID: none for no ID or a stored ''.
		if (next.logoId) next.logoUri = LOGO_BASE_URI + encodeURIComponent(next.logoId);
		else delete next.logoUri;
	}
	stamp(next, user, now);
	return next;
}
