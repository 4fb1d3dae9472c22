import type { INodeProperties } from 'n8n-workflow';

import { accountPatchSchema } from '../../model/schemas';
import { ACCOUNT } from '../shared/entity';
import { updateOperation } from '../shared/update';

/** The Update Fields only accounts have (billing settings and name are shared with customers). */
export const updateFieldOptions: INodeProperties[] = [
	{ displayName: 'Logo ID', name: 'logoId', type: 'string', default: '', description: "ID of the uploaded file to use as the account's logo" },
	{ displayName: 'Remove Logo', name: 'clearLogo', type: 'boolean', default: false, description: 'Whether to remove the account\'s logo' },
	{ displayName: 'Max Phone Numbers', name: 'maxPhoneNumbers', type: 'number', typeOptions: { minValue: 0, numberPrecision: 0 }, default: 0, description: 'The most phone numbers the account may hold' },
];

export const operation = updateOperation({ ...ACCOUNT, resource: 'account', schema: accountPatchSchema });
