// /accounts routes: any login lists and reads the accounts it reaches; only a
// SystemAdministrator may PATCH (the role check comes first, so a Manager gets 403 even for an
// account that does not exist).
import { canReachAccount, requireUser } from '../auth';
import { withDates } from '../dates';
import { forbidden, notFound, queryString, type Result } from '../http';
import { pageOf } from '../paging';
import { recordValues } from '../record';
import type { RequestContext, RouteDef } from '../router';
import { patchAccount } from '../semantics';
import type { AccountInfo } from '../types';
import { objectBody } from './body';

function load(rc: RequestContext): AccountInfo {
	const account = rc.state.accounts[rc.params.id];
	if (!account) throw notFound('Account', rc.params.id);
	if (!canReachAccount(rc.user!, account.id)) throw forbidden();
	return account;
}

function list(rc: RequestContext): Result {
	const user = requireUser(rc.user);
	const name = queryString(rc.query, 'nameFilter')?.toLowerCase();
	const matches = recordValues(rc.state.accounts).filter(
		(a) => canReachAccount(user, a.id) && (!name || a.name.toLowerCase().includes(name)),
	);
	const page = pageOf(matches, rc.query, { specificIds: rc.semantics.specificIds, maxCountPerPage: rc.semantics.maxCountPerPage });
	return { status: 200, body: { ...page, items: page.items.map((a) => withDates(a, rc.semantics.dateFormat)) } };
}

function get(rc: RequestContext): Result {
	requireUser(rc.user);
	return { status: 200, body: withDates(load(rc), rc.semantics.dateFormat) };
}

function patch(rc: RequestContext): Result {
	const user = requireUser(rc.user, ['SystemAdministrator']);
	const current = load(rc);
	const next = patchAccount(current, objectBody(rc), user, rc.now, rc.semantics);
	rc.state.accounts[next.id] = next;
	return { status: 200, body: withDates(next, rc.semantics.dateFormat), changed: true };
}

export const accountRoutes: RouteDef[] = [
	{ method: 'GET', pattern: '/accounts', handler: list },
	{ method: 'GET', pattern: '/accounts/:id', handler: get },
	{ method: 'PATCH', pattern: '/accounts/:id', handler: patch },
];
