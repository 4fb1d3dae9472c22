import { say } from '../checks';
import { N8nRest } from '../../../scripts/n8n/rest';
import { startServer } from '../../../scripts/n8n/server';
import type { Step } from './types';

/** `n8n start` until ready; the steps after it (needsServer) run only if it is. */
export const startServerStep: Step = {
	name: 'n8n start (wait until ready)',
	async run(ctx) {
		ctx.server = await startServer(ctx.instance);
		ctx.rest = new N8nRest(ctx.server.baseUrl);
		say(`  n8n ${ctx.host.version} listening on ${ctx.server.baseUrl}`);
	},
};
