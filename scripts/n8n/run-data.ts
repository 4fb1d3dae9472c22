/** The parts of n8n's run data (IRun) the suite reads, and how to find them in what n8n prints or stores. */
export interface RunItem {
	json: Record<string, unknown>;
	pairedItem?: unknown;
}
export interface TaskData {
	executionStatus?: string;
	error?: { message?: string; description?: string; name?: string; [key: string]: unknown };
	data?: { main?: Array<RunItem[] | null> };
}
export interface IRunLike {
	finished?: boolean;
	status?: string;
	mode?: string;
	data: {
		resultData: {
			runData: Record<string, TaskData[]>;
			lastNodeExecuted?: string;
			error?: { message?: string; description?: string; [key: string]: unknown };
		};
	};
}

/** Finds the top-level JSON objects printed on their own lines (n8n prints the run with 2-space indent). */
export function extractJsonObjects(text: string): unknown[] {
	const found: unknown[] = [];
	const starts: number[] = [];
	const re = /(^|\n)\{\s*\n/g;
	for (let match = re.exec(text); match; match = re.exec(text)) starts.push(match.index + match[1].length);
	let consumedUntil = -1;
	for (const start of starts) {
		if (start < consumedUntil) continue;
		let depth = 0;
		let inString = false;
		let escaped = false;
		for (let i = start; i < text.length; i++) {
			const ch = text[i];
			if (inString) {
				if (escaped) escaped = false;
				else if (ch === '\\') escaped = true;
				else if (ch === '"') inString = false;
				continue;
			}
			if (ch === '"') inString = true;
			else if (ch === '{' || ch === '[') depth++;
			else if (ch === '}' || ch === ']') {
				depth--;
				if (depth === 0) {
					try {
						found.push(JSON.parse(text.slice(start, i + 1)));
						consumedUntil = i + 1;
					} catch {
						// not JSON after all
					}
					break;
				}
			}
		}
	}
	return found;
}

export function isRun(value: unknown): value is IRunLike {
	const data = (value as IRunLike | undefined)?.data;
	return typeof data === 'object' && data !== null && typeof data.resultData === 'object';
}


/** The items a node output on its first (or given) output, over all its runs. */
export function nodeOutput(run: IRunLike, nodeName: string, outputIndex = 0): Array<Record<string, unknown>> {
	const tasks = run.data.resultData.runData[nodeName];
	if (!tasks) throw new Error(`node "${nodeName}" did not run (ran: ${Object.keys(run.data.resultData.runData).join(', ')})`);
	return tasks.flatMap((task) => (task.data?.main?.[outputIndex] ?? []).map((item) => item.json));
}

/**
 * Decodes the `flatted` format n8n stores run data in: a JSON array whose first entry is the root;
 * inside objects and arrays every string is the index of the entry holding the real value.
 */
export function parseFlatted(text: string): unknown {
	const input = JSON.parse(text) as unknown[];
	const revived = new Set<object>();
	const revive = (node: Record<string, unknown> | unknown[]): void => {
		if (revived.has(node)) return;
		revived.add(node);
		for (const key of Object.keys(node)) {
			const value = (node as Record<string, unknown>)[key];
			if (typeof value !== 'string') continue;
			const target = input[Number(value)];
			(node as Record<string, unknown>)[key] = target;
			if (typeof target === 'object' && target !== null) revive(target as Record<string, unknown>);
		}
	};
	const root = input[0];
	if (typeof root === 'object' && root !== null) revive(root as Record<string, unknown>);
	return root;
}

/** Every error message in a run: the run's own and each node's. */
export function runErrors(run: IRunLike): string[] {
	const messages: string[] = [];
	const top = run.data?.resultData?.error;
	if (top) messages.push([top.message, top.description].filter(Boolean).join(' — '));
	for (const [node, tasks] of Object.entries(run.data?.resultData?.runData ?? {})) {
		for (const task of tasks) {
			if (task.error) messages.push(`${node}: ${[task.error.message, task.error.description].filter(Boolean).join(' — ')}`);
		}
	}
	return messages;
}
