// The schedule mappers: byDay, integer lists, rules that keep only what is set.
import { parseByDay, parseIntList, toSchedulingRules } from '../../nodes/EvoVoice/model/mappers/schedule';

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
