import { importCredentials } from '../../../scripts/n8n/cli';
import { sandboxCredentials } from '../../../scripts/n8n/project';
import type { Step } from './types';

/** The import is checked where it shows: the owner step finds the credentials listed over REST. */
export const importCredentialsStep: Step = {
	name: 'import credentials (n8n import:credentials)',
	async run({ instance, sandbox }) {
		await importCredentials(instance, sandboxCredentials(sandbox.url));
	},
};
