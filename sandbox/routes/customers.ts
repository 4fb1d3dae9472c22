// /customers routes. Existence is checked before reach (404 before 403), as the brief asks;
// a Customer-role login is confined to its own customer and that customer's descendants.
import { assertCustomerReach, canReachAccount, confinedTo, isInSubtree, reachableAccountIds, requireUser } from '../auth';
import { ApiError, badRequest, forbidden, notFound, queryBool, queryList, queryString, type Result } from '../http';
import { pageOf } from '../paging';
import { recordValues } from '../record';
import type { RequestContext, RouteDef } from '../router';
import { evaluate, localTime } from '../schedule';
import { createCustomer, patchCustomer } from '../semantics';
import type { CustomerInfo, Schedule, SandboxState } from '../types';
import { validateBody } from '../validate';
import { customerView } from '../views';
import { objectBody } from './body';

function load(rc: RequestContext): CustomerInfo {
	const user = requireUser(rc.user);
	const customer = rc.state.customers[rc.params.id];
	if (!customer) throw notFound('Customer', rc.params.id);
	assertCustomerReach(rc.state, user, customer);
	return customer;
}

function isDescendantOfAny(state: SandboxState, c: CustomerInfo, parents: Set<string>): boolean {
	const seen = new Set<string>();
	for (let id = c.parentCustomerId; id && !seen.has(id); id = state.customers[id]?.parentCustomerId) {
		if (parents.has(id)) return true;
		seen.add(id);
	}
	return false;
}

function list(rc: RequestContext): Result {
	const user = requireUser(rc.user);
	const { state, query } = rc;
	const asked = queryList(query, 'accountIds');
	if (asked?.some((id) => !canReachAccount(user, id))) throw forbidden();
	const accounts = new Set(asked ?? reachableAccountIds(state, user));
	const root = confinedTo(user);
	const name = queryString(query, 'nameFilter')?.toLowerCase();
	const parentIds = queryList(query, 'parentCustomerIds');
	const parents = parentIds && new Set(parentIds);
	const shallow = queryBool(query, 'shallowParent') ?? false;
	const tagIds = queryList(query, 'tagIds');
	// Unknown query parameters (e.g. a guessed `referenceId`) are ignored, as ServiceStack ignores them.
	const matches = recordValues(state.customers).filter(
		(c) =>
			accounts.has(c.accountId) &&
			(root === undefined || isInSubtree(state, c.id, root)) &&
			(!name || c.name.toLowerCase().includes(name)) &&
			(!parents || (shallow ? parents.has(c.parentCustomerId ?? '') : isDescendantOfAny(state, c, parents))) &&
			(!tagIds?.length || tagIds.every((t) => c.tags?.some((ct) => ct.id === t))),
	);
	const { maxCountPerPage, sort, dateFormat } = rc.semantics;
	const page = pageOf(matches, query, { specificIds: rc.semantics.specificIds, maxCountPerPage, sort: sort.customers });
	return { status: 200, body: { ...page, items: page.items.map((c) => customerView(state, c, dateFormat)) } };
}

function get(rc: RequestContext): Result {
	return { status: 200, body: customerView(rc.state, load(rc), rc.semantics.dateFormat) };
}

function create(rc: RequestContext): Result {
	const user = requireUser(rc.user);
	const body = objectBody(rc);
	const accountId = body.accountId;
	if (typeof accountId === 'string' && rc.state.accounts[accountId] && !canReachAccount(user, accountId)) throw forbidden();
	const root = confinedTo(user);
	if (root !== undefined && !isInSubtree(rc.state, body.parentCustomerId as string | undefined, root)) throw forbidden();
	const created = createCustomer(rc.state, rc.newCustomerId(), body, user, rc.now, rc.semantics);
	rc.state.customers[created.id] = created;
	return { status: 200, body: customerView(rc.state, created, rc.semantics.dateFormat), changed: true };
}

function patch(rc: RequestContext): Result {
	const current = load(rc);
	const user = rc.user!;
	const body = objectBody(rc);
	const root = confinedTo(user);
	const parent = body.parentCustomerId;
	if (root !== undefined && parent !== undefined && parent !== null && parent !== current.parentCustomerId) {
		// A confined login can rearrange its subtree but not move its own root, nor move anything out.
		if (current.id === root || typeof parent !== 'string' || !isInSubtree(rc.state, parent, root)) throw forbidden();
	}
	const next = patchCustomer(rc.state, current, body, user, rc.now, rc.semantics);
	rc.state.customers[next.id] = next;
	return { status: 200, body: customerView(rc.state, next, rc.semantics.dateFormat), changed: true };
}

function remove(rc: RequestContext): Result {
	const customer = load(rc);
	if (confinedTo(rc.user!) === customer.id) throw forbidden();
	const child = recordValues(rc.state.customers).find((c) => c.parentCustomerId === customer.id);
	if (child) throw new ApiError(409, 'Conflict', `Customer \`${customer.id}\` has child customers (e.g. \`${child.id}\`); delete or move them first`);
	delete rc.state.customers[customer.id];
	return { status: 204, changed: true };
}

/** Follows `inherit: true` up the parent chain to the schedule that actually applies. */
function effectiveSchedule(state: SandboxState, customer: CustomerInfo, given: Schedule | undefined): Schedule | undefined {
	let schedule = given ?? customer.schedule;
	let at: CustomerInfo | undefined = customer;
	for (let hops = 0; schedule?.inherit && at?.parentCustomerId && hops < 256; hops++) {
		at = state.customers[at.parentCustomerId];
		if (at) schedule = at.schedule;
	}
	return schedule;
}

function testSchedule(rc: RequestContext): Result {
	const customer = load(rc);
	const body = objectBody(rc);
	const errors = validateBody('TestCustomerSchedule', body);
	if (errors.length) throw badRequest(errors, 'TestCustomerSchedule');
	const schedule = effectiveSchedule(rc.state, customer, (body.schedule ?? undefined) as Schedule | undefined) ?? {};
	const timeZoneId = schedule.timeZoneId || 'UTC';
	const stateName = evaluate(schedule, localTime((body.dateTime ?? undefined) as string | undefined, timeZoneId));
	return { status: 200, body: { stateName, timeZoneId } };
}

export const customerRoutes: RouteDef[] = [
	{ method: 'GET', pattern: '/customers', handler: list },
	{ method: 'POST', pattern: '/customers', handler: create },
	{ method: 'GET', pattern: '/customers/:id', handler: get },
	{ method: 'PATCH', pattern: '/customers/:id', handler: patch },
	{ method: 'DELETE', pattern: '/customers/:id', handler: remove },
	{ method: 'POST', pattern: '/customers/:id/test-schedule', handler: testSchedule },
];
