/**
 * End-to-end step: the Customer operation Test Schedule in real n8n, through production webhooks:
 * with the customer's saved schedule, with a schedule given in the node (in a time zone that is
 * neither the server's nor the customer's), and with a date-time that is not one, which must be
 * refused before any request. Also: the AI Agent tool variant offers Test Schedule.
 */
import { say } from '../checks';
import { sleep } from '../../../scripts/n8n/processes';
import { postWebhook } from '../../../scripts/n8n/server';
import { webhookWorkflow, type Credential } from '../fixtures';
import { failedExecutionMessage, SANDBOX_CREDENTIAL } from './reference-ids';
import type { ServerContext, Step } from './types';

const SAVED_PATH = 'evovoice-test-schedule-saved';
const GIVEN_PATH = 'evovoice-test-schedule-given';
const ROUTE = 'POST /customers/:id/test-schedule';

/** Open 09:00–17:00 on weekdays in Tokyo, as the node's Schedule collection holds it. */
const TOKYO_HOURS = {
	timeZoneId: 'Asia/Tokyo',
	defaultState: 'Closed',
	rules: {
		rule: [{ name: 'Open', state: 'Open', simpleRuleType: 'Time', fields: { byDay: 'MO, TU, WE, TH, FR', startTime: '09:00', endTime: '17:00' } }],
	},
};

const testScheduleWorkflow = (name: string, path: string, parameters: Record<string, unknown>, credential: Credential) =>
	webhookWorkflow({
		name,
		path,
		credential,
		parameters: {
			resource: 'customer',
			operation: 'testSchedule',
			customerId: { __rl: true, mode: 'id', value: '={{ $json.body.customerId }}' },
			dateTime: '={{ $json.body.at }}',
			...parameters,
		},
	});

async function checkTestSchedule({ checks, sandbox: sb, rest, server }: ServerContext): Promise<void> {
	const ids: string[] = [];
	try {
		for (const [name, path, parameters] of [
			['e2e: test the saved schedule', SAVED_PATH, { scheduleSource: 'saved' }],
			['e2e: test a schedule given in the node', GIVEN_PATH, { scheduleSource: 'given', schedule: TOKYO_HOURS }],
		] as const) {
			const { id } = await rest.call<{ id: string }>('POST', '/rest/workflows', testScheduleWorkflow(name, path, parameters, SANDBOX_CREDENTIAL));
			ids.push(id);
			await rest.activateWorkflow(id);
		}
		const savedSchedule = JSON.stringify(sb.state.customers['cus-acme'].schedule);
		const ask = async (path: string, at: string) => {
			const before = sb.counters().byRoute[ROUTE] ?? 0;
			let response = await postWebhook(server, path, { customerId: 'cus-acme', at });
			for (let attempt = 0; response.status === 404 && attempt < 20; attempt++) {
				await sleep(500);
				response = await postWebhook(server, path, { customerId: 'cus-acme', at });
			}
			const sent = (sb.counters().byRoute[ROUTE] ?? 0) - before;
			say(`    ${path} at ${JSON.stringify(at)} → HTTP ${response.status} ${response.text.slice(0, 200)}`);
			return { status: response.status, body: response.body as Record<string, unknown>, sent };
		};

		// Acme's saved schedule: weekdays 08:00–17:30 in New York. 12:30 UTC on a Monday is 07:30 there.
		const cases = [
			[SAVED_PATH, '2026-12-07T09:15', 'Business Hours', 'America/New_York', 'wall time in the customer\'s zone'],
			[SAVED_PATH, '2026-12-07T12:30:00Z', 'After Hours', 'America/New_York', 'an instant, read in the customer\'s zone, not the server\'s'],
			[GIVEN_PATH, '2026-12-07T14:15:00Z', 'Closed', 'Asia/Tokyo', 'a given schedule: 23:15 in Tokyo'],
			[GIVEN_PATH, '2026-12-08T10:00:00+09:00', 'Open', 'Asia/Tokyo', 'a given schedule with an offset'],
		] as const;
		for (const [path, at, state, zone, label] of cases) {
			const answer = await ask(path, at);
			checks.equal(`test schedule (${label}): state and zone`, [answer.status, answer.body?.stateName, answer.body?.timeZoneId], [200, state, zone]);
			checks.equal(`test schedule (${label}): the moment tested and the customer`, [answer.body?.dateTime, answer.body?.customerId], [at, 'cus-acme']);
			checks.equal(`test schedule (${label}): one request`, answer.sent, 1);
		}
		const now = await ask(SAVED_PATH, '');
		const tested = Date.parse(String(now.body?.dateTime));
		checks.ok('test schedule: without a date-time it tests now', Math.abs(tested - Date.now()) < 120_000, () => JSON.stringify(now.body));
		checks.ok('test schedule: the saved schedule is unchanged', JSON.stringify(sb.state.customers['cus-acme'].schedule) === savedSchedule);

		const known = new Set((await rest.listExecutions(ids[0], 50)).map((e) => e.id));
		const bad = await ask(SAVED_PATH, '2026-12-07T25:00');
		checks.ok('test schedule: a time that is not a time fails', bad.status >= 400, () => `HTTP ${bad.status}`);
		checks.equal('test schedule: a time that is not a time sends no request', bad.sent, 0);
		const message = await failedExecutionMessage(rest, ids[0], known);
		checks.ok('test schedule: the error names the field and the value', message.includes('Date and Time') && message.includes('2026-12-07T25:00'), () => message);
	} finally {
		for (const id of ids) await rest.deactivateWorkflow(id).catch(() => undefined);
	}
}

/** The AI Agent tool variant of the node offers Test Schedule among its customer operations. */
async function checkToolOffersTestSchedule(ctx: ServerContext): Promise<void> {
	const types = await ctx.rest.request<Array<{ name: string; properties?: Array<{ name: string; options?: Array<{ value?: unknown }> }> }>>('GET', '/types/nodes.json');
	const tool = Array.isArray(types.body) ? types.body.find((t) => t.name === 'n8n-nodes-evovoice.evoVoiceTool') : undefined;
	const operations = (tool?.properties ?? []).filter((p) => p.name === 'operation').flatMap((p) => (p.options ?? []).map((o) => o.value));
	ctx.checks.ok('the AI Agent tool variant offers Test Schedule', operations.includes('testSchedule'), () => `operations: ${operations.join(', ')}`);
}

export const testScheduleStep: Step = {
	name: 'Test Schedule through production webhooks, and in the AI Agent tool',
	needsServer: true,
	async run(ctx) {
		await checkTestSchedule(ctx);
		await checkToolOffersTestSchedule(ctx);
	},
};
