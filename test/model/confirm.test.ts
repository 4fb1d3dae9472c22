// What an update changed that another writer could undo, and how a later read tells held, undone and superseded.
import { changesOf, reapplication, touches, undoneOf, verdictOf } from '../../nodes/EvoVoice/model/mappers/confirm';

const merge = { mergeNested: true, addTagIds: [] as string[], removeTagIds: [] as string[] };
const before = {
	id: 'cus-1',
	tags: [{ id: 't-old' }],
	billingSettings: { base: { unitCost: 1, baseCost: 5 } },
	data: { Plan: { stringValue: 'Basic' }, Seats: { numberValue: 3 } },
};

describe('changes of an update', () => {
	test('only its own values that it changed: billing values, data values, tags added', () => {
		const intent = { billingSettings: { base: { unitCost: 2, baseCost: 5 } }, data: { Plan: { stringValue: 'Pro' } } };
		const after = { ...before, tags: [{ id: 't-old' }, { id: 't-new' }], billingSettings: { base: { unitCost: 2, baseCost: 5 } }, data: { ...before.data, Plan: { stringValue: 'Pro' } } };
		expect(changesOf(intent, { ...merge, addTagIds: ['t-new'] }, before, after)).toEqual([
			{ path: ['billingSettings', 'base', 'unitCost'], before: 1, after: 2 },
			{ path: ['data', 'Plan'], before: { stringValue: 'Basic' }, after: { stringValue: 'Pro' } },
			{ path: ['tags', 't-new'], before: false, after: true },
		]);
	});

	test('what is set outright rests on no read: a tag list given whole, an object in Replace mode', () => {
		const after = { ...before, tags: [{ id: 't-a' }], billingSettings: { base: { unitCost: 9 } } };
		expect(changesOf({ tagIds: ['t-a'] }, merge, before, after)).toEqual([]);
		expect(changesOf({ billingSettings: { base: { unitCost: 9 } } }, { ...merge, mergeNested: false }, before, after)).toEqual([]);
	});
});

describe('read back', () => {
	const tagAdded = { path: ['tags', 't-new'], before: false, after: true };
	const price = { path: ['billingSettings', 'base', 'unitCost'], before: 1, after: 2 };
	const plan = { path: ['data', 'Plan'], before: { stringValue: 'Basic' }, after: { stringValue: 'Pro' } };

	test('held, undone (back to what it was) or superseded (a third value), key order aside', () => {
		expect(verdictOf(plan, { data: { Plan: { stringValue: 'Pro' } } })).toBe('held');
		expect(verdictOf(price, { billingSettings: { base: { unitCost: 1 } } })).toBe('undone');
		expect(verdictOf(price, { billingSettings: { base: { unitCost: 7 } } })).toBe('superseded');
		expect(verdictOf(tagAdded, { tagIds: ['t-old'] })).toBe('undone');
	});

	test('an object is undone only when every change of ours in it went back: else another writer set it on purpose', () => {
		const seats = { path: ['data', 'Seats'], before: { numberValue: 3 }, after: { numberValue: 4 } };
		const reverted = { data: { Plan: { stringValue: 'Basic' }, Seats: { numberValue: 3 } }, tags: [], billingSettings: { base: { unitCost: 2 } } };
		expect(undoneOf([plan, seats, tagAdded, price], reverted)).toEqual([plan, seats, tagAdded]);
		const setOnPurpose = { data: { Plan: { stringValue: 'Basic' }, Seats: { numberValue: 9 } } };
		expect(undoneOf([plan, seats], setOnPurpose)).toEqual([]);
	});

	test('applied again: only what was undone, as the update gave it; tags as additions and removals', () => {
		const intent = { billingSettings: { base: { unitCost: 2 }, localNumbers: { allowance: 3 } }, data: { Plan: { stringValue: 'Pro' } } };
		expect(reapplication(intent, merge, [price, { path: ['tags', 't-x'], before: true, after: false }])).toEqual({
			body: { billingSettings: { base: { unitCost: 2 } } },
			plan: { mergeNested: true, addTagIds: [], removeTagIds: ['t-x'] },
		});
	});

	test('a later update of the same record that sets a value owns it', () => {
		expect(touches({ billingSettings: { base: { unitCost: 3 } } }, merge, ['billingSettings', 'base', 'unitCost'])).toBe(true);
		expect(touches({ billingSettings: { base: { baseCost: 3 } } }, merge, ['billingSettings', 'base', 'unitCost'])).toBe(false);
		expect(touches({ data: { Plan: {} } }, { ...merge, mergeNested: false }, ['data', 'Seats'])).toBe(true);
		expect(touches({}, { ...merge, removeTagIds: ['t-1'] }, ['tags', 't-1'])).toBe(true);
		expect(touches({ tagIds: ['t-2'] }, merge, ['tags', 't-1'])).toBe(true);
	});
});
