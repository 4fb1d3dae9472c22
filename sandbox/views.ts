// Stored records -> response DTOs. Derived fields are computed on every read so they can never go
// stale: breadcrumb and accountName follow renames, tag names/colours follow system settings.
import type { CustomerBreadcrumb, CustomerInfo, SandboxState, Tag } from './types';

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

/** The stored record plus its derived fields. */
export function customerView(state: SandboxState, c: CustomerInfo): CustomerInfo {
	return {
		...c,
		breadcrumb: breadcrumb(state, c),
		accountName: state.accounts[c.accountId]?.name,
		tags: freshTags(state, c.accountId, c.tags),
	};
}

