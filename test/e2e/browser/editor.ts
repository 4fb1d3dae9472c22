/**
 * The editor as n8n's own Playwright suite drives it (packages/testing/playwright in n8n-io/n8n):
 * the same data-test-id selectors for the node creator, the NDV, the resource locator, parameter
 * inputs, the output panel and the credential modal.
 */
import type { Locator, Page } from 'playwright-core';

import { OWNER } from '../../../scripts/n8n/project';

export class Editor {
	constructor(readonly page: Page) {}

	async signIn(): Promise<void> {
		await this.page.goto('/signin');
		// 2.x names the field emailOrLdapLoginId, 1.x email.
		await this.page.getByTestId('emailOrLdapLoginId').or(this.page.getByTestId('email')).locator('input').fill(OWNER.email);
		await this.page.getByTestId('password').locator('input').fill(OWNER.password);
		await this.page.getByTestId('form-submit-button').click();
		await this.page.waitForURL((url) => !url.pathname.startsWith('/signin'));
		await this.dismissModals();
	}

	/** First-login prompts (personalisation survey and the like) that cover the page. */
	async dismissModals(): Promise<void> {
		await this.page.waitForTimeout(500);
		for (let i = 0; i < 3; i++) {
			const dialog = this.page.locator('.el-dialog:visible, [role="dialog"]:visible').first();
			if (!(await dialog.isVisible().catch(() => false))) return;
			const close = dialog.locator('.el-dialog__headerbtn, [aria-label="Close"], [aria-label="close"]').first();
			if (await close.isVisible().catch(() => false)) await close.click();
			else await this.page.keyboard.press('Escape');
			await this.page.waitForTimeout(300);
		}
	}

	async newWorkflow(): Promise<void> {
		await this.page.goto('/workflow/new');
		await this.page.getByTestId('node-creator-plus-button').waitFor();
	}

	// --- node creator
	async openNodeCreator(): Promise<void> {
		await this.page.getByTestId('node-creator-plus-button').click();
		await this.page.getByTestId('node-creator').waitFor();
	}

	nodeCreatorItems(): Locator {
		return this.page.getByTestId('node-creator').getByTestId('item-iterator-item');
	}

	async searchNodeCreator(text: string): Promise<void> {
		await this.page.getByTestId('node-creator-search-bar').fill(text);
	}

	/**
	 * An app with a trigger, opened from an empty workflow, lists its triggers and folds its actions
	 * under "Actions (N)": unfolds them, if they are folded.
	 */
	async unfoldActions(firstAction: string): Promise<void> {
		const panel = this.page.getByTestId('node-creator');
		const action = panel.getByText(firstAction, { exact: true }).first();
		const header = panel.getByText(/^Actions \(\d+\)$/).first();
		await action.or(header).first().waitFor();
		if (!(await action.isVisible()) && (await header.isVisible())) await header.click();
		await action.waitFor();
	}

	// --- NDV
	ndv(): Locator {
		return this.page.getByTestId('ndv');
	}

	parameter(name: string): Locator {
		return this.ndv().getByTestId(`parameter-input-${name}`);
	}

	/** A parameter row found by its label, as n8n's NodeDetailsViewPage.getParameterByLabel does. */
	parameterByLabel(label: string, scope: Locator = this.ndv()): Locator {
		return scope.locator('.parameter-item').filter({ has: this.page.getByText(label, { exact: true }) }).last();
	}

	async closeNdv(): Promise<void> {
		await this.page.getByTestId('back-to-canvas').click();
	}

	/**
	 * The list of the select that is open now. Its combobox names it (`aria-controls`, Element
	 * Plus's contentId), so a list still fading out after an earlier pick, which Playwright counts
	 * as visible, is never read or clicked. A menu that is not a select is the last visible popper.
	 */
	private async openList(): Promise<Locator> {
		const combobox = this.page.locator('[role="combobox"][aria-expanded="true"]').first();
		const options = this.page.locator('.el-select-dropdown__item:visible, [role="option"]:visible').first();
		await combobox.or(options).first().waitFor({ timeout: 15_000 });
		const id = (await combobox.count()) > 0 ? await combobox.getAttribute('aria-controls') : null;
		return id ? this.page.locator(`[id="${id}"]`) : this.page.locator('.el-select-dropdown:visible, .el-popper:visible').last();
	}

	/** Waits until no select's list is open or fading out, so that the next one is the only one. */
	private async listsClosed(): Promise<void> {
		const deadline = Date.now() + 3_000;
		while (Date.now() < deadline && (await this.page.locator('.el-select-dropdown:visible').count()) > 0) {
			await this.page.waitForTimeout(50);
		}
	}

	/**
	 * Picks an option of the open dropdown (an Element Plus popper) by its name: the option of
	 * exactly that name, else the one whose text starts with it (options with a description, such
	 * as tag colours and field types, hold the name at the start of their text).
	 */
	async pickOption(name: string): Promise<void> {
		const escaped = name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
		const list = await this.openList();
		const items = list.locator('.el-select-dropdown__item:visible, [role="option"]:visible');
		const startsWith = items.filter({ hasText: new RegExp(`^\\s*${escaped}(\\s*$|[^a-z])`) }).first();
		const exact = items.filter({ hasText: new RegExp(`^\\s*${escaped}\\s*$`) }).first();
		try {
			await startsWith.waitFor({ timeout: 15_000 });
			await ((await exact.count()) > 0 ? exact : startsWith).click({ timeout: 15_000 });
		} catch (error) {
			const open = await items.allInnerTexts().catch(() => []);
			throw new Error(`no option "${name}" in the open list (${open.map((t) => t.replace(/\s+/g, ' ')).join(' | ')}): ${(error as Error).message.split('\n')[0]}`);
		}
	}

	/** Opens an options / multi-options parameter's dropdown (the select itself, not its wrapper). */
	async openSelect(parameter: Locator): Promise<void> {
		await this.listsClosed();
		const select = parameter.locator('.el-select').first();
		for (let attempt = 0; attempt < 3; attempt++) {
			await select.click();
			const opened = select.locator('[aria-expanded="true"]').first();
			if (await opened.waitFor({ timeout: 5_000 }).then(() => true, () => false)) return;
		}
		throw new Error('the select did not open after three clicks');
	}

	/** Whether an input shows its whole value (n8n's narrow selects cut long names). */
	async textFits(input: Locator): Promise<{ fits: boolean; value: string; needed: number; width: number }> {
		const [value, needed, width] = await input.evaluate(
			// A string body: the bundler's helpers must not leak into the page.
			new Function('el', 'return [el.value, el.scrollWidth, el.clientWidth]') as (el: unknown) => [string, number, number],
		);
		return { fits: needed <= width, value, needed, width };
	}

	/** The "Add Field" / "Add Billing Item" / "Add Value" selector of a collection, then one of its options. */
	async addCollectionOption(placeholder: string, option: string, scope: Locator = this.ndv()): Promise<void> {
		await this.listsClosed();
		await scope.getByPlaceholder(placeholder, { exact: true }).or(scope.getByRole('button', { name: placeholder, exact: true })).last().click();
		await this.pickOption(option);
		await this.listsClosed();
	}

	/** The names in the open dropdown. */
	async visibleOptionNames(): Promise<string[]> {
		const items = (await this.openList()).locator('.el-select-dropdown__item, [role="option"]');
		await items.first().waitFor();
		return (await items.allInnerTexts()).map((t) => t.split('\n')[0].trim());
	}

	/** Opens a select, reads its option names, closes it again. */
	async optionNames(select: Locator): Promise<string[]> {
		await this.listsClosed();
		await select.click();
		const names = await this.visibleOptionNames();
		await this.page.keyboard.press('Escape');
		return names;
	}

	async execute(): Promise<void> {
		const before = await this.outputPanel().innerText();
		await this.ndv().getByTestId('node-execute-button').click();
		// The run has ended when the output panel shows something new: the items, or the error.
		const deadline = Date.now() + 90_000;
		for (;;) {
			await this.page.waitForTimeout(500);
			const text = await this.outputPanel().innerText();
			const running = /No output data|Executing|Waiting/i.test(text) || text === before;
			if (!running || Date.now() > deadline) break;
		}
	}

	outputPanel(): Locator {
		return this.page.getByTestId('output-panel');
	}

	/** What the output panel shows, as JSON where there is data. */
	async outputText(): Promise<string> {
		const panel = this.outputPanel();
		const json = panel.getByTestId('radio-button-json');
		if (await json.isVisible().catch(() => false)) {
			await json.click();
			await this.page.waitForTimeout(800);
		}
		// The JSON view puts keys and values on lines of their own.
		return (await panel.innerText()).replace(/\s+/g, ' ');
	}

	// --- credentials
	private credentialTest(): Promise<{ status: string; message: string }> {
		return this.page
			.waitForResponse((r) => r.url().includes('/rest/credentials/test'), { timeout: 60_000 })
			.then(async (response) => {
				const body = (await response.json()) as { data?: { status: string; message: string } };
				return body.data ?? { status: '?', message: JSON.stringify(body) };
			});
	}

	/**
	 * Opens a saved credential. n8n tests it as the modal opens: `tested` is that verdict, listened for
	 * before the click, since on a busy machine the answer can come before the modal is drawn.
	 */
	async openCredential(name: string): Promise<{ modal: Locator; tested: Promise<{ status: string; message: string }> }> {
		await this.page.goto('/home/credentials');
		const tested = this.credentialTest();
		await this.page.getByTestId('resources-list-item').filter({ hasText: name }).first().click();
		const modal = this.page.getByTestId('editCredential-modal');
		await modal.waitFor();
		return { modal, tested };
	}

	async fillCredential(modal: Locator, key: string, value: string): Promise<void> {
		const input = modal.getByTestId(`parameter-input-${key}`).locator('input, textarea').first();
		await input.fill(value);
	}

	/** Saves; n8n tests the credential on save and shows the verdict in a banner. */
	async saveCredential(modal: Locator): Promise<{ status: string; message: string }> {
		const tested = this.credentialTest();
		await modal.getByTestId('credential-save-button').click();
		const verdict = await tested;
		await this.page.waitForTimeout(500);
		return verdict;
	}

	/** The verdict as the modal shows it, "More details" opened. */

	async credentialBanner(modal: Locator): Promise<string> {
		const details = modal.getByText('More details');
		if (await details.isVisible().catch(() => false)) await details.click();
		return (await modal.innerText()).replace(/\s+/g, ' ');
	}

	async closeModal(modal: Locator): Promise<void> {
		await modal.locator('.el-dialog__headerbtn, [aria-label="Close"]').first().click();
	}
}
