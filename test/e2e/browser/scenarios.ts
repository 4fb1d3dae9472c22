import { execFile } from 'child_process';
import { promisify } from 'util';

import type { Page } from 'playwright-core';

import { SANDBOX_CREDENTIALS } from '../../../sandbox';
import { EXAMPLES } from '../../../scripts/n8n/project';
import { freePort } from '../../../scripts/n8n/processes';
import type { N8nRest } from '../../../scripts/n8n/rest';
import { curlCommand, SAMPLE_CONTACT, SAMPLE_CUSTOMER_ID } from '../../../scripts/n8n/webhookExample';
import type { Checks } from './checks';
import { Editor } from './editor';
import { triggerScenario } from './trigger';

/** What a scenario needs: the page, n8n's URL and REST client, and the sandbox's URL. */
export interface World {
	page: Page;
	baseUrl: string;
	sandboxUrl: string;
	rest: N8nRest;
}

export interface Scenario {
	name: string;
	run(world: World, checks: Checks): Promise<void>;
}

interface SandboxCustomer {
	name: string;
	referenceId?: string;
	tags?: Array<{ id: string }>;
	data?: Record<string, { stringValue?: string }>;
	billingSettings?: Record<string, Record<string, number>>;
	schedule?: { rules?: Array<{ name?: string; state?: string; startTime?: string }> };
}

/** The sandbox as the API would answer it, read over its control endpoints. */
async function sandboxState(world: World): Promise<{ customers: Record<string, SandboxCustomer> }> {
	return (await (await fetch(`${world.sandboxUrl}/__sandbox/state`)).json()) as { customers: Record<string, SandboxCustomer> };
}

async function writes(world: World): Promise<number> {
	const counters = (await (await fetch(`${world.sandboxUrl}/__sandbox/counters`)).json()) as { byRoute?: Record<string, number> };
	return Object.entries(counters.byRoute ?? {}).reduce((n, [route, count]) => (/^(PATCH|POST|DELETE) /.test(route) ? n + count : n), 0);
}

const ACTIONS = [
	'Create a customer',
	'Delete a customer',
	'Get a customer',
	'Get many customers',
	'Update a customer',
	'Get an account',
	'Get many accounts',
	'Update an account',
];

/** The customer the editor scenarios change, by name and by reference ID. */
const CUSTOMER = { id: 'cus-bluebird', name: 'Bluebird Plumbing', referenceId: 'crm-2001' };

async function openUpdateCustomer(editor: Editor): Promise<void> {
	await editor.newWorkflow();
	await editor.openNodeCreator();
	await editor.searchNodeCreator('Evo Voice');
	await editor.nodeCreatorItems().filter({ hasText: 'Evo Voice' }).first().click();
	await editor.unfoldActions('Update a customer');
	await editor.page.getByTestId('node-creator').getByText('Update a customer', { exact: true }).first().click();
	await editor.ndv().waitFor();
}

export const scenarios: Scenario[] = [
	{
		name: 'sign in',
		async run({ page }, checks) {
			await new Editor(page).signIn();
			checks.ok('signed in', !page.url().includes('/signin'), () => page.url());
		},
	},
	{
		name: 'node creator: find Evo Voice and see every action',
		async run({ page }, checks) {
			const editor = new Editor(page);
			await editor.newWorkflow();
			await editor.openNodeCreator();
			await editor.searchNodeCreator('Evo Voice');
			const item = editor.nodeCreatorItems().filter({ hasText: 'Evo Voice' }).first();
			await item.waitFor();
			checks.ok('"Evo Voice" found in the node creator', await item.isVisible());
			await item.click();
			const panel = page.getByTestId('node-creator');
			await editor.unfoldActions('Update a customer');
			const text = await panel.innerText();
			for (const action of ACTIONS) checks.contains(`action "${action}" listed`, text, action);
			await checks.screenshot('actions-list');
		},
	},
	{
		name: 'update a customer from the pickers, execute the step, read the output',
		async run(world, checks) {
			const editor = new Editor(world.page);
			const page = world.page;
			await openUpdateCustomer(editor);
			const rlc = page.getByTestId('resource-locator-customerId');
			const modes = await editor.optionNames(rlc.getByTestId('rlc-mode-selector'));
			checks.ok('locator offers "Ref. ID"', modes.includes('Ref. ID'), () => modes.join(', '));
			await rlc.getByTestId('rlc-mode-selector').click();
			await editor.pickOption('Ref. ID');
			const mode = await editor.textFits(rlc.getByTestId('rlc-mode-selector').locator('input'));
			checks.ok('the chosen mode is shown whole, not cut', mode.fits, () => `"${mode.value}" needs ${mode.needed}px of ${mode.width}px`);
			await rlc.getByTestId('rlc-mode-selector').click();
			await editor.pickOption('From list');
			// Picked by name, then found again by its reference ID.
			await rlc.getByTestId('rlc-input').click();
			await page.getByTestId('rlc-search').fill('Bluebird');
			const byName = page.getByTestId('rlc-item').filter({ hasText: CUSTOMER.name });
			await byName.first().waitFor();
			checks.ok('customer found by name', (await byName.count()) >= 1);
			await byName.first().click();
			await rlc.getByTestId('rlc-input').click();
			await page.getByTestId('rlc-search').fill(CUSTOMER.referenceId);
			const byRef = page.getByTestId('rlc-item').filter({ hasText: CUSTOMER.referenceId });
			await byRef.first().waitFor();
			const refItems = await page.getByTestId('rlc-item').allInnerTexts();
			checks.ok('customer found by reference ID', refItems.length === 1, () => refItems.join(' | '));
			await byRef.first().click();
			const shown = await rlc.getByTestId('rlc-input').inputValue();
			checks.ok('the picker holds the chosen customer', shown.includes(CUSTOMER.name) || shown === CUSTOMER.id, () => shown);

			// A billing value: a new field starts empty, not at 0.
			await editor.addCollectionOption('Add Field', 'Billing Settings');
			await editor.addCollectionOption('Add Billing Item', 'Local Numbers');
			await editor.addCollectionOption('Add Value', 'Unit Cost');
			const unitCost = editor.parameter('unitCost').locator('input').first();
			checks.equal('a newly added Unit Cost is empty', await unitCost.inputValue(), '');
			await unitCost.fill('2.75');

			// A schedule rule.
			await editor.addCollectionOption('Add Field', 'Schedule');
			await editor.addCollectionOption('Add Schedule Field', 'Rules');
			await editor.ndv().getByRole('button', { name: 'Add Rule' }).click();
			await editor.parameterByLabel('State').locator('input').first().fill('Open');
			await editor.parameterByLabel('Name').locator('input').first().fill('Business Hours');
			await editor.openSelect(editor.parameter('simpleRuleType'));
			const ruleTypes = await editor.visibleOptionNames();
			checks.ok('Rule Type options read as words', ruleTypes.includes('Customer State'), () => ruleTypes.join(', '));
			await editor.pickOption('Time');
			await editor.addCollectionOption('Add Rule Field', 'Start Time');
			await editor.parameter('startTime').locator('input').fill('09:00');

			// Tags and a data value from the pickers, scoped to the customer's account.
			await editor.addCollectionOption('Add Field', 'Add Tag Names or IDs');
			await editor.openSelect(editor.parameter('addTagIds'));
			await editor.pickOption('VIP');
			await page.keyboard.press('Escape');
			await editor.addCollectionOption('Add Field', 'Data Values');
			await editor.ndv().getByRole('button', { name: 'Add Data Value' }).click();
			await editor.openSelect(editor.parameterByLabel('Field Name or ID'));
			await editor.pickOption('Plan (String)');
			await editor.parameterByLabel('Value').locator('input').last().fill('Enterprise');
			await checks.screenshot('update-fields');

			const before = await writes(world);
			await editor.execute();
			const output = await editor.outputText();
			checks.contains('the output shows the updated customer', output, CUSTOMER.name);
			checks.contains('the output shows the data value plain (Simplify)', output, 'Enterprise');
			const after = (await sandboxState(world)).customers[CUSTOMER.id];
			checks.equal('one write reached the sandbox', (await writes(world)) - before, 1);
			checks.equal('sandbox: unit cost', after.billingSettings?.localNumbers?.unitCost, 2.75);
			checks.ok('sandbox: the rule', (after.schedule?.rules ?? []).some((r) => r.name === 'Business Hours' && r.state === 'Open' && r.startTime === '09:00'), () => JSON.stringify(after.schedule));
			checks.ok('sandbox: the VIP tag added', (after.tags ?? []).some((t) => t.id === 'tag-vip'), () => JSON.stringify(after.tags));
			checks.equal('sandbox: the data value', after.data?.Plan, { stringValue: 'Enterprise' });
			await checks.screenshot('executed');

			// Bad input: a negative price typed stays -5 in the field and is refused by the node.
			await unitCost.fill('-5');
			await unitCost.blur();
			const typed = await unitCost.inputValue();
			checks.ok('the typed -5 is kept, not clamped to 0', /^-5(\.0+)?$/.test(typed), () => typed);
			const beforeBad = await writes(world);
			await editor.execute();
			const error = await editor.outputText();
			checks.contains('the node names the field and the value', error, 'Unit Cost (billingSettings.localNumbers.unitCost) must be 0 or more, not -5');
			await checks.screenshot('negative-price-error');
			await unitCost.fill('2.75');
			await editor.parameter('startTime').locator('input').fill('9am');
			await editor.execute();
			checks.contains('a start time "9am" is refused, naming the field', await editor.outputText(), 'must be a time as HH:mm');
			checks.equal('nothing was sent for the bad input', (await writes(world)) - beforeBad, 0);
			await checks.screenshot('start-time-error');
		},
	},
	{
		name: 'credential: test passes, then a wrong token, a wrong URL and an unreachable URL say what to fix',
		async run(world, checks) {
			const editor = new Editor(world.page);
			const { modal, tested } = await editor.openCredential('Evo Voice (sandbox)');
			const good = await tested;
			checks.equal('good credential: the test passes', good.status, 'OK');
			try {
			await editor.fillCredential(modal, 'apiToken', 'not-the-token');
			const wrongToken = await editor.saveCredential(modal);
			checks.contains('wrong token: the message says to check the API Token', wrongToken.message, 'check the API Token');
			checks.contains('wrong token: the modal shows it', await editor.credentialBanner(modal), 'check the API Token');
			await checks.screenshot('credential-wrong-token');
			await editor.fillCredential(modal, 'apiToken', SANDBOX_CREDENTIALS.adminToken);
			await editor.fillCredential(modal, 'baseUrl', `${world.sandboxUrl}/not-the-api`);
			const wrongUrl = await editor.saveCredential(modal);
			checks.contains('wrong URL: the message says to check the Base URL', wrongUrl.message, 'check the Base URL');
			await checks.screenshot('credential-wrong-url');
			// A port bound, then released: nothing listens there.
			const unreachable = `http://127.0.0.1:${await freePort()}`;
			await editor.fillCredential(modal, 'baseUrl', unreachable);
			const closed = await editor.saveCredential(modal);
			checks.contains('unreachable URL: the message says nothing answers there', closed.message, `Nothing answers at ${unreachable} (connection refused)`);
			checks.contains('unreachable URL: the message says to check the Base URL', closed.message, 'check the Base URL');
			checks.contains('unreachable URL: the modal shows it', await editor.credentialBanner(modal), 'check the Base URL');
			await checks.screenshot('credential-unreachable-url');
			} finally {
				// Whatever failed above, the next scenarios need the credential as it was.
				await editor.fillCredential(modal, 'apiToken', SANDBOX_CREDENTIALS.adminToken);
				await editor.fillCredential(modal, 'baseUrl', world.sandboxUrl);
				const restored = await editor.saveCredential(modal);
				checks.equal('restored: the test passes again', restored.status, 'OK');
			}
			await editor.closeModal(modal);
		},
	},
	{
		name: 'every example opens without issues; the webhook example runs as npm start says',
		async run(world, checks) {
			const editor = new Editor(world.page);
			for (const example of EXAMPLES) {
				await world.page.goto(`/workflow/${example.id}`);
				const nodes = world.page.getByTestId('canvas-node');
				await nodes.first().waitFor();
				checks.ok(`${example.file}: nodes on the canvas`, (await nodes.count()) >= 2);
				const issues = world.page.getByTestId('node-issues');
				checks.equal(`${example.file}: no node shows issues`, await issues.count(), 0);
				await checks.screenshot(`example-${example.id}`);
			}
			await world.rest.activateWorkflow('evovoiceExCrmHook');
			let answer = '';
			for (let attempt = 0; attempt < 20; attempt++) {
				// Asynchronously: the sandbox may live in this very process and must go on answering.
				answer = (await promisify(execFile)('bash', ['-c', curlCommand(world.baseUrl)], { encoding: 'utf8', timeout: 120_000 })).stdout;
				if (!/not registered|404/.test(answer)) break;
				await world.page.waitForTimeout(500);
			}
			checks.contains('the printed curl gets the updated customer back', answer, `"id":"${SAMPLE_CUSTOMER_ID}"`);
			const customer = (await sandboxState(world)).customers[SAMPLE_CUSTOMER_ID];
			checks.equal('sandbox: name from the webhook', customer.name, SAMPLE_CONTACT.name);
			checks.equal('sandbox: plan from the webhook', customer.data?.Plan, { stringValue: SAMPLE_CONTACT.plan });
			void editor;
		},
	},
	triggerScenario,
];
