import type { INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { appSettingsField } from '../shared/appSettings';
import { billingSettingsField } from '../shared/billingSettings';
import { dataJsonField, dataValuesField } from '../shared/data';
import { customerLocator } from '../shared/resourceLocators';
import { scheduleField } from '../shared/schedule';
import { tagFields } from '../shared/tags';
import { updateFieldsCollection } from '../shared/updateFields';
import { updateModeField } from '../shared/updateMode';

const tags = tagFields();

const updateFields = updateFieldsCollection([
		tags.add,
		appSettingsField(),
		billingSettingsField(),
		dataJsonField(),
		dataValuesField(),
		{ displayName: 'Name', name: 'name', type: 'string', default: '', description: 'Name of the customer' },
		{ displayName: 'Override App Settings', name: 'overrideAppSettings', type: 'boolean', default: false, description: "Whether the customer uses its own app settings instead of its parent's" },
		{ displayName: 'Override Billing Settings', name: 'overrideBillingSettings', type: 'boolean', default: false, description: "Whether the customer uses its own billing settings instead of its parent's" },
		{ ...customerLocator({ name: 'parentCustomerId', displayName: 'Parent Customer', required: false, description: 'The customer this customer belongs under' }) },
		{ displayName: 'Reference ID', name: 'referenceId', type: 'string', default: '', description: "The customer's ID in another system, such as your CRM" },
		tags.clear,
		tags.remove,
		scheduleField(),
		tags.set,
]);

const properties: INodeProperties[] = [
	customerLocator({ description: 'The customer to update', byReference: true }),
	updateModeField(),
	updateFields,
];

export const description = updateDisplayOptions({ show: { resource: ['customer'], operation: ['update'] } }, properties);
