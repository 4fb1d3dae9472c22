import { defaultSeed } from '../../sandbox';
import { call, useSandbox } from './helpers';

const sandbox = useSandbox();
const seedAcme = () => defaultSeed().customers.find((c) => c.id === 'cus-acme')!;

describe('PATCH /customers/{id} semantics', () => {
	it('a PATCH of only name leaves tags, schedule, billing, app settings and data unchanged', async () => {
		const before = (await call(sandbox(), 'GET', '/customers/cus-acme')).json;
		const r = await call(sandbox(), 'PATCH', '/customers/cus-acme', { body: { name: 'Acme Dental Group' } });
		expect(r.status).toBe(200);
		expect(r.json.name).toBe('Acme Dental Group');
		for (const key of ['tags', 'schedule', 'billingSettings', 'appSettings', 'data', 'referenceId', 'integrationData', 'overrideBillingSettings']) {
			expect(r.json[key]).toEqual(before[key]);
		}
		expect(r.json.dateLastModified).not.toBe(before.dateLastModified);
		expect(Date.parse(r.json.dateLastModified)).toBeGreaterThan(Date.parse('2025-01-01'));
		expect(r.json.dateCreated).toBe(before.dateCreated);
	});

	it('null means "not sent": it never clears a field', async () => {
		const r = await call(sandbox(), 'PATCH', '/customers/cus-acme', { body: { referenceId: null, billingSettings: null, tagIds: null } });
		expect(r.json.referenceId).toBe('crm-1001');
		expect(r.json.billingSettings).toEqual(seedAcme().billingSettings);
		expect(r.json.tags).toHaveLength(2);
	});

	it('a partial billingSettings replaces the whole object (the data-loss trap)', async () => {
		const r = await call(sandbox(), 'PATCH', '/customers/cus-acme', { body: { billingSettings: { localNumbers: { unitCost: 2 } } } });
		expect(r.json.billingSettings).toEqual({ localNumbers: { unitCost: 2 } });
		expect(sandbox().state.customers['cus-acme'].billingSettings?.base).toBeUndefined();
	});

	it('schedule, appSettings and data are replaced whole as well', async () => {
		const r = await call(sandbox(), 'PATCH', '/customers/cus-acme', {
			body: { schedule: { defaultState: 'Open' }, appSettings: { pageTitle: 'New' }, data: { Seats: { numberValue: 13 } } },
		});
		expect(r.json.schedule).toEqual({ defaultState: 'Open' });
		expect(r.json.appSettings).toEqual({ pageTitle: 'New' });
		expect(r.json.data).toEqual({ Seats: { numberValue: 13 } });
	});

	it('tagIds replaces the tags, tagIds [] clears them, unknown tag IDs answer 400', async () => {
		const set = await call(sandbox(), 'PATCH', '/customers/cus-acme', { body: { tagIds: ['tag-wholesale'] } });
		expect(set.json.tags).toEqual([{ id: 'tag-wholesale', name: 'Wholesale', color: 'Blue' }]);
		const cleared = await call(sandbox(), 'PATCH', '/customers/cus-acme', { body: { tagIds: [] } });
		expect(cleared.json.tags).toEqual([]);
		const bad = await call(sandbox(), 'PATCH', '/customers/cus-acme', { body: { tagIds: ['tag-vip', 'tag-nope'] } });
		expect(bad.status).toBe(400);
		expect(bad.json.responseStatus.errors).toEqual([expect.objectContaining({ errorCode: 'InvalidTagId', fieldName: 'tagIds[1]' })]);
		expect(sandbox().state.customers['cus-acme'].tags).toEqual([]);
	});

	it('keeps unknown fields inside nested objects (staging has fields production lacks)', async () => {
		const billingSettings = { ...seedAcme().billingSettings, aiMinutes: { unitCost: 0.02, allowance: 100, tier: 'beta' } };
		const schedule = { ...seedAcme().schedule, holidayCalendarId: 'cal-us', rules: [{ state: 'Open', simpleRuleType: 'Always', color: '#0f0' }] };
		const appSettings = { pageTitle: 'Acme', enableAiAssistant: true };
		const r = await call(sandbox(), 'PATCH', '/customers/cus-acme', { body: { billingSettings, schedule, appSettings, unknownTopLevel: 1 } });
		expect(r.status).toBe(200);
		expect(r.json.billingSettings).toEqual(billingSettings);
		expect(r.json.schedule).toEqual(schedule);
		expect(r.json.appSettings).toEqual(appSettings);
		expect(r.json.unknownTopLevel).toBeUndefined();
		expect((await call(sandbox(), 'GET', '/customers/cus-acme')).json.billingSettings.aiMinutes.tier).toBe('beta');
	});

	it('parentCustomerId must be a customer of the same account and must not make a cycle', async () => {
		const moved = await call(sandbox(), 'PATCH', '/customers/cus-acme-south', { body: { parentCustomerId: 'cus-bluebird' } });
		expect(moved.json.breadcrumb.map((b: { id: string }) => b.id)).toEqual(['cus-bluebird', 'cus-acme-south']);
		for (const parentCustomerId of ['cus-acme-north', 'cus-acme', 'cus-contoso-1', 'cus-nope']) {
			const r = await call(sandbox(), 'PATCH', '/customers/cus-acme', { body: { parentCustomerId } });
			expect(r.status).toBe(400);
			expect(r.json.responseStatus.errors[0]).toMatchObject({ errorCode: 'InvalidParent', fieldName: 'parentCustomerId' });
		}
		const top = await call(sandbox(), 'PATCH', '/customers/cus-acme-north', { body: { parentCustomerId: '' } });
		// The default blank-string mode ('store') keeps the '', which means no parent.
		expect(top.json.parentCustomerId).toBe('');
		expect(top.json.breadcrumb).toEqual([{ id: 'cus-acme-north', name: 'Acme Dental North' }]);
	});

	it('a renamed parent shows in the breadcrumb of its children', async () => {
		await call(sandbox(), 'PATCH', '/customers/cus-acme', { body: { name: 'Acme Group' } });
		const r = await call(sandbox(), 'GET', '/customers/cus-acme-south');
		expect(r.json.breadcrumb[0]).toEqual({ id: 'cus-acme', name: 'Acme Group' });
	});

	it('an empty name answers 400 NotEmpty', async () => {
		const r = await call(sandbox(), 'PATCH', '/customers/cus-acme', { body: { name: '  ' } });
		expect(r.status).toBe(400);
		expect(r.json.responseStatus.errors[0]).toMatchObject({ errorCode: 'NotEmpty', fieldName: 'name' });
	});
});

describe('type validation names the field', () => {
	it.each([
		['billingSettings.localNumbers.unitCost', { billingSettings: { localNumbers: { unitCost: '0.5' } } }, 'SerializationException'],
		['billingSettings.base.allowance', { billingSettings: { base: { allowance: 1.5 } } }, 'SerializationException'],
		['schedule.rules[0].frequency', { schedule: { rules: [{ frequency: 'Fortnightly' }] } }, 'InvalidEnumValue'],
		['schedule.rules[1].byDay[0].dayOfWeek', { schedule: { rules: [{}, { byDay: [{ dayOfWeek: 'Funday' }] }] } }, 'InvalidEnumValue'],
		['schedule.rules[0].byHour[1]', { schedule: { rules: [{ byHour: [9, '10'] }] } }, 'SerializationException'],
		['data.Seats', { data: { Seats: { numberValue: 3, stringValue: '3' } } }, 'InvalidValue'],
		['data.Locations.listValue[0].City.boolValue', { data: { Locations: { listValue: [{ City: { boolValue: 'yes' } }] } } }, 'SerializationException'],
		['tagIds', { tagIds: 'tag-vip' }, 'SerializationException'],
		['overrideAppSettings', { overrideAppSettings: 'true' }, 'SerializationException'],
		['appSettings', { appSettings: 'dark' }, 'SerializationException'],
	])('%s', async (fieldName, body, errorCode) => {
		const r = await call(sandbox(), 'PATCH', '/customers/cus-acme', { body });
		expect(r.status).toBe(400);
		expect(r.json.responseStatus.errors).toEqual([expect.objectContaining({ errorCode, fieldName })]);
		expect(r.json.responseStatus.errors[0].message).toEqual(expect.any(String));
		expect(sandbox().state.customers['cus-acme'].dateLastModified).toBe(seedAcme().dateLastModified);
	});

	it('tolerates the Kotlin client default listValue: [] beside another kind', async () => {
		const r = await call(sandbox(), 'PATCH', '/customers/cus-acme', { body: { data: { Plan: { stringValue: 'Pro', listValue: [] } } } });
		expect(r.status).toBe(200);
	});

	it('PATCH /accounts rejects a non-integer maxPhoneNumbers and a negative one', async () => {
		const frac = await call(sandbox(), 'PATCH', '/accounts/acc-reseller', { body: { maxPhoneNumbers: 2.5 } });
		expect(frac.status).toBe(400);
		expect(frac.json.responseStatus).toMatchObject({ errorCode: 'SerializationException', message: "Unable to bind to request 'PatchAccount'" });
		expect(frac.json.responseStatus.errors[0].fieldName).toBe('maxPhoneNumbers');
		const neg = await call(sandbox(), 'PATCH', '/accounts/acc-reseller', { body: { maxPhoneNumbers: -1 } });
		expect(neg.json.responseStatus.errors[0].fieldName).toBe('maxPhoneNumbers');
	});
});

describe('accounts and system settings', () => {
	it('GET /accounts lists reachable accounts with nameFilter and paging', async () => {
		const r = await call(sandbox(), 'GET', '/accounts?nameFilter=north');
		expect(r.json).toMatchObject({ totalCount: 1, totalPages: 1, hasMorePages: false });
		expect(r.json.items[0]).toMatchObject({ id: 'acc-reseller', name: 'Northwind Telecom', maxPhoneNumbers: 250, logoId: 'file-northwind-logo' });
		const page = await call(sandbox(), 'GET', '/accounts?countPerPage=1&page=1');
		expect(page.json).toMatchObject({ totalCount: 2, totalPages: 2, hasMorePages: false });
		expect(page.json.items[0].id).toBe('acc-reseller');
	});

	it('GET /accounts/{id} and 404', async () => {
		expect((await call(sandbox(), 'GET', '/accounts/acc-other')).json.name).toBe('Contoso Voice');
		expect((await call(sandbox(), 'GET', '/accounts/acc-nope')).json.responseStatus.errorCode).toBe('NotFound');
	});

	it('PATCH /accounts/{id} changes only what is sent; billingSettings is replaced whole', async () => {
		const before = sandbox().state.accounts['acc-reseller'];
		const r = await call(sandbox(), 'PATCH', '/accounts/acc-reseller', { body: { maxPhoneNumbers: 300 } });
		expect(r.json).toMatchObject({ maxPhoneNumbers: 300, name: 'Northwind Telecom', logoId: before.logoId, lastModifiedBy: 'admin@sandbox.evovoice.test' });
		expect(r.json.billingSettings).toEqual(before.billingSettings);
		const partial = await call(sandbox(), 'PATCH', '/accounts/acc-reseller', { body: { billingSettings: { base: { baseCost: 59 } } } });
		expect(partial.json.billingSettings).toEqual({ base: { baseCost: 59 } });
		const logo = await call(sandbox(), 'PATCH', '/accounts/acc-reseller', { body: { logoId: 'file-new', name: 'Northwind' } });
		expect(logo.json).toMatchObject({ name: 'Northwind', logoId: 'file-new', logoUri: expect.stringContaining('file-new') });
		expect((await call(sandbox(), 'GET', '/customers/cus-acme')).json.accountName).toBe('Northwind');
	});

	it('GET /system/settings returns tags and customer fields; accountId is required', async () => {
		const r = await call(sandbox(), 'GET', '/system/settings?accountId=acc-reseller');
		expect(r.json.accountId).toBe('acc-reseller');
		expect(r.json.tags.map((t: { id: string }) => t.id)).toEqual(['tag-vip', 'tag-churn-risk', 'tag-new', 'tag-wholesale']);
		expect(r.json.tags[0]).toEqual({ id: 'tag-vip', name: 'VIP', color: 'Gold' });
		expect(r.json.customerFields.map((f: { name: string; type: string }) => `${f.name}:${f.type}`)).toEqual([
			'Plan:String', 'Seats:Number', 'Vip:Boolean', 'Locations:List', 'Address:Struct',
		]);
		expect(r.json.customerFields[0].possibleValues).toEqual(['Basic', 'Pro', 'Enterprise']);
		expect((await call(sandbox(), 'GET', '/system/settings')).status).toBe(400);
		expect((await call(sandbox(), 'GET', '/system/settings?accountId=acc-nope')).status).toBe(404);
	});
});
