// The Reference ID Look-Up settings and the messages naming what was searched.
import { referenceLookupOptions } from '../../nodes/EvoVoice/descriptions/referenceLookup';
import { DEFAULT_MAX_AGE_HOURS } from '../../nodes/EvoVoice/referenceIds/cache';
import { lookupSettings, toAccountScope } from '../../nodes/EvoVoice/referenceIds/settings';
import { messages } from '../../nodes/EvoVoice/model/messages';

describe('reference look-up settings', () => {
	it('reads accounts from text or a list, trimmed and distinct', () => {
		expect(toAccountScope(' acc-1, acc-2 ,acc-1,, ')).toEqual(['acc-1', 'acc-2']);
		expect(toAccountScope(['acc-2', ' acc-3 '])).toEqual(['acc-2', 'acc-3']);
		expect(toAccountScope('')).toEqual([]);
		expect(toAccountScope(undefined)).toEqual([]);
	});

	it('refuses what is not a list of account IDs, naming the field and the value', () => {
		expect(() => toAccountScope(42)).toThrow('Reference ID Look-Up › Only in Accounts (referenceLookup.accountIds) must be a list, not 42');
		expect(() => toAccountScope(['acc-1', 7])).toThrow('(referenceLookup.accountIds[1]) must be text, not 7');
		expect(() => lookupSettings({ cacheHours: -1 })).toThrow('Remember Look-Ups For (Hours) (referenceLookup.cacheHours) must be 0 or more, not -1');
		expect(() => lookupSettings({ cacheHours: '24' })).toThrow('must be a number, not the text "24"');
	});

	it('defaults to 24 hours, as the field says', () => {
		expect(lookupSettings()).toEqual({ accountIds: [], maxAgeMs: 24 * 3_600_000 });
		const hours = referenceLookupOptions(['update']).options?.find((o) => o.name === 'cacheHours');
		expect(hours && 'default' in hours ? hours.default : undefined).toBe(DEFAULT_MAX_AGE_HOURS);
	});

	it('names the customers that share a reference ID, and the accounts searched', () => {
		expect(messages.referenceHeldBySeveral('crm-dup', [{ id: 'cus-1', name: 'Cedar' }, { id: 'cus-2' }], ['acc-1'])).toBe(
			'2 customers in account acc-1 have the reference ID "crm-dup": cus-1 (Cedar), cus-2. Give each its own reference ID, or use the customer\'s ID instead',
		);
		expect(messages.referenceNotFound('crm-x')).toBe('No customer has the reference ID "crm-x"');
		expect(messages.referenceNotFound('crm-x', ['a', 'b'])).toBe('No customer in accounts a, b has the reference ID "crm-x"');
	});
});

