import type { IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';

import { Client } from '../transport/client';
import { stopIfAnyFailed } from './outcomes';
import { toOutput } from './output';
import { Parameters } from './parameters';
import { planItems } from './plan';
import { resolveItems } from './resolve';
import { readSettings } from './settings';
import type { Done, Failed, Operation, Run } from './types';
import { writeItems } from './write';

/**
 * Runs one operation over every input item, as four stages that each return new values: plan
 * (every item's parameters read and checked), resolve (what the items need, read once for the
 * run), write (one bounded pool, in input order per record), output (one paired item per input
 * item, its record or its error).
 */
export async function runOperation(context: IExecuteFunctions, operation: Operation): Promise<INodeExecutionData[][]> {
	const settings = readSettings(context);
	const planned = planItems(context, operation, new Parameters(context));
	stopIfAnyFailed(context, settings.continueOnFail, planned);
	let done: Done[] = planned.filter((item): item is Failed => item.stage === 'failed');
	if (done.length < planned.length) {
		const run: Run = { context, client: await Client.open(context, settings), settings };
		const resolved = await resolveItems(run, planned);
		stopIfAnyFailed(context, settings.continueOnFail, resolved.items);
		done = await writeItems(run, resolved.items, resolved.bases);
	}
	return [toOutput(context, operation, settings.continueOnFail, done)];
}
