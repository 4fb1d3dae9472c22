import type { IDataObject } from 'n8n-workflow';

import { InputError } from '../inputError';
import { problems } from '../messages';
import { scheduleSchema } from '../schemas';
import { validate } from '../validate';
import { toSchedule } from './schedule';

/**
 * The body of `POST /customers/{id}/test-schedule`: `{ dateTime, schedule? }`. Without a schedule
 * the API tests the customer's saved one. The moment is always sent, so that the output can say
 * which moment was tested (the API's answer does not).
 */

export type ScheduleSource = 'saved' | 'given';

export interface TestScheduleParameters {
	scheduleSource?: ScheduleSource | string;
	schedule?: unknown;
	dateTime?: unknown;
}

const ISO = /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(\.\d{1,9})?)?)?(Z|[+-]\d{2}:?\d{2})?$/i;

const daysIn = (year: number, month: number) => new Date(Date.UTC(year, month, 0)).getUTCDate();

/** A date-time the API can read, as ISO 8601 text; a Date or Luxon DateTime from an expression too. */
export function toTestMoment(value: unknown, now: () => number = Date.now): string {
	if (value === undefined || value === null || (typeof value === 'string' && value.trim() === '')) {
		return new Date(now()).toISOString();
	}
	const bad = () => new InputError({ label: 'Date and Time', path: 'dateTime', problem: problems.notDateTime(value) });
	if (value instanceof Date) {
		if (Number.isNaN(value.getTime())) throw bad();
		return value.toISOString();
	}
	// A Luxon DateTime ($now, DateTime.fromISO(...)) arrives as is from some n8n versions.
	const luxon = value as { isValid?: boolean; toISO?: () => string | null };
	if (typeof value === 'object' && typeof luxon.toISO === 'function') {
		const text = luxon.isValid === false ? null : luxon.toISO();
		if (!text) throw bad();
		return text;
	}
	if (typeof value !== 'string') throw bad();
	const text = value.trim();
	const match = ISO.exec(text);
	if (!match) throw bad();
	const [year, month, day, hour, minute, second] = [1, 2, 3, 4, 5, 6].map((i) => Number(match[i] ?? 0));
	const offset = match[8] && !/^z$/i.test(match[8]) ? /^[+-](\d{2}):?(\d{2})$/.exec(match[8]) : null;
	const offsetOk = !offset || (Number(offset[1]) <= 18 && Number(offset[2]) <= 59);
	if (month < 1 || month > 12 || day < 1 || day > daysIn(year, month) || hour > 23 || minute > 59 || second > 59 || !offsetOk) {
		throw bad();
	}
	return text;
}

export function toTestScheduleBody(parameters: TestScheduleParameters, now: () => number = Date.now): IDataObject {
	const body: IDataObject = { dateTime: toTestMoment(parameters.dateTime, now) };
	if (parameters.scheduleSource !== 'given') return body;
	const schedule = toSchedule(parameters.schedule);
	if (!schedule) {
		throw new InputError({ label: 'Schedule', path: 'schedule', problem: problems.emptySchedule() });
	}
	const [problem] = validate(scheduleSchema, schedule, 'schedule');
	if (problem) throw new InputError(problem);
	body.schedule = schedule;
	return body;
}

/** One output item: the state, the zone it was read in, the moment tested and the customer. */
export function toTestScheduleOutput(
	answer: IDataObject,
	body: IDataObject,
	customer: { id: string; referenceId?: string },
): IDataObject {
	return {
		stateName: answer.stateName ?? null,
		timeZoneId: answer.timeZoneId ?? null,
		dateTime: body.dateTime,
		schedule: body.schedule ? 'given' : 'saved',
		customerId: customer.id,
		...(customer.referenceId !== undefined ? { referenceId: customer.referenceId } : {}),
	};
}
