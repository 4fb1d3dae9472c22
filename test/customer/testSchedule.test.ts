// Customer › Test Schedule through n8n's own engine against the sandbox's evaluator.
import type { INodeParameters } from 'n8n-workflow';

import type { Sandbox } from '../../sandbox';
import { runNode } from '../harness';
import { asAdmin } from '../fixtures/sandbox';
import { useSandbox } from '../sandbox/helpers';

const sandbox = useSandbox();
const admin = (sb: Sandbox) => asAdmin(sb);
const ROUTE = 'POST /customers/:id/test-schedule';

const TOKYO_HOURS = {
	timeZoneId: 'Asia/Tokyo',
	defaultState: 'Closed',
	rules: { rule: [{ name: 'Open', state: 'Open', simpleRuleType: 'Time', fields: { byDay: 'MO, TU, WE, TH, FR', startTime: '09:00', endTime: '17:00' } }] },
};

const testSchedule = (extra: INodeParameters, customerId: INodeParameters['customerId'] = { __rl: true, mode: 'id', value: 'cus-acme' }): INodeParameters => ({
	resource: 'customer',
	operation: 'testSchedule',
	customerId,
	...extra,
});

async function run(sb: Sandbox, parameters: INodeParameters, items?: object[]) {
	const before = sb.counters().byRoute[ROUTE] ?? 0;
	const result = await runNode({ parameters, credentials: admin(sb), items: items as never, continueOnFail: true });
	return { ...result, sent: (sb.counters().byRoute[ROUTE] ?? 0) - before };
}

describe('Test Schedule (n8n engine, sandbox)', () => {
	it("tests the saved schedule in the customer's zone, not the server's", async () => {
		const sb = sandbox();
		// 12:30 UTC on Monday 7 December 2026 is 07:30 in New York: before Acme opens at 08:00.
		const { items, sent } = await run(sb, testSchedule({ scheduleSource: 'saved', dateTime: '2026-12-07T12:30:00Z' }));
		expect(items.map((i) => i.json)).toEqual([
			{ stateName: 'After Hours', timeZoneId: 'America/New_York', dateTime: '2026-12-07T12:30:00Z', schedule: 'saved', customerId: 'cus-acme' },
		]);
		expect(sent).toBe(1);
		expect(sb.log.find((e) => e.route === ROUTE)?.body).toEqual({ dateTime: '2026-12-07T12:30:00Z' });
	});

	it('tests a schedule given in the node, mapped as Update maps it, and saves nothing', async () => {
		const sb = sandbox();
		const saved = JSON.stringify(sb.state.customers['cus-acme'].schedule);
		const items = [{ at: '2026-12-07T14:15:00Z' }, { at: '2026-12-08T10:00:00+09:00' }];
		const result = await run(sb, testSchedule({ scheduleSource: 'given', schedule: TOKYO_HOURS, dateTime: '={{ $json.at }}' }), items);
		expect(result.items.map((i) => [i.json.stateName, i.json.timeZoneId, i.json.dateTime, i.json.schedule, i.pairedItem])).toEqual([
			['Closed', 'Asia/Tokyo', '2026-12-07T14:15:00Z', 'given', { item: 0 }],
			['Open', 'Asia/Tokyo', '2026-12-08T10:00:00+09:00', 'given', { item: 1 }],
		]);
		const sentBody = sb.log.find((e) => e.route === ROUTE)?.body as { schedule: { rules: Array<{ byDay: unknown }> } };
		expect(sentBody.schedule.rules[0].byDay).toEqual(['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday'].map((dayOfWeek) => ({ dayOfWeek })));
		expect(JSON.stringify(sb.state.customers['cus-acme'].schedule)).toBe(saved);
	});

	it('tests now when no date and time is given', async () => {
		const sb = sandbox();
		const { items } = await run(sb, testSchedule({ scheduleSource: 'saved' }));
		expect(Math.abs(Date.parse(String(items[0].json.dateTime)) - Date.now())).toBeLessThan(60_000);
		expect(items[0].json.timeZoneId).toBe('America/New_York');
	});

	it('finds the customer by reference ID and says so in the output', async () => {
		const sb = sandbox();
		const { items } = await run(sb, testSchedule({ scheduleSource: 'saved', dateTime: '2026-12-25T12:00' }, { __rl: true, mode: 'referenceId', value: 'crm-1001' }));
		expect(items[0].json).toMatchObject({ stateName: 'Holiday', customerId: 'cus-acme', referenceId: 'crm-1001' });
	});

	it('refuses a time that is not a time before any request, naming the field and the value', async () => {
		const sb = sandbox();
		const items = [{ at: '2026-12-07T09:15' }, { at: '2026-12-07T25:00' }];
		const total = sb.counters().total;
		const result = await runNode({ parameters: testSchedule({ scheduleSource: 'saved', dateTime: '={{ $json.at }}' }), credentials: admin(sb), items: items as never });
		expect(result.error?.message).toContain('Date and Time (dateTime) must be a date and time as ISO 8601');
		expect(result.error?.message).toContain('"2026-12-07T25:00"');
		expect(sb.counters().total).toBe(total);

		const badRule = { rules: { rule: [{ name: 'Open', state: 'Open', fields: { startTime: '25:99' } }] } };
		const rule = await runNode({ parameters: testSchedule({ scheduleSource: 'given', schedule: badRule }), credentials: admin(sb) });
		expect(rule.error?.message).toContain('Schedule › Rule › Start Time (schedule.rules[0].startTime) must be a time as HH:mm');
		expect(sb.counters().total).toBe(total);
	});
});
