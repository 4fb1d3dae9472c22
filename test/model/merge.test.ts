// The merge mapper: what is merged into the record read, and which updates rest on a read.
import { mergeIntoCurrent, restsOnRead } from '../../nodes/EvoVoice/model/mappers/merge';

describe('merge', () => {
	const current = {
		billingSettings: { base: { baseCost: 10, allowance: 1 }, localNumbers: { unitCost: 1 }, futureItem: { baseCost: 3 } },
		appSettings: { pageTitle: 'Old', customCss: 'x' },
		data: { Plan: { stringValue: 'Basic' }, Seats: { numberValue: 2 } },
		schedule: { timeZoneId: 'UTC', rules: [{ name: 'r1' }] },
		tags: [{ id: 't1' }, { id: 't2' }],
	};

	test('nested objects keep what the user did not set, unknown fields included', () => {
		const body = mergeIntoCurrent(current, { billingSettings: { base: { baseCost: 12 } }, data: { Seats: { numberValue: 5 } } }, { mergeNested: true, addTagIds: [], removeTagIds: [] });
		expect(body).toEqual({
			billingSettings: { base: { baseCost: 12, allowance: 1 }, localNumbers: { unitCost: 1 }, futureItem: { baseCost: 3 } },
			data: { Plan: { stringValue: 'Basic' }, Seats: { numberValue: 5 } },
		});
	});

	test('what rests on a read: tag deltas, and nested objects in merge mode, typed data values included', () => {
		const merge = { mergeNested: true, addTagIds: [], removeTagIds: [] };
		expect(restsOnRead({}, { ...merge, addTagIds: ['t1'] })).toBe(true);
		expect(restsOnRead({ billingSettings: {} }, merge)).toBe(true);
		expect(restsOnRead({ name: 'x' }, merge, 1)).toBe(true);
		expect(restsOnRead({ name: 'x' }, { ...merge, mergeNested: false }, 1)).toBe(false);
	});

	test('tags are added and removed against the current ones', () => {
		expect(mergeIntoCurrent(current, {}, { mergeNested: true, addTagIds: ['t3', 't1'], removeTagIds: ['t2'] })).toEqual({ tagIds: ['t1', 't3'] });
	});

	test('nothing to read for plain fields or in replace mode', () => {
		expect(restsOnRead({ name: 'x' }, { mergeNested: true, addTagIds: [], removeTagIds: [] })).toBe(false);
		expect(restsOnRead({ data: {} }, { mergeNested: false, addTagIds: [], removeTagIds: [] })).toBe(false);
		expect(restsOnRead({ data: {} }, undefined)).toBe(false);
	});
});
