/** The queue suite's assertions are the end-to-end suite's; these are the helpers the phases add. */
export { Checks, say, short } from '../checks';

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
