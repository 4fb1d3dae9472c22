// The default seed: a reseller with a small customer tree that exercises every DTO field, a second
// account the manager cannot reach, and one login per role. Everything is deterministic (fixed
// dates, fixed IDs) so tests and e2e runs can hard-code what they expect.
import { seedNotifications, seedSessions } from './seed-events';
import type { BillingSettings, CustomerInfo, SeedData, SystemSettings, Tag } from './types';

export const SANDBOX_CREDENTIALS = {
	adminToken: 'sandbox-admin-token',
	managerToken: 'sandbox-manager-token',
	customerToken: 'sandbox-customer-token',
	admin: { email: 'admin@sandbox.evovoice.test', password: 'sandbox-admin-password' },
	manager: { email: 'manager@sandbox.evovoice.test', password: 'sandbox-manager-password' },
};

const TAGS: Tag[] = [
	{ id: 'tag-vip', name: 'VIP', color: 'Gold' },
	{ id: 'tag-churn-risk', name: 'Churn risk', color: 'Red' },
	{ id: 'tag-new', name: 'New', color: 'Green' },
	{ id: 'tag-wholesale', name: 'Wholesale', color: 'Blue' },
];
const tag = (id: string): Tag => ({ ...TAGS.find((t) => t.id === id)! });

// Type names follow Evo Voice's ValueTypes enum (String, Number, Boolean, List, Struct), which is
// what the data Value kinds map to; the seeds do not document this class, so this is a guess.
function systemSettings(): SystemSettings {
	return {
		tags: TAGS.map((t) => ({ ...t })),
		customerFields: [
			{ name: 'Plan', type: 'String', possibleValues: ['Basic', 'Pro', 'Enterprise'], description: 'Subscription plan' },
			{ name: 'Seats', type: 'Number', description: 'Licensed seats' },
			{ name: 'Vip', type: 'Boolean', description: 'Gets priority support' },
			{ name: 'Locations', type: 'List', description: 'One struct per site' },
			{ name: 'Address', type: 'Struct', description: 'Billing address' },
		],
	};
}

const item = (baseCost: number, rawUnitMultiplier: number, unitCost: number, allowance: number) => ({
	baseCost,
	rawUnitMultiplier,
	unitCost,
	allowance,
});

function fullBilling(scale: number): BillingSettings {
	return {
		base: item(49 * scale, 1, 0, 0),
		localNumbers: item(0, 1, 1.5 * scale, 5),
		tollFreeNumbers: item(0, 1, 2.5 * scale, 1),
		inboundVoiceCalls: item(0, 1.2, 0.012 * scale, 1000),
		outboundVoiceCalls: item(0, 1.2, 0.018 * scale, 500),
		inboundFaxes: item(0, 1, 0.05 * scale, 50),
		outboundFaxes: item(0, 1, 0.07 * scale, 50),
		inboundSmsMessages: item(0, 1, 0.0075 * scale, 250),
		outboundSmsMessages: item(0, 1, 0.0095 * scale, 250),
	};
}

const ADMIN = SANDBOX_CREDENTIALS.admin.email;

function acme(): CustomerInfo {
	return {
		id: 'cus-acme',
		accountId: 'acc-reseller',
		name: 'Acme Dental',
		referenceId: 'crm-1001',
		isStaging: false,
		tags: [tag('tag-vip'), tag('tag-new')],
		data: {
			Plan: { stringValue: 'Pro' },
			Seats: { numberValue: 12 },
			Vip: { boolValue: true },
			Locations: {
				listValue: [
					{ City: { stringValue: 'Springfield' }, Chairs: { numberValue: 6 } },
					{ City: { stringValue: 'Shelbyville' }, Chairs: { numberValue: 4 } },
				],
			},
			Address: {
				structValue: { Street: { stringValue: '742 Evergreen Terrace' }, City: { stringValue: 'Springfield' }, Zip: { stringValue: '49007' } },
			},
		},
		schedule: {
			timeZoneId: 'America/New_York',
			inherit: false,
			forceClosed: false,
			defaultState: 'After Hours',
			rules: [
				{
					id: 'rule-business-hours', name: 'Business hours', priority: 1, state: 'Business Hours',
					simpleRuleType: 'Time', frequency: 'Weekly', interval: 1, isAllDay: false,
					startDate: '2023-01-02', startTime: '08:00', endTime: '17:30',
					byDay: ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday'].map((dayOfWeek) => ({ offset: 0, dayOfWeek })),
				},
				{
					id: 'rule-staff-meeting', name: 'Staff meeting (last Friday)', priority: 5, state: 'Closed For Meeting',
					simpleRuleType: 'Time', frequency: 'Monthly', interval: 1, isAllDay: false,
					startTime: '15:00', endTime: '17:30', byDay: [{ offset: -1, dayOfWeek: 'Friday' }],
				},
				{
					id: 'rule-christmas', name: 'Christmas Day', priority: 10, state: 'Holiday',
					simpleRuleType: 'Time', frequency: 'Yearly', interval: 1, isAllDay: true,
					byMonth: [12], byMonthDay: [25], source: 'holiday-calendar:us',
				},
			],
		},
		integrationData: { HubSpot: { thirdPartyId: 'hs-1001' } },
		overrideBillingSettings: true,
		billingSettings: fullBilling(0.9),
		overrideAppSettings: true,
		appSettings: {
			enablePhoneNumberManagement: true, enableDeviceManagement: true, enableDialer: true,
			enableCallHistory: true, showFileNameInMessageCenter: false, chakraTheme: 'teal',
			customCss: '.header { background: #0b7285; }', pageTitle: 'Acme Dental Phones',
			stringMappings: '{"Endpoints":"Lines"}', logoutUrl: 'https://acmedental.example/logout',
			portMyNumberUrl: 'https://acmedental.example/port',
		},
		dateCreated: '2023-01-02T14:05:00.000Z', dateLastModified: '2024-05-20T09:30:00.000Z',
		createdBy: ADMIN, lastModifiedBy: ADMIN,
	};
}

function simple(id: string, accountId: string, name: string, referenceId: string, extra: Partial<CustomerInfo> = {}): CustomerInfo {
	return {
		id, accountId, name, referenceId, isStaging: false, tags: [], data: {},
		overrideBillingSettings: false, overrideAppSettings: false,
		dateCreated: '2023-06-01T12:00:00.000Z', dateLastModified: '2023-06-01T12:00:00.000Z',
		createdBy: ADMIN, lastModifiedBy: ADMIN,
		...extra,
	};
}

/** A fresh deep copy of the default seed on every call. */
export function defaultSeed(): SeedData {
	return {
		accounts: [
			{
				id: 'acc-reseller', name: 'Northwind Telecom', parentAccountId: 'acc-evovoice', ancestorIds: ['acc-evovoice'],
				twilioAccountSid: 'AC0a1b2c3d4e5f60718293a4b5c6d7e8f9', maxPhoneNumbers: 250, isBYOA: false,
				trustHubProfileSid: 'BU0f1e2d3c4b5a69788796a5b4c3d2e1f0', logoId: 'file-northwind-logo',
				logoUri: 'https://files.sandbox.evovoice.test/file-northwind-logo', billingSettings: fullBilling(1),
				dateCreated: '2022-11-01T10:00:00.000Z', dateLastModified: '2024-02-01T10:00:00.000Z',
				createdBy: ADMIN, lastModifiedBy: ADMIN,
			},
			{
				id: 'acc-other', name: 'Contoso Voice', parentAccountId: 'acc-evovoice', ancestorIds: ['acc-evovoice'],
				twilioAccountSid: 'ACffeeddccbbaa99887766554433221100', maxPhoneNumbers: 50, isBYOA: true,
				billingSettings: { base: item(99, 1, 0, 0) },
				dateCreated: '2023-04-10T10:00:00.000Z', dateLastModified: '2023-04-10T10:00:00.000Z',
				createdBy: ADMIN, lastModifiedBy: ADMIN,
			},
		],
		customers: [
			acme(),
			simple('cus-acme-north', 'acc-reseller', 'Acme Dental North', 'crm-1002', {
				parentCustomerId: 'cus-acme', schedule: { inherit: true, rules: [] },
				data: { Plan: { stringValue: 'Pro' }, Seats: { numberValue: 4 } },
			}),
			simple('cus-acme-south', 'acc-reseller', 'Acme Dental South', 'crm-1003', {
				parentCustomerId: 'cus-acme', tags: [tag('tag-new')], data: { Plan: { stringValue: 'Basic' } },
			}),
			simple('cus-bluebird', 'acc-reseller', 'Bluebird Plumbing', 'crm-2001', {
				tags: [tag('tag-churn-risk'), tag('tag-wholesale')],
				data: { Plan: { stringValue: 'Basic' }, Seats: { numberValue: 3 }, Vip: { boolValue: false } },
				integrationData: { HubSpot: { thirdPartyId: 'hs-2001' } },
			}),
			simple('cus-cedar-1', 'acc-reseller', 'Cedar Family Practice', 'crm-dup'),
			simple('cus-cedar-2', 'acc-reseller', 'Cedar Family Practice (old)', 'crm-dup', { tags: [tag('tag-churn-risk')] }),
			simple('cus-contoso-1', 'acc-other', 'Fabrikam Law', 'crm-9001', { createdBy: ADMIN }),
		],
		users: [
			{
				id: 'usr-admin', userName: ADMIN, displayName: 'Sandbox Admin', email: ADMIN,
				password: SANDBOX_CREDENTIALS.admin.password, token: SANDBOX_CREDENTIALS.adminToken,
				roles: ['SystemAdministrator'], accountIds: [],
			},
			{
				id: 'usr-manager', userName: SANDBOX_CREDENTIALS.manager.email, displayName: 'Northwind Manager',
				email: SANDBOX_CREDENTIALS.manager.email, password: SANDBOX_CREDENTIALS.manager.password,
				token: SANDBOX_CREDENTIALS.managerToken, roles: ['Manager'], accountIds: ['acc-reseller'],
			},
			{
				id: 'usr-acme-portal', userName: 'portal@acmedental.example', displayName: 'Acme Dental Portal',
				token: SANDBOX_CREDENTIALS.customerToken, roles: ['Customer'], accountIds: ['acc-reseller'], customerId: 'cus-acme',
			},
		],
		systemSettings: { 'acc-reseller': systemSettings(), 'acc-other': systemSettings() },
		sessions: seedSessions(),
		notifications: seedNotifications(),
	};
}

const PLANS = ['Basic', 'Pro', 'Enterprise'];
const BULK_EPOCH = Date.parse('2024-01-01T00:00:00.000Z');

/** n plain customers for big tests and benchmarks: 'cus-bulk-00001'..., referenceId 'crm-bulk-00001'... */
export function makeCustomers(n: number, accountId: string): CustomerInfo[] {
	const out: CustomerInfo[] = [];
	for (let i = 1; i <= n; i++) {
		const num = String(i).padStart(5, '0');
		const when = new Date(BULK_EPOCH + i * 60_000).toISOString();
		out.push({
			id: `cus-bulk-${num}`,
			accountId,
			name: `Bulk Customer ${num}`,
			referenceId: `crm-bulk-${num}`,
			isStaging: false,
			tags: i % 10 === 0 ? [tag('tag-vip')] : [],
			data: { Plan: { stringValue: PLANS[i % 3] }, Seats: { numberValue: (i % 50) + 1 } },
			overrideBillingSettings: false,
			overrideAppSettings: false,
			dateCreated: when,
			dateLastModified: when,
			createdBy: 'bulk-import',
			lastModifiedBy: 'bulk-import',
		});
	}
	return out;
}
