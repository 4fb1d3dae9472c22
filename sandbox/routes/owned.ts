// Who may see which session or notification: the same reach as customers (a Manager its
// accounts, a Customer-role login its own customer subtree), and the accountIds/customerIds
// filters checked against it: naming an account or customer beyond reach answers 403.
import { canReachAccount, canReachCustomer, confinedTo, isInSubtree, reachableAccountIds, requireUser } from '../auth';
import { forbidden, queryList } from '../http';
import type { RequestContext } from '../router';

export type Owned = { accountId: string; customerId?: string };

/** A predicate for records the caller may see that pass the accountIds and customerIds filters. */
export function ownerFilter(rc: RequestContext): (r: Owned) => boolean {
	const user = requireUser(rc.user);
	const { state, query } = rc;
	const askedAccounts = queryList(query, 'accountIds');
	if (askedAccounts?.some((id) => !canReachAccount(user, id))) throw forbidden();
	const accounts = new Set(askedAccounts ?? reachableAccountIds(state, user));
	const askedCustomers = queryList(query, 'customerIds');
	for (const id of askedCustomers ?? []) {
		const c = state.customers[id];
		if (c && !canReachCustomer(state, user, c)) throw forbidden(); // unknown IDs simply match nothing
	}
	const customers = askedCustomers?.length ? new Set(askedCustomers) : undefined;
	const root = confinedTo(user);
	return (r) =>
		accounts.has(r.accountId) &&
		(!customers || customers.has(r.customerId ?? '')) &&
		(root === undefined || (r.customerId !== undefined && isInSubtree(state, r.customerId, root)));
}

/** For GET of one record: 403 when the caller may not see it (existence is checked first, as for customers). */
export function assertOwnedReach(rc: RequestContext, r: Owned): void {
	const user = requireUser(rc.user);
	const root = confinedTo(user);
	if (!canReachAccount(user, r.accountId)) throw forbidden();
	if (root !== undefined && !(r.customerId !== undefined && isInSubtree(rc.state, r.customerId, root))) throw forbidden();
}

/** Case-insensitive contains, as the service's from/to/subject filters say. */
export function contains(value: string | undefined, needle: string | undefined): boolean {
	return needle === undefined || (value ?? '').toLowerCase().includes(needle.toLowerCase());
}
