// GET /system/settings?accountId=...: the account's tags and customer data fields. There is no
// tags endpoint on the real service; this is where tag IDs for PATCH tagIds come from.
import { canReachAccount, requireUser } from '../auth';
import { fieldError, forbidden, notFound, queryString, type Result } from '../http';
import type { RequestContext, RouteDef } from '../router';

function settings(rc: RequestContext): Result {
	const user = requireUser(rc.user);
	const accountId = queryString(rc.query, 'accountId');
	if (!accountId) throw fieldError('NotEmpty', 'accountId', "'Account Id' must not be empty.");
	if (!rc.state.accounts[accountId]) throw notFound('Account', accountId);
	if (!canReachAccount(user, accountId)) throw forbidden();
	const s = rc.state.systemSettings[accountId];
	return { status: 200, body: { accountId, tags: s?.tags ?? [], customerFields: s?.customerFields ?? [] } };
}

export const systemRoutes: RouteDef[] = [{ method: 'GET', pattern: '/system/settings', handler: settings }];
