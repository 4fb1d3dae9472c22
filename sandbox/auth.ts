// Who is calling, and what they may reach. Three layers, as on the real service:
// authentication (401), role (403 "Invalid Role"), and reach: a Manager reaches only its accounts,
// a Customer-role login only its own customer subtree (403 otherwise).
import { forbidden, type Query, unauthorized } from './http';
import type { AuthMode } from './modes';
import type { CustomerInfo, Role, SandboxState, SandboxUser } from './types';

export const ALL_ROLES: Role[] = ['SystemAdministrator', 'Manager', 'Customer'];

/** Resolves `Authorization: Bearer <token>` or `Basic base64(email:password)`; undefined if neither matches. */
export function authenticate(state: SandboxState, header: string | undefined): SandboxUser | undefined {
	if (!header) return undefined;
	const space = header.indexOf(' ');
	if (space < 0) return undefined;
	const scheme = header.slice(0, space).toLowerCase();
	const credential = header.slice(space + 1).trim();
	if (!credential) return undefined;
	if (scheme === 'bearer') return state.users.find((u) => u.token !== undefined && u.token === credential);
	if (scheme !== 'basic') return undefined;
	const decoded = Buffer.from(credential, 'base64').toString('utf8');
	const colon = decoded.indexOf(':');
	if (colon < 0) return undefined;
	const email = decoded.slice(0, colon).toLowerCase();
	const password = decoded.slice(colon + 1);
	return state.users.find((u) => u.password !== undefined && u.email?.toLowerCase() === email && u.password === password);
}

/** What a request may carry a login in, beyond the Authorization header. */
export interface RequestCredentials {
	authorization?: string;
	cookie?: string;
	/** The `X-ss-id` header. */
	sessionId?: string;
	query: Query;
}

/** Cookie and query names that carry secrets; the log keeps their names, never their values. */
export const SECRET_COOKIES = ['ss-tok', 'ss-id', 'ss-pid'];
export const SECRET_QUERY = ['apikey', 'ss-tok'];

export function cookieValue(header: string | undefined, name: string): string | undefined {
	for (const part of header?.split(';') ?? []) {
		const eq = part.indexOf('=');
		if (eq > 0 && part.slice(0, eq).trim() === name) return decodeURIComponent(part.slice(eq + 1).trim());
	}
	return undefined;
}

const queryValue = (query: Query, name: string): string | undefined => {
	const v = query[name];
	return (Array.isArray(v) ? v[0] : v) || undefined;
};

/**
 * Resolves the caller through each way of sending a login that `modes` switches on, as a
 * ServiceStack host with the matching auth providers would. `sessions` maps session IDs from
 * POST /auth/credentials to user IDs.
 */
export function authenticateRequest(
	state: SandboxState, creds: RequestCredentials, modes: Record<AuthMode, boolean>, sessions: Map<string, string>,
): SandboxUser | undefined {
	const byToken = (token: string | undefined) => (token ? state.users.find((u) => u.token !== undefined && u.token === token) : undefined);
	const auth = creds.authorization ?? '';
	const space = auth.indexOf(' ');
	const scheme = space < 0 ? '' : auth.slice(0, space).toLowerCase();
	if (scheme === 'bearer' && modes.bearer) return authenticate(state, auth);
	if (scheme === 'basic') {
		const decoded = Buffer.from(auth.slice(space + 1).trim(), 'base64').toString('utf8');
		// An API key travels as the Basic user name with an empty password.
		if (decoded.endsWith(':') && modes.basicToken) {
			const user = byToken(decoded.slice(0, -1));
			if (user) return user;
		}
		if (modes.basic) return authenticate(state, auth);
	}
	if (modes.apiKeyQuery) {
		const user = byToken(queryValue(creds.query, 'apikey'));
		if (user) return user;
	}
	if (modes.tokenQuery) {
		const user = byToken(queryValue(creds.query, 'ss-tok'));
		if (user) return user;
	}
	if (modes.tokenCookie) {
		const user = byToken(cookieValue(creds.cookie, 'ss-tok'));
		if (user) return user;
	}
	const sessionId = creds.sessionId ?? cookieValue(creds.cookie, 'ss-id');
	if (modes.tokenSessionHeader) {
		const user = byToken(sessionId);
		if (user) return user;
	}
	if (modes.session && sessionId && sessions.has(sessionId)) return state.users.find((u) => u.id === sessions.get(sessionId));
	return undefined;
}

/** The Authorization header as the log keeps it: its scheme only. */
export function redactAuthorization(header: string): string {
	const space = header.indexOf(' ');
	return space < 0 ? '[redacted]' : header.slice(0, space);
}

export function requireUser(user: SandboxUser | undefined, roles: Role[] = ALL_ROLES): SandboxUser {
	if (!user) throw unauthorized();
	if (!user.roles.some((r) => roles.includes(r))) throw forbidden();
	return user;
}

export function isAdmin(user: SandboxUser): boolean {
	return user.roles.includes('SystemAdministrator');
}

export function canReachAccount(user: SandboxUser, accountId: string): boolean {
	return isAdmin(user) || user.accountIds.includes(accountId);
}

export function reachableAccountIds(state: SandboxState, user: SandboxUser): string[] {
	return Object.keys(state.accounts).filter((id) => canReachAccount(user, id));
}

/** The customer a Customer-role login is confined to (with its descendants); undefined for wider roles. */
export function confinedTo(user: SandboxUser): string | undefined {
	if (isAdmin(user) || user.roles.includes('Manager')) return undefined;
	return user.customerId ?? '';
}

/** True if `customerId` is `rootId` or one of its descendants. Guarded against parent cycles. */
export function isInSubtree(state: SandboxState, customerId: string | undefined, rootId: string): boolean {
	for (let id = customerId, hops = 0; id && hops < 256; hops++) {
		if (id === rootId) return true;
		id = state.customers[id]?.parentCustomerId;
	}
	return false;
}

export function canReachCustomer(state: SandboxState, user: SandboxUser, customer: CustomerInfo): boolean {
	if (!canReachAccount(user, customer.accountId)) return false;
	const root = confinedTo(user);
	return root === undefined || isInSubtree(state, customer.id, root);
}

export function assertCustomerReach(state: SandboxState, user: SandboxUser, customer: CustomerInfo): void {
	if (!canReachCustomer(state, user, customer)) throw forbidden();
}
