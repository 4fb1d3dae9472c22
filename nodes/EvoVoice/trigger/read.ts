import type { IDataObject } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { DAY_MS, dayWindow, instant } from '../model/dates';
import { triggerMessages } from '../model/messages';
import type { Client } from '../transport/client';
import { hasNextPage, PAGE_SIZE } from '../transport/paging';
import type { EventSpec, TriggerFilters } from './events';

/**
 * Reading one event's list for a poll. Newest first, stopping at the first record older than the
 * cursor, as long as the server sorts as asked; a list that comes back out of that order is read to
 * the end of its window instead (the server ignores sortField), and the caller remembers it.
 */

export interface ReadPlan {
	spec: EventSpec;
	filters: TriggerFilters;
	/** Events dated before this are not wanted. */
	from: number;
	/** The server's now, as well as it is known before asking: the window's last day. */
	now: number;
	/** How long before its event a record's day may lie (a session opened earlier). */
	reachBackMs: number;
	/** Read every page of the window: the list was seen out of order, or the user said not to rely on it. */
	unsorted: boolean;
	/** Fetch Test Event: stop at the first page that holds an event. */
	untilFirstEvent?: boolean;
}

export interface ReadResult {
	records: IDataObject[];
	/** A list came back out of the order asked for. */
	unsorted: boolean;
}

/** Past this many pages in one pass the poll stops with an error rather than read on for ever. */
export const MAX_PAGES = 500;

/**
 * Ended sessions move to an archive after some days (the vendor's CLI says 15), listed only with
 * searchArchive=true. A cursor older than this also reads the archive, so a catch-up after a long
 * outage finds them; a recent cursor never pays for it.
 */
export const ARCHIVE_CHECK_AFTER_MS = DAY_MS;

export async function readEvents(client: Client, plan: ReadPlan): Promise<ReadResult> {
	const { spec } = plan;
	const qs: IDataObject = {
		...spec.query(plan.filters),
		sortField: spec.sortField,
		sortOrder: 'Descend',
		...(spec.days ? dayWindow(plan.from - plan.reachBackMs, plan.now) : {}),
	};
	const passes: IDataObject[] = [qs];
	if (spec.archive && plan.now - plan.from > ARCHIVE_CHECK_AFTER_MS) passes.push({ ...qs, searchArchive: true });
	const result: ReadResult = { records: [], unsorted: plan.unsorted };
	for (const pass of passes) await readPass(client, plan, pass, result);
	return result;
}

async function readPass(client: Client, plan: ReadPlan, qs: IDataObject, result: ReadResult): Promise<void> {
	let previous: number | undefined;
	let read = 0;
	for (let page = 0; ; page++) {
		if (page >= MAX_PAGES) {
			throw new NodeOperationError(client.node, triggerMessages.tooManyPages(plan.spec.path, MAX_PAGES * PAGE_SIZE), {
				description: triggerMessages.tooManyPagesDescription(),
			});
		}
		const answer = await client.page<IDataObject>(plan.spec.path, qs, page, PAGE_SIZE);
		const items = Array.isArray(answer.items) ? answer.items : [];
		read += items.length;
		let older = false;
		let events = false;
		for (const record of items) {
			result.records.push(record);
			const at = instant(record[plan.spec.sortField]);
			if (at === undefined) continue;
			// Newest first: a record newer than the one before it shows the sort is not applied.
			if (previous !== undefined && at > previous) result.unsorted = true;
			previous = at;
			if (at < plan.from) older = true;
			if (plan.untilFirstEvent && at >= plan.from && plan.spec.occurrence(record, plan.filters)) events = true;
		}
		if (!result.unsorted && (older || events)) return;
		if (!hasNextPage(answer, page, read)) return;
	}
}
