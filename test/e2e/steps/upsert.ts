import { upsertDuplicates } from '../concurrency/upsert';
import { regularTarget } from './concurrency';
import type { Step } from './types';

/** Create or Update, each event sent twice at once: one customer per reference ID (not run while the node lacks the operation). */
export const upsertStep: Step = {
	name: 'Create or Update under CRM retries (100 events × 2 copies, 30 new reference IDs): no duplicate customers',
	needsServer: true,
	run: (ctx) => upsertDuplicates(regularTarget(ctx)),
};
