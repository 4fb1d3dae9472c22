import type { IDataObject } from 'n8n-workflow';

import { eachLimited } from '../transport/limiter';
import { listEntities, readEntity, type Snapshot } from './entity';
import { failedItem } from './outcomes';
import type { EntityRef, Failed, Resolved, Run } from './types';

/** Each record's state as read before the writes, by record key: the base of a chain's first merge while fresh. */
export type Bases = Map<string, Snapshot>;

type Stage<T> = Array<T | Failed>;

/** Whether the item needs its record before the writes: a merge rests on it, or data is typed by its account. */
const needsRecord = (item: Resolved) => item.merge !== undefined || ((item.plan.autoData?.length ?? 0) > 0 && item.plan.accountId === undefined);

/**
 * Every record the writes rest on, checked before the first write: a record that cannot be read
 * fails its items and, without "continue on fail", the run, before anything is written. A few
 * records are read by ID, and each read is the base of its first merge (written right after, it is
 * still fresh). Many records are written over a while, and a merge must rest on a fresh read
 * (record.ts reads each again just before its write): they are checked by list, a hundred to a
 * request, and only what the list lacks is read alone. A list record gives the account (for data
 * typed by its fields), never a merge base.
 */
export async function readBases(run: Run, items: Stage<Resolved>, bases: Bases): Promise<{ items: Stage<Resolved>; accountOf: (key: string) => string | undefined }> {
	const wanted = new Map<string, { entity: EntityRef; items: Resolved[] }>();
	for (const item of items) {
		if (item.stage !== 'resolved' || !item.entity || !needsRecord(item) || bases.has(item.entity.key)) continue;
		const group = wanted.get(item.entity.key) ?? { entity: item.entity, items: [] };
		wanted.set(item.entity.key, { ...group, items: [...group.items, item] });
	}
	const failed = new Map<number, Failed>();
	const groups = [...wanted.values()];
	let listed = new Map<string, IDataObject>();
	if (groups.length > run.settings.maxInFlight) {
		try {
			listed = await listEntities(run.client, groups.map((g) => g.entity), run.settings.maxInFlight);
		} catch {
			// A list that fails says nothing of the records: each is read alone below, and fails on its own.
		}
	}
	await eachLimited(groups.filter((g) => !listed.has(g.entity.key)), run.settings.maxInFlight, async ({ entity, items: group }) => {
		try {
			bases.set(entity.key, await readEntity(run.client, entity, group[0].index));
		} catch (error) {
			for (const item of group) failed.set(item.index, failedItem(run.context, run.client, item.index, error));
		}
	});
	const accountOf = (key: string) => {
		const account = bases.get(key)?.entity.accountId ?? listed.get(key)?.accountId;
		return typeof account === 'string' && account !== '' ? account : undefined;
	};
	return { items: items.map((item) => failed.get(item.index) ?? item), accountOf };
}
