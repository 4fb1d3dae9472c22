// /auth and /auth/status. /auth/status needs no login and answers isAuthenticated:false (not 401)
// for missing or bad credentials, so only its body tells a credential test anything.
// Neither ever echoes a token or a password.
import { reachableAccountIds } from '../auth';
import { unauthorized, type Result } from '../http';
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

export const authRoutes: RouteDef[] = [
	{ method: 'GET', pattern: '/auth/status', handler: status },
	{ method: 'GET', pattern: '/auth', handler: session },
];
