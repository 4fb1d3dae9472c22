import type { NodeApiError, NodeOperationError } from 'n8n-workflow';

export type Stage = 'ready' | 'applied' | 'failed' | 'notSent';

export interface ItemOutcome {
	stage: Stage;
	/** Set when the item failed its checks (bad input), as opposed to a failed request. */
	invalid?: boolean;
	error?: NodeApiError | NodeOperationError;
}

/** "items 1–3, 7" from 0-based indexes, for people who count from 1. */
export function describeItems(indexes: number[]): string {
	const ranges: string[] = [];
	for (let i = 0; i < indexes.length; i++) {
		let j = i;
		while (j + 1 < indexes.length && indexes[j + 1] === indexes[j] + 1) j++;
		ranges.push(i === j ? `${indexes[i] + 1}` : `${indexes[i] + 1}–${indexes[j] + 1}`);
		i = j;
	}
	return `${indexes.length === 1 ? 'item' : 'items'} ${ranges.join(', ')}`;
}

/** What happened to each item of a run that stopped: applied, failed, not sent. */
export function summarize(outcomes: ItemOutcome[]): string {
	const by = (stages: Stage[]) => outcomes.flatMap((o, i) => (stages.includes(o.stage) ? [i] : []));
	const applied = by(['applied']);
	const failed = by(['failed']);
	const notSent = by(['notSent', 'ready']);
	const parts = [applied.length ? `Applied (${applied.length}): ${describeItems(applied)}.` : 'Applied: none.'];
	if (failed.length) parts.push(`Failed (${failed.length}): ${describeItems(failed)}.`);
	if (notSent.length) parts.push(`Not sent (${notSent.length}): ${describeItems(notSent)}.`);
	return parts.join(' ');
}
