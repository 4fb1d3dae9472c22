/** Assertion bookkeeping of the end-to-end suite: every check is counted, every failure says what it saw. */
import { say } from '../../scripts/n8n/log';

export { say };

export interface HostReport {
	version: string;
	passed: number;
	failed: number;
	workflows: number;
	items: number;
	failures: string[];
	measured: Record<string, string | number>;
	seconds: number;
}

export class Checks {
	passed = 0;
	failed = 0;
	workflows = 0;
	items = 0;
	failures: string[] = [];
	/** Figures a step measured (wall time, lost events…), printed in the summary. */
	measured: Record<string, string | number> = {};

	constructor(private readonly label: string) {}

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
		return this.ok(name, deepEqual(actual, expected), () => `expected ${short(expected)}, got ${short(actual)}`);
	}

	/** Runs a step; an exception counts as one failed assertion and the step ends. */
	async step(name: string, fn: () => Promise<void>): Promise<void> {
		const started = Date.now();
		say(`  … ${name}`);
		try {
			await fn();
			say(`  ✓ ${name} (${((Date.now() - started) / 1000).toFixed(1)}s)`);
		} catch (error) {
			this.ok(name, false, () => (error instanceof Error ? error.message : String(error)));
		}
	}
}

export function short(value: unknown): string {
	const text = JSON.stringify(value);
	return text === undefined ? 'undefined' : text.length > 400 ? `${text.slice(0, 400)}…` : text;
}

export function deepEqual(a: unknown, b: unknown): boolean {
	if (a === b) return true;
	if (typeof a !== typeof b || a === null || b === null || typeof a !== 'object') return false;
	if (Array.isArray(a) !== Array.isArray(b)) return false;
	const ka = Object.keys(a as object);
	const kb = Object.keys(b as object);
	if (ka.length !== kb.length) return false;
	return ka.every((k) => deepEqual((a as Record<string, unknown>)[k], (b as Record<string, unknown>)[k]));
}

/** The given keys of an object that are set (to compare the part a check is about). */
export function pick<T extends object>(value: T | undefined, keys: string[]): Record<string, unknown> {
	const out: Record<string, unknown> = {};
	for (const key of keys) {
		const v = (value as Record<string, unknown> | undefined)?.[key];
		if (v !== undefined) out[key] = v;
	}
	return out;
}
