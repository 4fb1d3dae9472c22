import type { INodeProperties } from 'n8n-workflow';

import { appSettingsField } from '../../descriptions/appSettings';
import { dataJsonField, dataValuesField } from '../../descriptions/data';
import { customerLocator } from '../../descriptions/locators';
import { scheduleField } from '../../descriptions/schedule';
import { tagFields } from '../../descriptions/tags';
import { customerPatchSchema } from '../../model/schemas';
import { CUSTOMER } from '../shared/entity';
import { updateOperation, type UpdateSpec } from '../shared/update';

const tags = tagFields();

/** The Update Fields only customers have (billing settings and name are shared with accounts). */
export const updateFieldOptions: INodeProperties[] = [
	tags.add,
	appSettingsField(),
	dataJsonField(),
	dataValuesField(),
	{ displayName: 'Override App Settings', name: 'overrideAppSettings', type: 'boolean', default: false, description: "Whether the customer uses its own app settings instead of its parent's" },
	{ displayName: 'Override Billing Settings', name: 'overrideBillingSettings', type: 'boolean', default: false, description: "Whether the customer uses its own billing settings instead of its parent's" },
	customerLocator({ name: 'parentCustomerId', displayName: 'Parent Customer', required: false, description: 'The customer this customer belongs under' }),
	{ displayName: 'Remove Parent Customer', name: 'clearParentCustomer', type: 'boolean', default: false, description: 'Whether to make the customer top-level, under no other customer' },
	{ displayName: 'Reference ID', name: 'referenceId', type: 'string', default: '', description: "The customer's ID in another system, such as your CRM" },
	tags.clear,
	tags.remove,
	scheduleField(),
	tags.set,
];

/** How a customer's Update Fields are mapped and checked: Create or Update uses the same. */
export const CUSTOMER_UPDATE: UpdateSpec = { ...CUSTOMER, resource: 'customer', schema: customerPatchSchema, tags: true };

export const operation = updateOperation(CUSTOMER_UPDATE);
