import { sleep } from 'n8n-workflow';

/**
 * The run's sending gate: at most `limit` requests open at once, and a pause that holds every
 * request back when the server asks for one (a Retry-After pauses the run, not one slot).
 */
export class Limiter {
	private open = 0;
	private readonly waiting: Array<() => void> = [];
	private pausedUntil = 0;
	/** The most requests that were open at once, for tests and benchmarks. */
	peak = 0;

	constructor(private readonly limit: number) {}

	async acquire(): Promise<void> {
		if (this.open >= this.limit) await new Promise<void>((resolve) => this.waiting.push(resolve));
		else this.open++;
		// A slot handed over by release() is already counted.
		for (let wait = this.pausedUntil - Date.now(); wait > 0; wait = this.pausedUntil - Date.now()) await sleep(wait);
		if (this.open > this.peak) this.peak = this.open;
	}

	release(): void {
		const next = this.waiting.shift();
		if (next) next();
		else this.open--;
	}

	pause(seconds: number): void {
		this.pausedUntil = Math.max(this.pausedUntil, Date.now() + seconds * 1000);
	}
}

/** Runs `work` over `tasks` with at most `limit` running at once, in the order given. */
export async function eachLimited<T>(tasks: readonly T[], limit: number, work: (task: T) => Promise<void>): Promise<void> {
	let next = 0;
	const worker = async () => {
		while (next < tasks.length) await work(tasks[next++]);
	};
	await Promise.all(Array.from({ length: Math.min(limit, tasks.length) }, worker));
}
