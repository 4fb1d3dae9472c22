import { sleep } from 'n8n-workflow';

/**
 * The run's sending gate: at most `limit` requests open at once, and a pause that holds every
 * request back when the server asks for one (a Retry-After pauses the run, not one slot).
 */
export class Limiter {
	private open = 0;
	private readonly waiting: Array<() => void> = [];
	private pausedUntil = 0;
	/** Set while the current turn of the event loop has had its start. */
	private turnEnds: Promise<void> | undefined;
	/** The most requests that were open at once, for tests and benchmarks. */
	peak = 0;

	constructor(private readonly limit: number) {}

	async acquire(): Promise<void> {
		if (this.open >= this.limit) await new Promise<void>((resolve) => this.waiting.push(resolve));
		else this.open++;
		// A slot handed over by release() is already counted.
		for (let wait = this.pausedUntil - Date.now(); wait > 0; wait = this.pausedUntil - Date.now()) await sleep(wait);
		await this.ownTurn();
		if (this.open > this.peak) this.peak = this.open;
	}

	/**
	 * One start per turn of the event loop. Answers that arrive together (a server with a steady
	 * latency answers a burst as a burst) would otherwise start their next requests in one turn,
	 * whose connections are then written together after it: the burst comes back 50 ms later as a
	 * burst, for the whole run, and each request waits behind the others' work. A start that finds
	 * the turn taken waits for the next, so bursts spread out; a lone start does not wait.
	 */
	private async ownTurn(): Promise<void> {
		while (this.turnEnds) await this.turnEnds;
		this.turnEnds = sleep(0).then(() => {
			this.turnEnds = undefined;
		});
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
