import type { IExecuteFunctions } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { InputError } from '../model/inputError';
import { messages } from '../model/messages';
import type { Client } from '../transport/client';
import type { Failed, ItemError, ItemState } from './types';

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

/** What happened to each item of a run that stopped: applied, failed, not sent (yet). */
export function summarize(items: ReadonlyArray<Pick<ItemState, 'stage'>>): string {
	const by = (stages: Array<ItemState['stage']>) => items.flatMap((o, i) => (stages.includes(o.stage) ? [i] : []));
	const applied = by(['applied']);
	const failed = by(['failed']);
	const notSent = by(['notSent', 'planned', 'resolved']);
	const parts = [applied.length ? `Applied (${applied.length}): ${describeItems(applied)}.` : 'Applied: none.'];
	if (failed.length) parts.push(`Failed (${failed.length}): ${describeItems(failed)}.`);
	if (notSent.length) parts.push(`Not sent (${notSent.length}): ${describeItems(notSent)}.`);
	return parts.join(' ');
}

/** Adds what happened to the other items; a run of one item needs no such list. */
export function withSummary<E extends ItemError>(error: E, items: ReadonlyArray<Pick<ItemState, 'stage'>>, lead?: string): E {
	if (items.length < 2) return error;
	error.description = [error.description, lead, summarize(items)].filter(Boolean).join(' ');
	return error;
}

/** Bad input found while planning or resolving: the item's error says nothing was sent for it. */
export function invalidItem(context: IExecuteFunctions, index: number, error: unknown): Failed {
	const message = (error as Error).message;
	return {
		stage: 'failed',
		index,
		invalid: true,
		error:
			error instanceof NodeOperationError
				? error
				: new NodeOperationError(context.getNode(), message, { itemIndex: index, description: `Item ${index + 1}: nothing was sent for it.` }),
	};
}

/** Any failure of an item, as the error the user sees: bad input, the node's own error, or a failed request. */
export function failedItem(context: IExecuteFunctions, client: Client, index: number, error: unknown): Failed {
	if (error instanceof InputError) return invalidItem(context, index, error);
	return { stage: 'failed', index, error: error instanceof NodeOperationError ? error : client.apiError(error, index) };
}

/**
 * Without "continue on fail" a run writes all its items or none: the first item that failed its
 * checks (or a read they needed) ends the run before any write, naming it and listing the others.
 */
export function stopIfAnyFailed(context: IExecuteFunctions, continueOnFail: boolean, items: ReadonlyArray<ItemState>): void {
	if (continueOnFail) return;
	const failed = items.find((item): item is Failed => item.stage === 'failed');
	if (!failed) return;
	const summary = items.map((item) => ({ stage: item.stage === 'failed' ? item.stage : ('notSent' as const) }));
	if (failed.invalid) {
		throw withSummary(
			new NodeOperationError(context.getNode(), messages.notSentBecauseInvalid(failed.index + 1, failed.error.message), {
				itemIndex: failed.index,
				description: failed.error.description ?? undefined,
			}),
			summary,
		);
	}
	throw withSummary(failed.error, summary, messages.notSentBecauseFailed(failed.index + 1));
}
