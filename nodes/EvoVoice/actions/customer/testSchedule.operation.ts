import type { IDataObject, INodeProperties } from 'n8n-workflow';

import { scheduleField } from '../../descriptions/schedule';
import type { Operation } from '../../executor/types';
import { toTestScheduleBody, toTestScheduleOutput } from '../../model/mappers/testSchedule';
import { CUSTOMER, entityTarget } from '../shared/entity';

const show = { resource: ['customer'], operation: ['testSchedule'] };

/** The schedule fields are Update's, written once: a schedule can be tested exactly as it will be written. */
export const description: INodeProperties[] = [
	{
		displayName: 'Schedule to Test',
		name: 'scheduleSource',
		type: 'options',
		options: [
			{ name: 'Saved Schedule', value: 'saved', description: "The customer's schedule as saved in Evo Voice" },
			{ name: 'Schedule Below', value: 'given', description: 'The schedule given here, with the same fields as Update. Nothing is saved.' },
		],
		default: 'saved',
		displayOptions: { show },
	},
	{ ...scheduleField(), displayOptions: { show: { ...show, scheduleSource: ['given'] } } },
	{
		displayName: 'Date and Time',
		name: 'dateTime',
		type: 'dateTime',
		default: '',
		description:
			"The moment to test; empty means now. Add Z or an offset (e.g. +01:00) for an exact instant; without one, the sandbox reads it in the schedule's time zone.",
		displayOptions: { show },
	},
];

/** POST /customers/{id}/test-schedule changes nothing: a read, whose answer gets the moment and the customer added. */
export const operation: Operation = {
	plan(_context, i, parameters) {
		const target = entityTarget(parameters, i, CUSTOMER);
		const scheduleSource = parameters.read<string>('scheduleSource', i, 'Schedule to Test', 'saved');
		const body = toTestScheduleBody({
			scheduleSource,
			schedule: scheduleSource === 'given' ? parameters.read<IDataObject>('schedule', i, 'Schedule', {}) : undefined,
			dateTime: parameters.read('dateTime', i, 'Date and Time', ''),
		});
		return { kind: 'read', method: 'POST', target, subPath: '/test-schedule', body };
	},
	output: (_context, _i, records, plan, entity) => [
		toTestScheduleOutput(records[0] ?? {}, plan.body ?? {}, { id: entity?.id ?? '', referenceId: plan.target?.referenceId }),
	],
};
