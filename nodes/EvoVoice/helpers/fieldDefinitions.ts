import type { IExecuteSingleFunctions } from 'n8n-workflow';

import { evoVoiceRead } from './api';
import type { CustomerField } from './mappers/fieldTypes';
import type { RunState } from './runState';

/** The account's customer data fields (GET /system/settings), read once per run and account. */
export function fieldDefinitions(
	context: IExecuteSingleFunctions,
	state: RunState,
	accountId: string,
	read: <T>(fn: () => Promise<T>) => Promise<T>,
): Promise<CustomerField[]> {
	state.fieldDefinitions ??= new Map();
	let definitions = state.fieldDefinitions.get(accountId);
	if (!definitions) {
		definitions = read(async () => {
			const settings = await evoVoiceRead<{ customerFields?: CustomerField[] }>(context, '/system/settings', { accountId });
			return settings.customerFields ?? [];
		});
		// A failed read must not be cached for the items still to come.
		definitions.catch(() => state.fieldDefinitions?.delete(accountId));
		state.fieldDefinitions.set(accountId, definitions);
	}
	return definitions;
}
