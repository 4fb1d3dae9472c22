import * as path from 'path';

import type { Page } from 'playwright-core';

export function say(message: string): void {
	process.stdout.write(`${message}\n`);
}

export function short(value: unknown): string {
	const text = JSON.stringify(value);
	return text === undefined ? 'undefined' : text.length > 400 ? `${text.slice(0, 400)}…` : text;
}

/** Assertions of one host's run; every step ends with a screenshot, a failed one too. */
export class Checks {
	passed = 0;
	failed = 0;
	failures: string[] = [];
	seconds = 0;
	page: Page | undefined;
	private shotCount = 0;

	constructor(
		readonly label: string,
		readonly shots: string,
	) {}

	ok(name: string, condition: boolean, detail?: () => string): boolean {
		if (condition) {
			this.passed++;
			return true;
		}
		this.failed++;
		const message = `${name}${detail ? `: ${detail()}` : ''}`;
		this.failures.push(message);
		say(`  ✗ [${this.label}] ${message}`);
		return false;
	}

	equal(name: string, actual: unknown, expected: unknown): boolean {
		return this.ok(name, JSON.stringify(actual) === JSON.stringify(expected), () => `expected ${short(expected)}, got ${short(actual)}`);
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
	async step(name: string, fn: () => Promise<void>): Promise<void> {
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
