import type { INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { billingSettingsField } from '../shared/billingSettings';
import { accountLocator } from '../shared/resourceLocators';
import { updateFieldsCollection } from '../shared/updateFields';
import { updateModeField } from '../shared/updateMode';

const updateFields = updateFieldsCollection([
		billingSettingsField(),
		{ displayName: 'Logo ID', name: 'logoId', type: 'string', default: '', description: "ID of the uploaded file to use as the account's logo" },
		{ displayName: 'Max Phone Numbers', name: 'maxPhoneNumbers', type: 'number', typeOptions: { minValue: 0, numberPrecision: 0 }, default: 0, description: 'The most phone numbers the account may hold' },
		{ displayName: 'Name', name: 'name', type: 'string', default: '', description: 'Name of the account' },
]);

const properties: INodeProperties[] = [
	accountLocator({ description: 'The account to update. Needs a login with the SystemAdministrator role.' }),
	updateModeField(),
	updateFields,
];

export const description = updateDisplayOptions({ show: { resource: ['account'], operation: ['update'] } }, properties);
