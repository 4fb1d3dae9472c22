import type { CustomerField } from '../model/mappers/fieldTypes';
import type { Client } from '../transport/client';

/** The accounts' customer data fields (GET /system/settings), read once per run and account. */
export class FieldDefinitions {
	private readonly byAccount = new Map<string, Promise<CustomerField[]>>();

	constructor(private readonly client: Client) {}

	of(accountId: string): Promise<CustomerField[]> {
		let definitions = this.byAccount.get(accountId);
		if (!definitions) {
			definitions = this.client
				.read<{ customerFields?: CustomerField[] }>('/system/settings', { accountId })
				.then((settings) => settings.customerFields ?? []);
			// A failed read is not kept: the next item that needs it asks again.
			definitions.catch(() => this.byAccount.delete(accountId));
			this.byAccount.set(accountId, definitions);
		}
		return definitions;
	}
}
