import * as path from 'path';

import type { Page } from 'playwright-core';

import { Checks as E2eChecks, say, short } from '../checks';

export { say, short };

/** The end-to-end suite's assertions, plus a screenshot after every step (a failed one too). */
export class Checks extends E2eChecks {
	seconds = 0;
	page: Page | undefined;
	private shotCount = 0;

	constructor(
		readonly host: string,
		readonly shots: string,
	) {
		super(host);
	}

	/** Text checks: `text` must contain `part`. */
	contains(name: string, text: string | null | undefined, part: string): boolean {
		return this.ok(name, (text ?? '').includes(part), () => `${short(part)} not in ${short(text)}`);
	}

	async screenshot(name: string): Promise<string | undefined> {
		if (!this.page) return undefined;
		const file = path.join(this.shots, `${String(++this.shotCount).padStart(2, '0')}-${name.replace(/[^a-z0-9]+/gi, '-').toLowerCase()}.png`);
		try {
			await this.page.screenshot({ path: file });
			return file;
		} catch {
			return undefined;
		}
	}

	/** Runs a step; an exception counts as one failed assertion and ends the step. */
	override async step(name: string, fn: () => Promise<void>): Promise<void> {
		const started = Date.now();
		say(`  … ${name}`);
		const failedBefore = this.failed;
		try {
			await fn();
		} catch (error) {
			this.ok(name, false, () => (error instanceof Error ? error.message.split('\n').slice(0, 6).join('\n') : String(error)));
		}
		const shot = await this.screenshot(`${name}${this.failed > failedBefore ? '-failed' : ''}`);
		const mark = this.failed > failedBefore ? '✗' : '✓';
		say(`  ${mark} ${name} (${((Date.now() - started) / 1000).toFixed(1)}s)${shot ? ` → ${path.basename(shot)}` : ''}`);
	}
}
