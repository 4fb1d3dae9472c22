/**
 * End-to-end step: the Evo Voice Trigger in an ACTIVE workflow of real n8n, the sandbox making
 * sessions end in bursts, and n8n stopped and started in the middle. Every event must arrive exactly
 * once (counted over n8n's own executions), at most Max Events per Poll per execution, and in
 * order per customer.
 *
 * Poll times: n8n refuses anything more often than once a minute in one poll time (2.x refuses any
 * seconds field that is not one fixed number; 1.x any with a `*`), but takes several poll times.
 * Three custom crons at seconds 0, 20 and 40 (each minute-granular on its own) poll every 20 s.
 */
import { randomUUID } from 'crypto';

import { say } from '../checks';
import { OWNER } from '../../../scripts/n8n/project';
import { sleep } from '../../../scripts/n8n/processes';
import { N8nRest } from '../../../scripts/n8n/rest';
import { nodeOutput } from '../../../scripts/n8n/run-data';
import { startServer } from '../../../scripts/n8n/server';
import { SANDBOX_CREDENTIAL } from './reference-ids';
import type { ServerContext, Step } from './types';

const TRIGGER = 'Evo Voice Trigger';
const MAX_EVENTS = 40;
const CUSTOMERS = ['cus-acme', 'cus-acme-north', 'cus-acme-south', 'cus-bluebird', 'cus-cedar-1', 'cus-cedar-2'];
const SESSIONS = 'GET /sessions';

export function triggerWorkflow() {
	return {
		name: 'E2E: every ended session once (Evo Voice Trigger)',
		nodes: [
			{
				id: randomUUID(),
				name: TRIGGER,
				type: 'n8n-nodes-evovoice.evoVoiceTrigger',
				typeVersion: 1,
				position: [0, 0],
				parameters: {
					event: 'sessionEnded',
					pollTimes: { item: [0, 20, 40].map((second) => ({ mode: 'custom', cronExpression: `${second} * * * * *` })) },
					options: { maxEvents: MAX_EVENTS },
				},
				credentials: { evoVoiceApi: SANDBOX_CREDENTIAL },
			},
			{ id: randomUUID(), name: 'Log', type: 'n8n-nodes-base.noOp', typeVersion: 1, position: [300, 0], parameters: {} },
		],
		connections: { [TRIGGER]: { main: [[{ node: 'Log', type: 'main', index: 0 }]] } },
		settings: { executionOrder: 'v1' },
		active: false,
	};
}

interface Delivery {
	execution: number;
	items: Array<Record<string, unknown>>;
}

/** Every execution of the workflow and the items its trigger delivered, oldest execution first. */
async function deliveries(rest: N8nRest, workflowId: string): Promise<Delivery[]> {
	const executions = await rest.allExecutions([workflowId]);
	const out: Delivery[] = [];
	for (const { id, finished, status } of executions) {
		if (!finished && status !== 'success') continue;
		out.push({ execution: Number(id), items: nodeOutput((await rest.getExecution(id)).run, TRIGGER) });
	}
	return out.sort((a, b) => a.execution - b.execution);
}

async function until<T>(timeoutMs: number, read: () => Promise<T>, done: (value: T) => boolean): Promise<T> {
	const deadline = Date.now() + timeoutMs;
	for (;;) {
		const value = await read();
		if (done(value) || Date.now() > deadline) return value;
		await sleep(1_000);
	}
}

async function checkTrigger(ctx: ServerContext): Promise<void> {
	const { checks, sandbox: sb } = ctx;
	const { id: workflowId } = await ctx.rest.call<{ id: string }>('POST', '/rest/workflows', triggerWorkflow());
	await ctx.rest.activateWorkflow(workflowId);
	// Activation polled once, from now; the bursts date their events up to a few ms before they happen.
	await sleep(2_000);
	const count = (all: Delivery[]) => all.reduce((n, d) => n + d.items.length, 0);
	const burst = (n: number) => sb.events.burst({ sessions: { count: n, customerIds: CUSTOMERS }, spacingMs: 5 }).sessions;

	const a = burst(60);
	say(`    ${a.length} sessions ended; waiting for a poll`);
	const beforeStop = await until(45_000, () => deliveries(ctx.rest, workflowId), (all) => count(all) > 0);
	checks.ok('trigger: a poll delivered the first burst\'s oldest events', count(beforeStop) === MAX_EVENTS, () => `${count(beforeStop)} items`);

	const b = burst(50);
	say(`    ${b.length} more ended; stopping n8n`);
	await ctx.server.stop();
	const c = burst(40);
	say(`    ${c.length} ended while n8n was down; starting it again`);
	ctx.server = await startServer(ctx.instance);
	ctx.rest = new N8nRest(ctx.server.baseUrl);
	await ctx.rest.login(OWNER);

	const all = [...a, ...b, ...c];
	let final = await until(150_000, () => deliveries(ctx.rest, workflowId), (d) => count(d) >= all.length);
	// One more whole poll after the last delivery: it must deliver nothing.
	const polls = sb.counters().byRoute[SESSIONS] ?? 0;
	await until(45_000, async () => sb.counters().byRoute[SESSIONS] ?? 0, (n) => n >= polls + 2);
	await sleep(2_000);
	final = await deliveries(ctx.rest, workflowId);
	await ctx.rest.deactivateWorkflow(workflowId).catch(() => undefined);

	const got = final.flatMap((d) => d.items.map((item) => String(item.id)));
	say(`    ${final.length} executions: ${final.map((d) => d.items.length).join(', ')} items; ${sb.counters().byRoute[SESSIONS]} GET /sessions in all`);
	checks.workflows += final.length;
	checks.items += got.length;
	checks.equal('trigger: every ended session delivered', got.length, all.length);
	checks.equal('trigger: no session delivered twice', new Set(got).size, got.length);
	checks.equal('trigger: exactly the sessions that ended', [...got].sort(), [...all].sort());
	checks.ok(`trigger: at most ${MAX_EVENTS} events per execution`, final.every((d) => d.items.length <= MAX_EVENTS), () => final.map((d) => d.items.length).join(', '));
	for (const customer of CUSTOMERS) {
		const dates = final.flatMap((d) => d.items.filter((item) => item.customerId === customer).map((item) => String(item.dateCompleted)));
		checks.ok(`trigger: ${customer}'s sessions in the order they ended`, dates.every((date, i) => i === 0 || dates[i - 1] <= date), () => dates.join(' '));
	}
}

export const triggerStep: Step = {
	name: 'Evo Voice Trigger in an active workflow: bursts of ended sessions, n8n restarted in the middle, each delivered once',
	needsServer: true,
	run: checkTrigger,
};
