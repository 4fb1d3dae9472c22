// Stored records -> response DTOs. Derived fields are computed on every read so they can never go
// stale: breadcrumb and accountName follow renames, tag names/colours follow system settings.
import { withDates } from './dates';
import type { DateFormat } from './modes';
import type { CustomerBreadcrumb, CustomerInfo, NotificationInfo, SandboxState, SessionInfo, Tag } from './types';

/** Root first, the customer itself last (the path a portal shows). */
export function breadcrumb(state: SandboxState, customer: CustomerInfo): CustomerBreadcrumb[] {
	const path: CustomerBreadcrumb[] = [{ id: customer.id, name: customer.name }];
	const seen = new Set([customer.id]);
	for (let id = customer.parentCustomerId; id && !seen.has(id); id = state.customers[id]?.parentCustomerId) {
		seen.add(id);
		const parent = state.customers[id];
		if (!parent) break;
		path.unshift({ id: parent.id, name: parent.name });
	}
	return path;
}

function freshTags(state: SandboxState, accountId: string, tags: Tag[] | undefined): Tag[] {
	const known = state.systemSettings[accountId]?.tags;
	return (tags ?? []).map((t) => ({ ...t, ...known?.find((k) => k.id === t.id) }));
}

/** The stored record plus its derived fields, dates as the service writes them. */
export function customerView(state: SandboxState, c: CustomerInfo, format: DateFormat = 'iso'): CustomerInfo {
	return withDates({
		...c,
		breadcrumb: breadcrumb(state, c),
		accountName: state.accounts[c.accountId]?.name,
		tags: freshTags(state, c.accountId, c.tags),
	}, format);
}

/** Account and customer names of a session or notification, as the service joins them in. */
function owner(state: SandboxState, r: { accountId: string; customerId?: string }) {
	const customer = r.customerId ? state.customers[r.customerId] : undefined;
	return {
		accountName: state.accounts[r.accountId]?.name,
		...(customer ? { customerName: customer.name, customerBreadcrumb: breadcrumb(state, customer) } : {}),
	};
}

/** A session as lists send it; `withLog` for GET /sessions/{id}. parentSessionId is never sent (see types.ts). */
export function sessionView(state: SandboxState, s: SessionInfo, format: DateFormat, withLog = false): SessionInfo {
	const { log, parentSessionId: _parent, ...rest } = s;
	return withDates({ ...rest, ...owner(state, s), ...(withLog && log ? { log } : {}) }, format);
}

export function notificationView(state: SandboxState, n: NotificationInfo, format: DateFormat): NotificationInfo {
	return withDates({ ...n, ...owner(state, n) }, format);
}

