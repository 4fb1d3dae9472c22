/**
 * The trigger as a person meets it: added from the node creator to an empty workflow, Fetch Test
 * Event run in the NDV and the event read in the output panel; with no matching event, the error
 * says what to do. Nothing of the trigger's state is written by either.
 */
import type { Checks } from './checks';
import { Editor } from './editor';
import type { Scenario, World } from './scenarios';

async function control(world: World, route: string, body: unknown): Promise<Record<string, string[]>> {
	const answer = await fetch(`${world.sandboxUrl}/__sandbox/${route}`, {
		method: 'POST',
		headers: { 'content-type': 'application/json' },
		body: JSON.stringify(body),
	});
	return (await answer.json()) as Record<string, string[]>;
}

async function sessionReads(world: World): Promise<number> {
	const counters = (await (await fetch(`${world.sandboxUrl}/__sandbox/counters`)).json()) as { byRoute?: Record<string, number> };
	return counters.byRoute?.['GET /sessions'] ?? 0;
}

export const triggerScenario: Scenario = {
	name: 'trigger: add Evo Voice Trigger from the node creator, Fetch Test Event, read the call in the output',
	async run(world: World, checks: Checks) {
		const editor = new Editor(world.page);
		const page = world.page;
		const [ended] = (await control(world, 'events', { sessions: { count: 1, customerIds: ['cus-acme'], channels: ['Voice'] } })).sessions;

		await editor.newWorkflow();
		await editor.openNodeCreator();
		await editor.searchNodeCreator('Evo Voice');
		const item = editor.nodeCreatorItems().filter({ hasText: 'Evo Voice' }).first();
		await item.waitFor();
		await checks.screenshot('trigger-node-creator');
		await item.click();
		const panel = page.getByTestId('node-creator');
		// An empty workflow's node creator lists the app's triggers first, one per event ("On …" from the Event options).
		const entry = panel.getByText('On call message or fax ended', { exact: true }).first();
		await entry.waitFor();
		const listed = await panel.innerText();
		for (const trigger of ['On call message or fax ended', 'On customer created', 'On customer updated', 'On notification']) {
			checks.contains(`trigger "${trigger}" listed`, listed, trigger);
		}
		await entry.click();
		await editor.ndv().waitFor();
		await checks.screenshot('trigger-ndv');

		const button = editor.ndv().getByTestId('node-execute-button');
		checks.contains('the NDV offers "Fetch Test Event"', await button.innerText(), 'Fetch Test Event');
		const event = editor.parameter('event');
		checks.contains('the event defaults to calls, messages and faxes ended', await event.locator('input').first().inputValue(), 'Call, Message or Fax Ended');
		await editor.execute();
		const output = await editor.outputText();
		checks.contains('the output shows the call that just ended', output, ended);
		checks.contains('the output shows its customer (Simplify)', output, 'Acme Dental');
		checks.contains('the output shows its length (Simplify)', output, 'durationSeconds');
		await checks.screenshot('trigger-fetch-test-event');

		// No notification in the last 7 days: the error says what to do.
		await editor.openSelect(event);
		await editor.pickOption('Notification');
		const before = await sessionReads(world);
		await editor.execute();
		const error = await editor.outputText();
		checks.contains('no event: the error says what to do', error, 'No notification was sent in the last 7 days that matches this trigger');
		checks.contains('no event: the error names the button', error, 'Fetch Test Event');
		checks.equal('the notification trigger read no sessions', (await sessionReads(world)) - before, 0);
		await checks.screenshot('trigger-no-event');
		// A trigger's NDV has no "back to canvas" link; Escape closes any NDV.
		await page.keyboard.press('Escape');
	},
};
