import type { IDataObject, INodeExecutionData } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { DAY_MS } from '../model/dates';
import { triggerMessages } from '../model/messages';
import type { Client } from '../transport/client';
import type { TriggerConfig } from './parameters';
import { select, toItems } from './poll';
import { readEvents, type ReadPlan } from './read';
import { loadState } from './state';

/**
 * Fetch Test Event (the editor's manual run): the most recent matching event, so that the next
 * nodes can be built on a real one. It reads the saved state (to know the server's clock and
 * whether its lists are sorted) and never writes it: the cursor stays where the active workflow
 * left it.
 */
export async function fetchSample(data: IDataObject, client: Client, config: TriggerConfig): Promise<INodeExecutionData[][]> {
	const saved = loadState(data, config.event);
	const days = config.spec.sampleDays;
	const estimate = Date.now() + (saved?.skew ?? 0);
	const plan: ReadPlan = {
		spec: config.spec,
		filters: config.filters,
		from: estimate - days * DAY_MS,
		now: estimate,
		reachBackMs: config.reachBackMs,
		unsorted: saved?.unsorted === true || !config.sortedLists,
		untilFirstEvent: true,
	};
	let read = await readEvents(client, plan);
	const now = client.serverTimeMs ?? estimate;
	// n8n's clock is off the server's by more than a day: look at the server's last days instead.
	if (Math.abs(now - estimate) > DAY_MS) read = await readEvents(client, { ...plan, from: now - days * DAY_MS, now, unsorted: read.unsorted });
	const from = now - days * DAY_MS;
	const { delivered, waiting } = select(read.records, { ...config, maxEvents: Infinity }, from, {});
	const newest = [...delivered, ...waiting].pop();
	if (!newest) {
		throw new NodeOperationError(client.node, triggerMessages.noSample(config.spec.noun, days), {
			description: triggerMessages.noSampleDescription(),
		});
	}
	return [toItems([newest], config)];
}
