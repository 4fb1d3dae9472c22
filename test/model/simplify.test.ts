// The Simplify mapper: plain data values, tag names, the customer and account fields people use.
import { plainData, plainValue, simplify, simplifyCustomer, tagNames } from '../../nodes/EvoVoice/model/mappers/simplify';
import { toStruct } from '../../nodes/EvoVoice/model/mappers/data';

describe('Simplify output', () => {
	test('data values come out plain, lists and structs included', () => {
		const wrapped = {
			Plan: { stringValue: 'Pro' },
			Seats: { numberValue: 14 },
			Vip: { boolValue: false },
			Sites: { listValue: [{ City: { stringValue: 'Oslo' } }] },
			Owner: { structValue: { Email: { stringValue: 'a@b.c' } } },
		};
		expect(plainData(wrapped)).toEqual({ Plan: 'Pro', Seats: 14, Vip: false, Sites: [{ City: 'Oslo' }], Owner: { Email: 'a@b.c' } });
		// The inverse of what the node sends: plain → wrapped → plain is the identity.
		const plain = { Plan: 'Basic', Seats: 0, Vip: true, Sites: [{ City: 'Rome', Floor: 2 }] };
		expect(plainData(toStruct(plain, 'Data', 'data'))).toEqual(plain);
		expect(plainValue({ boolValue: false })).toBe(false);
		expect(plainValue('as is')).toBe('as is');
	});

	test('tags become their names', () => {
		expect(tagNames([{ id: 'tag-vip', name: 'VIP' }, { id: 'tag-x' }, 'raw'])).toEqual(['VIP', 'tag-x', 'raw']);
		expect(tagNames(undefined)).toEqual([]);
	});

	test('a customer keeps the fields people use, and nothing else', () => {
		const record = {
			id: 'cus-acme',
			name: 'Acme',
			referenceId: 'crm-1001',
			accountId: 'acc-reseller',
			accountName: 'Northwind Telecom',
			parentCustomerId: null,
			breadcrumb: [{ id: 'cus-acme', name: 'Acme' }],
			tags: [{ id: 'tag-vip', name: 'VIP', color: 'red' }],
			data: { Plan: { stringValue: 'Pro' } },
			schedule: { rules: [] },
			billingSettings: { base: { baseCost: 9 } },
			overrideBillingSettings: true,
			dateCreated: '2026-01-01',
		};
		expect(simplifyCustomer(record)).toEqual({
			id: 'cus-acme',
			name: 'Acme',
			referenceId: 'crm-1001',
			accountId: 'acc-reseller',
			accountName: 'Northwind Telecom',
			tags: ['VIP'],
			data: { Plan: 'Pro' },
			overrideBillingSettings: true,
		});
		// A reply without tags or data (a write answered with no body) does not claim the customer has none.
		expect(simplifyCustomer({ id: 'c', name: 'n' })).toEqual({ id: 'c', name: 'n' });
		expect(simplifyCustomer({ id: 'c', tags: [], data: {} })).toEqual({ id: 'c', tags: [], data: {} });
	});

	test('an account keeps its identity and limits; non-objects pass through', () => {
		expect(simplify('account', { id: 'a', name: 'N', maxPhoneNumbers: 5, billingSettings: {}, logoUri: 'x' })).toEqual({ id: 'a', name: 'N', maxPhoneNumbers: 5 });
		expect(simplify('customer', 'text')).toBe('text');
	});
});

