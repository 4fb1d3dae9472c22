import { executorChecks } from '../executor';
import { CREDENTIAL_ID, CREDENTIAL_NAME } from '../../../scripts/n8n/project';
import type { Step } from './types';

/** The executor's run-wide promises in real n8n's expression engine (see ../executor.ts). */
export const executorChecksStep: Step = {
	name: 'executor: an expression error in one item, duplicates for one customer',
	async run({ instance, sandbox, checks }) {
		await executorChecks({ instance, sandbox, checks, credential: { id: CREDENTIAL_ID, name: CREDENTIAL_NAME } });
	},
};
