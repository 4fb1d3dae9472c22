/** The queue suite's assertions and its small helpers (kept apart so the phases read as a script). */
export class Checks {
	passed = 0;
	failed = 0;
	failures: string[] = [];

	ok(name: string, condition: boolean, detail?: () => string): boolean {
		if (condition) {
			this.passed++;
			return true;
		}
		this.failed++;
		const message = `${name}${detail ? `: ${detail()}` : ''}`;
		this.failures.push(message);
		say(`  ✗ ${message}`);
		return false;
	}

	equal(name: string, actual: unknown, expected: unknown): boolean {
		return this.ok(name, JSON.stringify(actual) === JSON.stringify(expected), () => `expected ${short(expected)}, got ${short(actual)}`);
	}

	/** Runs a phase; an exception counts as one failed assertion and the phase ends. */
	async step(name: string, fn: () => Promise<void>): Promise<void> {
		const started = Date.now();
		say(`  … ${name}`);
		try {
			await fn();
			say(`  ✓ ${name} (${((Date.now() - started) / 1000).toFixed(1)}s)`);
		} catch (error) {
			this.ok(name, false, () => (error instanceof Error ? (error.stack ?? error.message) : String(error)));
		}
	}
}

export function say(message: string): void {
	process.stdout.write(`${message}\n`);
}

export function short(value: unknown): string {
	const text = JSON.stringify(value);
	return text === undefined ? 'undefined' : text.length > 400 ? `${text.slice(0, 400)}…` : text;
}

/** Runs fn over items with at most `limit` at once; results in input order. */
export async function pool<T, R>(items: T[], limit: number, fn: (item: T, index: number) => Promise<R>): Promise<R[]> {
	const results = new Array<R>(items.length);
	let next = 0;
	const run = async () => {
		while (next < items.length) {
			const index = next++;
			results[index] = await fn(items[index], index);
		}
	};
	await Promise.all(Array.from({ length: Math.min(limit, items.length) }, run));
	return results;
}

export interface PostResult {
	status: number;
	text: string;
	/** Set when no HTTP answer came (connection reset, timeout). */
	error?: string;
	ms: number;
}

/** POSTs an event to a production webhook; never throws (a lost answer is a result too). */
export async function post(baseUrl: string, webhookPath: string, body: unknown, timeoutMs = 60_000): Promise<PostResult> {
	const started = Date.now();
	try {
		const response = await fetch(`${baseUrl}/webhook/${webhookPath}`, {
			method: 'POST',
			headers: { 'content-type': 'application/json', accept: 'application/json' },
			body: JSON.stringify(body),
			signal: AbortSignal.timeout(timeoutMs),
		});
		return { status: response.status, text: await response.text(), ms: Date.now() - started };
	} catch (error) {
		return { status: 0, text: '', error: error instanceof Error ? error.message : String(error), ms: Date.now() - started };
	}
}
