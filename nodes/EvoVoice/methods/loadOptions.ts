import type { ILoadOptionsFunctions, INodePropertyOptions } from 'n8n-workflow';

import { evoVoiceRequest } from '../helpers/api';

interface SystemSettings {
	tags?: Array<{ id: string; name: string; color?: string }>;
	customerFields?: Array<{ name: string; type?: string; description?: string }>;
}

/** The account whose tags and fields apply: the chosen customer's, else every reachable account's. */
async function accountIds(context: ILoadOptionsFunctions): Promise<string[]> {
	const customerId = context.getCurrentNodeParameter('customerId', { extractValue: true });
	if (typeof customerId === 'string' && customerId.trim() !== '' && !customerId.startsWith('=')) {
		try {
			const customer = await evoVoiceRequest<{ accountId?: string }>(
				context,
				'GET',
				`/customers/${encodeURIComponent(customerId.trim())}`,
			);
			if (customer.accountId) return [customer.accountId];
		} catch {
			// An ID being typed, or not visible: fall back to every account this login reaches.
		}
	}
	const status = await evoVoiceRequest<{ accountIds?: string[] }>(context, 'GET', '/auth/status');
	return status.accountIds ?? [];
}

async function settingsOf(context: ILoadOptionsFunctions): Promise<SystemSettings[]> {
	const ids = await accountIds(context);
	return await Promise.all(
		ids.map(async (accountId) => await evoVoiceRequest<SystemSettings>(context, 'GET', '/system/settings', { accountId })),
	);
}

function unique(options: INodePropertyOptions[]): INodePropertyOptions[] {
	const seen = new Set<string | number | boolean>();
	return options
		.filter((option) => (seen.has(option.value) ? false : (seen.add(option.value), true)))
		.sort((a, b) => a.name.localeCompare(b.name));
}

export async function getTags(this: ILoadOptionsFunctions): Promise<INodePropertyOptions[]> {
	const settings = await settingsOf(this);
	return unique(
		settings.flatMap((s) => (s.tags ?? []).map((tag) => ({ name: tag.name, value: tag.id, description: tag.color }))),
	);
}

export async function getCustomerFields(this: ILoadOptionsFunctions): Promise<INodePropertyOptions[]> {
	const settings = await settingsOf(this);
	return unique(
		settings.flatMap((s) =>
			(s.customerFields ?? []).map((field) => ({
				name: field.type ? `${field.name} (${field.type})` : field.name,
				value: field.name,
				description: field.description,
			})),
		),
	);
}
