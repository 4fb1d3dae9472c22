// /auth and /auth/status. /auth/status needs no login and answers isAuthenticated:false (not 401)
// for missing or bad credentials, so only its body tells a credential test anything.
// Neither ever echoes a token or a password. POST /auth/credentials opens a cookie session (when
// the `session` auth mode is on), GET /auth/logout ends it, GET /auth/token hands out a user's token.
import { randomBytes } from 'node:crypto';
import { isAdmin, reachableAccountIds, requireUser } from '../auth';
import { ApiError, forbidden, queryString, unauthorized, type Result } from '../http';
import { objectBody } from './body';
import type { RequestContext, RouteDef } from '../router';

function status(rc: RequestContext): Result {
	const user = rc.user;
	if (!user) return { status: 200, body: { isAuthenticated: false, accountIds: [], accountNames: [] } };
	const accountIds = reachableAccountIds(rc.state, user);
	return {
		status: 200,
		body: {
			id: user.id,
			isAuthenticated: true,
			name: user.displayName,
			displayName: user.displayName,
			emailAddress: user.email,
			roles: user.roles,
			accountIds,
			accountNames: accountIds.map((id) => rc.state.accounts[id].name),
		},
	};
}

function session(rc: RequestContext): Result {
	const user = rc.user;
	if (!user) throw unauthorized();
	return { status: 200, body: { userId: user.id, userName: user.userName, displayName: user.displayName, roles: user.roles } };
}

function credentials(rc: RequestContext): Result {
	if (!rc.semantics.auth.session) throw new ApiError(404, 'NotFound', "No configuration was added for OAuth provider 'credentials'");
	const body = objectBody(rc);
	const email = String(body.userName ?? body.email ?? '').toLowerCase();
	const user = rc.state.users.find((u) => u.password !== undefined && u.email?.toLowerCase() === email && u.password === body.password);
	if (!user) throw new ApiError(401, 'Unauthorized', 'Invalid UserName or Password');
	const sessionId = randomBytes(15).toString('base64url');
	rc.sessions.set(sessionId, user.id);
	return {
		status: 200,
		body: { userId: user.id, sessionId, userName: user.userName, displayName: user.displayName },
		headers: { 'Set-Cookie': `ss-id=${sessionId}; path=/; samesite=lax; httponly` },
	};
}

function logout(rc: RequestContext): Result {
	// The sandbox ends every session of the caller; one login per user is all tests open at once.
	for (const [id, userId] of rc.sessions) if (userId === rc.user?.id) rc.sessions.delete(id);
	return { status: 200, body: {}, headers: { 'Set-Cookie': 'ss-id=; path=/; expires=Thu, 01 Jan 1970 00:00:00 GMT' } };
}

/** GET /auth/token?userEmailAddress=|userId=: SystemAdministrator or Manager (of a shared account). */
function token(rc: RequestContext): Result {
	const caller = requireUser(rc.user, ['SystemAdministrator', 'Manager']);
	const email = queryString(rc.query, 'userEmailAddress')?.toLowerCase();
	const id = queryString(rc.query, 'userId');
	const user = rc.state.users.find((u) => (id !== undefined && u.id === id) || (email !== undefined && u.email?.toLowerCase() === email));
	if (!user) throw new ApiError(404, 'NotFound', 'User not found');
	if (!isAdmin(caller) && !user.accountIds.some((a) => caller.accountIds.includes(a))) throw forbidden();
	user.token ??= `sandbox-token-${randomBytes(12).toString('base64url')}`;
	return { status: 200, body: { authToken: user.token } };
}

export const authRoutes: RouteDef[] = [
	{ method: 'GET', pattern: '/auth/status', handler: status },
	{ method: 'GET', pattern: '/auth', handler: session },
	{ method: 'POST', pattern: '/auth/credentials', handler: credentials },
	{ method: 'GET', pattern: '/auth/logout', handler: logout },
	{ method: 'GET', pattern: '/auth/token', handler: token },
];
