import type { INodeExecutionData, INodeType, INodeTypeDescription, IPollFunctions } from 'n8n-workflow';
import { NodeConnectionTypes } from 'n8n-workflow';

import { credentialTest, listSearch } from './methods';
import { triggerProperties } from './trigger/description';
import { runTrigger } from './trigger/run';

export class EvoVoiceTrigger implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'Evo Voice Trigger',
		name: 'evoVoiceTrigger',
		icon: { light: 'file:../../icons/evovoice.svg', dark: 'file:../../icons/evovoice.dark.svg' },
		group: ['trigger'],
		version: 1,
		subtitle:
			'={{ ({ sessionEnded: "Call, Message or Fax Ended", customerCreated: "Customer Created", customerUpdated: "Customer Updated", notification: "Notification" })[$parameter["event"]] }}',
		description: 'Starts the workflow when a call, message or fax ends, a customer is created or changed, or a notification is sent in Evo Voice',
		defaults: { name: 'Evo Voice Trigger' },
		// Evo Voice has no webhook subscriptions: the trigger polls, keeping a cursor in its static data.
		polling: true,
		inputs: [],
		outputs: [NodeConnectionTypes.Main],
		credentials: [{ name: 'evoVoiceApi', required: true, testedBy: 'evoVoiceApiTest' }],
		properties: triggerProperties,
	};

	methods = { credentialTest, listSearch };

	async poll(this: IPollFunctions): Promise<INodeExecutionData[][] | null> {
		return await runTrigger(this);
	}
}
