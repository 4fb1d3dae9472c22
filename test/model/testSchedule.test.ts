// The Test Schedule mapper: the body (saved or given schedule, the moment), the output, and those bodies against the sandbox's evaluator.
import { toTestMoment, toTestScheduleBody, toTestScheduleOutput } from '../../nodes/EvoVoice/model/mappers/testSchedule';
import { toPatchBody } from '../../nodes/EvoVoice/model/mappers/body';
import { call, useSandbox } from '../sandbox/helpers';

const NOW = Date.parse('2026-12-07T14:15:00.000Z'); // a Monday: 09:15 in New York
const now = () => NOW;

/** A schedule as the node's Schedule collection holds it: open 09:00–17:00 on weekdays. */
const uiSchedule = {
	timeZoneId: 'Asia/Tokyo',
	defaultState: 'Closed',
	rules: {
		rule: [
			{ name: 'Open', state: 'Open', simpleRuleType: 'Time', fields: { byDay: 'MO, TU, WE, TH, FR', startTime: '09:00', endTime: '17:00' } },
		],
	},
};

describe('Test Schedule body', () => {
	it('tests the saved schedule at the moment given, or now', () => {
		expect(toTestScheduleBody({ scheduleSource: 'saved', dateTime: '2026-12-07T09:15' }, now)).toEqual({ dateTime: '2026-12-07T09:15' });
		expect(toTestScheduleBody({ scheduleSource: 'saved', dateTime: '' }, now)).toEqual({ dateTime: '2026-12-07T14:15:00.000Z' });
		expect(toTestScheduleBody({}, now)).toEqual({ dateTime: '2026-12-07T14:15:00.000Z' });
	});

	it('maps a given schedule exactly as Update does', () => {
		const body = toTestScheduleBody({ scheduleSource: 'given', schedule: uiSchedule, dateTime: '2026-12-07T09:15' }, now);
		expect(body.schedule).toEqual(toPatchBody({ schedule: uiSchedule }).body.schedule);
		expect(body.schedule).toMatchObject({ rules: [{ byDay: [{ dayOfWeek: 'Monday' }, { dayOfWeek: 'Tuesday' }, { dayOfWeek: 'Wednesday' }, { dayOfWeek: 'Thursday' }, { dayOfWeek: 'Friday' }] }] });
	});

	it.each([
		['2026-12-07'],
		['2026-12-07T09:15'],
		['2026-12-07 09:15:30'],
		['2026-12-07T09:15:30.123Z'],
		['2026-12-07T09:15:30+09:00'],
		['2024-02-29T00:00-0500'],
	])('accepts %s', (text) => {
		expect(toTestMoment(text, now)).toBe(text);
	});

	it.each([
		['25:00', 'not a date at all'],
		['2026-12-07T25:00', 'hour 25'],
		['2026-12-07T09:60', 'minute 60'],
		['2026-02-29T09:00', 'a day February 2026 lacks'],
		['2026-13-01', 'month 13'],
		['next monday', 'words'],
		['2026-12-07T09:15+25:00', 'an offset past 18 hours'],
	])('refuses %s (%s), naming the field and the value', (text) => {
		expect(() => toTestMoment(text, now)).toThrow(`Date and Time (dateTime) must be a date and time as ISO 8601`);
		expect(() => toTestMoment(text, now)).toThrow(JSON.stringify(text));
	});

	it('takes a Date or a Luxon DateTime from an expression, and refuses invalid ones', () => {
		expect(toTestMoment(new Date(NOW), now)).toBe('2026-12-07T14:15:00.000Z');
		expect(toTestMoment({ isValid: true, toISO: () => '2026-12-07T09:15:00.000-05:00' }, now)).toBe('2026-12-07T09:15:00.000-05:00');
		expect(() => toTestMoment(new Date(NaN), now)).toThrow('Date and Time (dateTime)');
		expect(() => toTestMoment({ isValid: false, toISO: () => null }, now)).toThrow('Date and Time (dateTime)');
		expect(() => toTestMoment(12, now)).toThrow('not 12');
	});

	it('refuses a given schedule that is empty or holds a time that is not a time', () => {
		expect(() => toTestScheduleBody({ scheduleSource: 'given', schedule: {} }, now)).toThrow('Schedule (schedule) is empty');
		const bad = { rules: { rule: [{ name: 'Open', state: 'Open', fields: { startTime: '9 o clock' } }] } };
		expect(() => toTestScheduleBody({ scheduleSource: 'given', schedule: bad }, now)).toThrow(
			'Schedule › Rule › Start Time (schedule.rules[0].startTime) must be a time as HH:mm',
		);
	});

	it('outputs the state, the zone, the moment tested and the customer', () => {
		const body = { dateTime: '2026-12-07T09:15' };
		expect(toTestScheduleOutput({ stateName: 'Open', timeZoneId: 'UTC' }, body, { id: 'cus-1', referenceId: 'crm-1' })).toEqual({
			stateName: 'Open',
			timeZoneId: 'UTC',
			dateTime: '2026-12-07T09:15',
			schedule: 'saved',
			customerId: 'cus-1',
			referenceId: 'crm-1',
		});
	});
});

describe('Test Schedule bodies against the sandbox evaluator', () => {
	const sandbox = useSandbox();
	const test = async (parameters: Parameters<typeof toTestScheduleBody>[0]) =>
		(await call(sandbox(), 'POST', '/customers/cus-acme/test-schedule', { body: toTestScheduleBody(parameters, now) })).json;

	it("reads the saved schedule in the customer's zone, not the server's", async () => {
		// NOW is 14:15 UTC: 09:15 on a Monday in New York, where Acme is open from 08:00.
		expect(await test({ scheduleSource: 'saved' })).toEqual({ stateName: 'Business Hours', timeZoneId: 'America/New_York' });
		expect(await test({ scheduleSource: 'saved', dateTime: '2026-12-07T07:59' })).toEqual({ stateName: 'After Hours', timeZoneId: 'America/New_York' });
		expect(await test({ scheduleSource: 'saved', dateTime: '2026-12-25T12:00' })).toMatchObject({ stateName: 'Holiday' });
	});

	it('tests a schedule given in the node without saving it', async () => {
		// 09:15 Monday in New York is 23:15 Monday in Tokyo: closed there.
		expect(await test({ scheduleSource: 'given', schedule: uiSchedule })).toEqual({ stateName: 'Closed', timeZoneId: 'Asia/Tokyo' });
		expect(await test({ scheduleSource: 'given', schedule: uiSchedule, dateTime: '2026-12-08T10:00+09:00' })).toMatchObject({ stateName: 'Open' });
		expect(sandbox().state.customers['cus-acme'].schedule?.timeZoneId).toBe('America/New_York');
	});
});

