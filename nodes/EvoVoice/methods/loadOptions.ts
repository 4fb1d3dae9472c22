import type { ILoadOptionsFunctions, INodePropertyOptions } from 'n8n-workflow';

import { entityPath } from '../transport/paths';
import { evoVoiceRequest } from '../transport/request';

interface SystemSettings {
	tags?: Array<{ id: string; name: string; color?: string }>;
	customerFields?: Array<{ name: string; type?: string; description?: string }>;
}

interface AccountInPlay {
	id: string;
	/** Set when several accounts are listed together, to tell their tags and fields apart. */
	label?: string;
}

/** A locator's chosen value, or undefined while it is empty or an expression. */
function chosen(context: ILoadOptionsFunctions, name: string): string | undefined {
	let value: unknown;
	try {
		value = context.getCurrentNodeParameter(name, { extractValue: true });
	} catch {
		return undefined;
	}
	return typeof value === 'string' && value.trim() !== '' && !value.startsWith('=') ? value.trim() : undefined;
}

/**
 * The accounts whose tags and fields apply: the chosen customer's; else the chosen account (Create's
 * Account, Get Many's account filter); else every account the login reaches, each option labelled
 * with its account so that two accounts' "VIP" tags are not confused.
 */
async function accountsInPlay(context: ILoadOptionsFunctions): Promise<AccountInPlay[]> {
	const customerId = chosen(context, 'customerId');
	if (customerId) {
		try {
			const customer = await evoVoiceRequest<{ accountId?: string }>(context, 'GET', entityPath('customers', customerId));
			if (customer.accountId) return [{ id: customer.accountId }];
		} catch {
			// An ID being typed, or not visible: fall back to the account, then to every account.
		}
	}
	const accountId = chosen(context, 'accountId') ?? chosen(context, 'filters.accountId');
	if (accountId) return [{ id: accountId }];
	const status = await evoVoiceRequest<{ accountIds?: string[]; accountNames?: string[] }>(context, 'GET', '/auth/status');
	const ids = status.accountIds ?? [];
	return ids.map((id, i) => ({ id, label: ids.length > 1 ? (status.accountNames?.[i] ?? id) : undefined }));
}

async function settingsOf(context: ILoadOptionsFunctions): Promise<Array<{ account: AccountInPlay; settings: SystemSettings }>> {
	const accounts = await accountsInPlay(context);
	return await Promise.all(
		accounts.map(async (account) => ({
			account,
			settings: await evoVoiceRequest<SystemSettings>(context, 'GET', '/system/settings', { accountId: account.id }),
		})),
	);
}

function unique(options: INodePropertyOptions[]): INodePropertyOptions[] {
	const seen = new Set<string | number | boolean>();
	return options
		.filter((option) => (seen.has(option.value) ? false : (seen.add(option.value), true)))
		.sort((a, b) => a.name.localeCompare(b.name));
}

const labelled = (name: string, account: AccountInPlay) => (account.label ? `${name} (${account.label})` : name);

export async function getTags(this: ILoadOptionsFunctions): Promise<INodePropertyOptions[]> {
	const all = await settingsOf(this);
	return unique(
		all.flatMap(({ account, settings }) =>
			(settings.tags ?? []).map((tag) => ({ name: labelled(tag.name, account), value: tag.id, description: tag.color })),
		),
	);
}

export async function getCustomerFields(this: ILoadOptionsFunctions): Promise<INodePropertyOptions[]> {
	const all = await settingsOf(this);
	return unique(
		all.flatMap(({ account, settings }) =>
			(settings.customerFields ?? []).map((field) => ({
				name: labelled(field.type ? `${field.name} (${field.type})` : field.name, account),
				value: field.name,
				description: field.description,
			})),
		),
	);
}
