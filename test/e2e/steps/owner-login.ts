import { BASIC_CREDENTIAL_ID, CREDENTIAL_ID, EXAMPLES, OWNER } from '../../../scripts/n8n/project';
import { EXECUTOR_WORKFLOW_IDS } from '../executor';
import { N8nRest } from '../../../scripts/n8n/rest';
import type { Step } from './types';

/** Owner set-up and login over REST; what the CLI imported must be there, as the editor lists it. */
export const ownerLoginStep: Step = {
	name: 'owner set-up and login (REST)',
	needsServer: true,
	async run({ server, rest, checks }) {
		await rest.setupOwner(OWNER);
		await new N8nRest(server.baseUrl).login(OWNER);
		await rest.login(OWNER);
		const workflows = await rest.listWorkflows();
		checks.equal(
			'the imported workflows are listed',
			workflows.map((w) => w.id).filter((id) => !EXECUTOR_WORKFLOW_IDS.includes(id)).sort(),
			EXAMPLES.map((e) => e.id).sort(),
		);
		const credentials = await rest.call<Array<{ id: string; type: string }>>('GET', '/rest/credentials');
		checks.equal(
			'the imported credentials are listed',
			credentials.map((c) => `${c.id} ${c.type}`).sort(),
			[CREDENTIAL_ID, BASIC_CREDENTIAL_ID].map((id) => `${id} evoVoiceApi`).sort(),
		);
	},
};
