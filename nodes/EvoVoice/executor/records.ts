/**
 * The records this n8n process is writing, shared by all its executions. n8n runs every execution
 * of a main process (regular mode) or of one worker in one Node.js process, so two CRM events for
 * one customer meet here: their reads and writes of one record go one at a time, and a read knows
 * whether another execution wrote the record since. Keyed by text (the API's address and the
 * record), never by an n8n object; what it remembers is bounded.
 */

/** Writes older than this are forgotten: a read that old is never a merge base (write.ts). */
const REMEMBER_MS = 60_000;
const SWEEP_AT = 5_000;
/** How long a customer this process created stays the answer for its reference ID, for the process's next events. */
const CREATED_MS = 10 * 60_000;

export class RecordRegistry {
	private readonly tails = new Map<string, Promise<void>>();
	/** Per record: the mark of the last write that ended, and when. */
	private readonly lastWrite = new Map<string, { mark: number; at: number }>();
	private marks = 0;
	/** Reference ID (with its account and API) → the customer this process created for it, and when. */
	private readonly created = new Map<string, { id: string; at: number }>();

	/** Runs `work` alone among this process's work on the same record, in the order asked. */
	async exclusive<T>(key: string, work: () => Promise<T>): Promise<T> {
		const before = this.tails.get(key) ?? Promise.resolve();
		let release: () => void = () => undefined;
		const mine = new Promise<void>((resolve) => {
			release = resolve;
		});
		const tail = before.then(() => mine);
		this.tails.set(key, tail);
		await before;
		try {
			return await work();
		} finally {
			release();
			if (this.tails.get(key) === tail) this.tails.delete(key);
		}
	}

	/** Marks increase with every write of the process: a read notes the mark before it starts. */
	mark(): number {
		return this.marks;
	}

	/** A write to the record ended (or may have landed): reads marked before it are stale. Returns its mark. */
	wrote(key: string): number {
		const at = Date.now();
		const mark = ++this.marks;
		this.lastWrite.set(key, { mark, at });
		if (this.lastWrite.size > SWEEP_AT) {
			for (const [k, last] of this.lastWrite) if (at - last.at > REMEMBER_MS) this.lastWrite.delete(k);
		}
		return mark;
	}

	/** A customer this process created for a reference ID: the next execution that asks finds it here. */
	rememberCreated(key: string, id: string): void {
		const at = Date.now();
		this.created.set(key, { id, at });
		if (this.created.size > SWEEP_AT) {
			for (const [k, c] of this.created) if (at - c.at > CREATED_MS) this.created.delete(k);
		}
	}

	createdFor(key: string): string | undefined {
		const found = this.created.get(key);
		return found && Date.now() - found.at <= CREATED_MS ? found.id : undefined;
	}

	/** Whether a write to the record ended after a read marked `mark`, by any execution of this process. */
	writtenSince(key: string, mark: number): boolean {
		return (this.lastWrite.get(key)?.mark ?? 0) > mark;
	}
}

/** The one registry of this process. */
export const processRecords = new RecordRegistry();
