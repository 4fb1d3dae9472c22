import type { IDataObject } from 'n8n-workflow';

import { DAY_CODES, DAYS_OF_WEEK, RULE_INT_LISTS } from '../fields';
import { InputError, parseJsonParameter } from '../inputError';
import { messages, problems } from '../messages';
import { toStruct } from './data';

export interface ScheduleDay {
	offset?: number;
	dayOfWeek: string;
}

export type SchedulingRule = Record<string, unknown>;

/** The shape n8n stores for one entry of Schedule › Rules. */
export interface RuleParameters {
	name?: string;
	state?: string;
	simpleRuleType?: string;
	fields?: Record<string, unknown>;
}

const DAY_TOKEN = /^([+-]?\d+)?\s*([A-Za-z]+)$/;

/** Reads "MO, -1FR, 2 Tuesday" (or a list of {offset, dayOfWeek}) into ScheduleDay objects. */
export function parseByDay(value: unknown, path: string): ScheduleDay[] {
	if (Array.isArray(value)) return value as ScheduleDay[];
	if (typeof value !== 'string') {
		throw new InputError({ label: 'Schedule › Rule › By Day', path, problem: problems.notList(value) });
	}
	return splitList(value).map((token) => {
		const match = DAY_TOKEN.exec(token);
		const name = match?.[2] ?? '';
		const dayOfWeek =
			DAY_CODES[name.toUpperCase()] ??
			DAYS_OF_WEEK.find((day) => day.toLowerCase() === name.toLowerCase());
		if (!match || !dayOfWeek) {
			throw new InputError({ label: 'Schedule › Rule › By Day', path, problem: problems.badDay(token) });
		}
		return match[1] === undefined ? { dayOfWeek } : { offset: Number(match[1]), dayOfWeek };
	});
}

/** Reads "1, 15, -1" (or a list of numbers) into numbers; range checks are the validator's job. */
export function parseIntList(value: unknown, label: string, path: string): unknown[] {
	if (Array.isArray(value)) return value;
	if (typeof value === 'number') return [value];
	if (typeof value !== 'string') throw new InputError({ label, path, problem: problems.notList(value) });
	return splitList(value).map((token, i) => {
		if (!/^[+-]?\d+$/.test(token)) {
			throw new InputError({ label, path: `${path}[${i}]`, problem: problems.notInteger(Number(token)).replace('NaN', JSON.stringify(token)) });
		}
		return Number(token);
	});
}

function splitList(text: string): string[] {
	return text
		.split(/[,;]/)
		.map((token) => token.trim())
		.filter((token) => token !== '');
}

const LIST_FIELDS = new Map<string, string>(RULE_INT_LISTS.map((list) => [list.name, list.displayName]));
const BLANK_MEANS_UNSET = new Set(['name', 'state', 'customerState', 'flowId', 'id', 'source', 'condition', 'startDate', 'startTime', 'endTime', 'untilDate']);

/** Maps the rule entries of the UI to the API's SchedulingRule objects, keeping only what is set. */
export function toSchedulingRules(entries: RuleParameters[], basePath = 'schedule.rules'): SchedulingRule[] {
	return entries.map((entry, index) => {
		const path = `${basePath}[${index}]`;
		const rule: SchedulingRule = {};
		const all: Record<string, unknown> = {
			name: entry.name,
			state: entry.state,
			simpleRuleType: entry.simpleRuleType,
			...(entry.fields ?? {}),
		};
		for (const [key, value] of Object.entries(all)) {
			if (value === undefined || value === null) continue;
			if (BLANK_MEANS_UNSET.has(key) && typeof value === 'string' && value.trim() === '') continue;
			if (key === 'byDay') {
				const days = parseByDay(value, `${path}.byDay`);
				if (days.length) rule.byDay = days;
			} else if (LIST_FIELDS.has(key)) {
				const list = parseIntList(value, `Schedule › Rule › ${LIST_FIELDS.get(key)}`, `${path}.${key}`);
				if (list.length) rule[key] = list;
			} else if (key === 'flowParams') {
				const parsed = parseJsonParameter(value, 'Schedule › Rule › Flow Parameters', `${path}.flowParams`);
				if (parsed !== undefined) rule.flowParams = toStruct(parsed, 'Schedule › Rule › Flow Parameters', `${path}.flowParams`);
			} else {
				rule[key] = value;
			}
		}
		return rule;
	});
}

/** The Schedule collection of the UI as the API's Schedule, or nothing when it holds nothing. */
export function toSchedule(value: unknown): IDataObject | undefined {
	if (typeof value !== 'object' || value === null || Array.isArray(value)) return undefined;
	const { rules, clearRules, ...rest } = value as IDataObject & { rules?: { rule?: RuleParameters[] }; clearRules?: boolean };
	const schedule: IDataObject = { ...rest };
	// An empty Rules list is dropped; "Remove All Rules" is the explicit way to clear them.
	if (clearRules === true && rules?.rule?.length) throw new Error(messages.conflictingClear('Schedule › Rules', 'Schedule › Remove All Rules'));
	if (clearRules === true) schedule.rules = [];
	else if (rules?.rule?.length) schedule.rules = toSchedulingRules(rules.rule);
	return Object.keys(schedule).length ? schedule : undefined;
}
