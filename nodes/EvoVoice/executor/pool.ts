/** Runs `work` over `tasks` with at most `limit` running at once, in the order given. */
export async function eachLimited<T>(tasks: readonly T[], limit: number, work: (task: T) => Promise<void>): Promise<void> {
	let next = 0;
	const worker = async () => {
		while (next < tasks.length) await work(tasks[next++]);
	};
	await Promise.all(Array.from({ length: Math.min(limit, tasks.length) }, worker));
}
