import { toData, toStruct } from '../../nodes/EvoVoice/model/mappers/data';
import { mergeIntoCurrent, restsOnRead } from '../../nodes/EvoVoice/model/mappers/merge';
import { parseByDay, parseIntList, toSchedulingRules } from '../../nodes/EvoVoice/model/mappers/schedule';
import { retryDelaySeconds } from '../../nodes/EvoVoice/transport/retry';
import { ApiResponseError } from '../../nodes/EvoVoice/transport/errors';
import { DEFAULT_RETRY } from '../../nodes/EvoVoice/transport/retry';
import { DEFAULT_MAX_IN_FLIGHT } from '../../nodes/EvoVoice/executor/settings';
import { requestOptions } from '../../nodes/EvoVoice/descriptions/requestOptions';
import { describeItems } from '../../nodes/EvoVoice/executor/outcomes';

describe('schedule mappers', () => {
	test('byDay reads RRULE codes, day names and offsets', () => {
		expect(parseByDay('MO, -1FR, 2 tuesday, Sunday', 'p')).toEqual([
			{ dayOfWeek: 'Monday' },
			{ offset: -1, dayOfWeek: 'Friday' },
			{ offset: 2, dayOfWeek: 'Tuesday' },
			{ dayOfWeek: 'Sunday' },
		]);
		expect(() => parseByDay('MO, Funday', 'p')).toThrow('"Funday"');
	});

	test('integer lists accept text, numbers and lists', () => {
		expect(parseIntList('1, -1;15', 'l', 'p')).toEqual([1, -1, 15]);
		expect(parseIntList(7, 'l', 'p')).toEqual([7]);
		expect(parseIntList([1, 2], 'l', 'p')).toEqual([1, 2]);
		expect(() => parseIntList('1, x', 'l', 'p')).toThrow('p[1]');
	});

	test('a rule keeps only what is set', () => {
		expect(toSchedulingRules([{ name: '', state: 'Open', simpleRuleType: 'Always', fields: { byMonth: '', startTime: '' } }])).toEqual([
			{ state: 'Open', simpleRuleType: 'Always' },
		]);
	});
});

describe('data mappers', () => {
	test('plain values are wrapped, wrapped values kept, lists hold structs', () => {
		expect(toStruct({ a: 'x', b: 2, c: true, d: { stringValue: 'kept' }, e: [{ f: 1 }], g: { h: 'i' } }, 'l', 'data')).toEqual({
			a: { stringValue: 'x' },
			b: { numberValue: 2 },
			c: { boolValue: true },
			d: { stringValue: 'kept' },
			e: { listValue: [{ f: { numberValue: 1 } }] },
			g: { structValue: { h: { stringValue: 'i' } } },
		});
	});

	test('no JSON and no values means no data at all', () => {
		expect(toData('{}', [])).toBeUndefined();
		expect(toData('', [])).toBeUndefined();
	});
});

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

describe('retry policy', () => {
	const status = (code: number, retryAfter?: string) => new ApiResponseError(code, retryAfter ? { 'retry-after': retryAfter } : {}, {});
	test('waits as Retry-After says, for requests safe to repeat only', () => {
		expect(retryDelaySeconds(status(429, '7'), 'PATCH', 0)).toBe(7);
		expect(retryDelaySeconds(status(503, '2'), 'GET', 3)).toBe(2);
		expect(retryDelaySeconds(status(429, '7'), 'POST', 0)).toBe(7);
		expect(retryDelaySeconds(status(503, '7'), 'POST', 0)).toBeUndefined();
		expect(retryDelaySeconds(status(500), 'PATCH', 0)).toBeUndefined();
		expect(retryDelaySeconds(status(404), 'GET', 0)).toBeUndefined();
	});
	test('gives up on outages after two retries', () => {
		expect(retryDelaySeconds(status(502), 'PATCH', 1)).toBe(1);
		expect(retryDelaySeconds(status(502), 'PATCH', 2)).toBeUndefined();
	});
});

test('the UI defaults of the request options are the ones the hooks use', () => {
	const defaults = Object.fromEntries((requestOptions.options ?? []).map((o) => [(o as { name: string }).name, (o as { default: unknown }).default]));
	expect(defaults).toMatchObject({ maxConcurrency: DEFAULT_MAX_IN_FLIGHT, maxRetries: DEFAULT_RETRY.maxRetries, maxRetryWait: DEFAULT_RETRY.maxWaitSeconds });
});

test('item ranges read as people count', () => {
	expect(describeItems([0, 1, 2, 4, 6, 7])).toBe('items 1–3, 5, 7–8');
	expect(describeItems([9])).toBe('item 10');
});
