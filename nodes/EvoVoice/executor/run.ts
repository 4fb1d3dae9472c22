import type { IDataObject, IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';
import { NodeApiError, NodeOperationError } from 'n8n-workflow';

import { messages } from '../model/messages';
import { Client } from '../transport/client';
import type { Snapshot } from './entity';
import { summarize, type ItemOutcome } from './outcomes';
import { Parameters } from './parameters';
import { perform } from './perform';
import { prepare } from './prepare';
import { readSettings, type RunSettings } from './settings';
import type { ItemPlan, Operation } from './types';

/** One input item on its way through the run. */
export interface RunItem {
	index: number;
	plan?: ItemPlan;
	/** The request path, once the target is known. */
	path?: string;
	/** The entity the item writes to ("customers/cus-1"): writes to one entity go in input order. */
	entityKey?: string;
	entityId?: string;
	records?: IDataObject[];
	outcome: ItemOutcome;
}

export interface Run {
	context: IExecuteFunctions;
	client: Client;
	settings: RunSettings;
	items: RunItem[];
	/** Each entity's state as read before the writes, by entity key. */
	bases?: Map<string, Snapshot>;
}

export function invalidItem(context: IExecuteFunctions, item: RunItem, error: unknown): void {
	const message = (error as Error).message;
	item.outcome = {
		stage: 'failed',
		invalid: true,
		error:
			error instanceof NodeOperationError
				? error
				: new NodeOperationError(context.getNode(), message, {
						itemIndex: item.index,
						description: `Item ${item.index + 1}: nothing was sent for it.`,
					}),
	};
}

function planItem(context: IExecuteFunctions, operation: Operation, parameters: Parameters, index: number): RunItem {
	const item: RunItem = { index, outcome: { stage: 'ready' } };
	try {
		item.plan = operation.plan(context, index, parameters);
	} catch (error) {
		// Mappers report bad input as InputError (or a plain Error for a rule across fields).
		invalidItem(context, item, error);
	}
	return item;
}

/**
 * Without "continue on fail" a run writes all its items or none: the first item that failed its
 * checks (or a read they needed) ends the run before any write.
 */
function stopIfAnyFailed(context: IExecuteFunctions, run: Pick<Run, 'items' | 'settings'>): void {
	if (run.settings.continueOnFail) return;
	const failed = run.items.find((item) => item.outcome.stage === 'failed');
	if (!failed) return;
	for (const item of run.items) if (item.outcome.stage === 'ready') item.outcome.stage = 'notSent';
	const error = failed.outcome.error!;
	if (failed.outcome.invalid) {
		throw withSummary(
			new NodeOperationError(context.getNode(), messages.notSentBecauseInvalid(failed.index + 1, error.message), {
				itemIndex: failed.index,
				description: error.description ?? undefined,
			}),
			run.items,
		);
	}
	throw withSummary(error, run.items, messages.notSentBecauseFailed(failed.index + 1));
}

/** Adds what happened to the other items; a run of one item needs no such list. */
function withSummary<E extends NodeApiError | NodeOperationError>(error: E, items: RunItem[], lead?: string): E {
	if (items.length < 2) return error;
	error.description = [error.description, lead, summarize(items.map((i) => i.outcome))].filter(Boolean).join(' ');
	return error;
}

function errorItem(item: RunItem): INodeExecutionData {
	const error = item.outcome.error!;
	return { json: { error: error.message }, error, pairedItem: { item: item.index } };
}

/**
 * Runs one operation over every input item: each item's parameters are read and checked, what
 * the items need is read once for the run, writes go out through one bounded pool (in input
 * order per entity), and every input item ends as one output item, its record or its error, paired
 * to it (a list gives its records, each paired to the item that asked).
 */
export async function runOperation(context: IExecuteFunctions, operation: Operation): Promise<INodeExecutionData[][]> {
	const settings = readSettings(context);
	const parameters = new Parameters(context);
	const items = context.getInputData().map((_, index) => planItem(context, operation, parameters, index));
	stopIfAnyFailed(context, { items, settings });
	if (items.some((item) => item.outcome.stage === 'ready')) {
		const run: Run = { context, client: await Client.open(context, settings), settings, items };
		await prepare(run);
		stopIfAnyFailed(context, run);
		await perform(run);
	}
	if (!settings.continueOnFail) {
		const failed = items.find((item) => item.outcome.stage === 'failed');
		if (failed) throw withSummary(failed.outcome.error!, items);
	}
	const output: INodeExecutionData[] = [];
	for (const item of items) {
		if (item.outcome.stage !== 'applied') {
			output.push(errorItem(item));
			continue;
		}
		// A write the API answered with no body still ends as one item: the record it went to.
		let records = item.records ?? [];
		if (records.length === 0 && item.plan!.kind === 'write') records = [item.entityId ? { id: item.entityId } : {}];
		if (operation.output) records = operation.output(context, item.index, records, item.plan!);
		for (const json of records) output.push({ json, pairedItem: { item: item.index } });
	}
	return [output];
}
