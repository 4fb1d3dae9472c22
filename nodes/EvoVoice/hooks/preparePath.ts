import { entityPath } from '../helpers/locator';
import { guardInput } from './guardInput';

/** For get and delete: the entity's ID, checked and encoded, becomes the path. */
export function preparePath(collection: string, parameter: string, label: string) {
	return guardInput((context, requestOptions) => {
		requestOptions.url = entityPath(context, parameter, collection, label);
		return requestOptions;
	});
}

export const prepareCustomerPath = preparePath('customers', 'customerId', 'Customer');
export const prepareAccountPath = preparePath('accounts', 'accountId', 'Account');
