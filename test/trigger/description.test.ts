/** The trigger as n8n's editor and loader see it: a polling trigger on the action node's credential, test and pickers. */
import { EvoVoice } from '../../nodes/EvoVoice/EvoVoice.node';
import { EvoVoiceTrigger } from '../../nodes/EvoVoice/EvoVoiceTrigger.node';
import { Workflow } from 'n8n-workflow';

import { EVENT_NAMES, EVENTS } from '../../nodes/EvoVoice/trigger/events';
import { TRIGGER_TYPE, TriggerNodeTypes } from '../harness/trigger';

const trigger = new EvoVoiceTrigger();
const action = new EvoVoice();
const field = (name: string) => trigger.description.properties.find((p) => p.name === name);

describe('Evo Voice Trigger', () => {
	it('is a polling trigger with no input, on the action node\'s credential and its credential test', () => {
		expect(trigger.description).toMatchObject({ name: 'evoVoiceTrigger', displayName: 'Evo Voice Trigger', group: ['trigger'], polling: true, inputs: [], outputs: ['main'], icon: action.description.icon });
		expect(trigger.description.credentials).toEqual(action.description.credentials);
		expect(trigger.methods.credentialTest.evoVoiceApiTest).toBe(action.methods.credentialTest.evoVoiceApiTest);
	});

	it('offers every event of the table', () => {
		expect(field('event')?.options).toEqual(EVENT_NAMES.map((value) => expect.objectContaining({ value, name: EVENTS[value].label })));
	});

	it('picks accounts and customers with the action node\'s list searches, optional', () => {
		for (const [name, method] of [['accountId', 'searchAccounts'], ['customerId', 'searchCustomers']] as const) {
			const locator = field(name);
			expect(locator).toMatchObject({ type: 'resourceLocator', required: false });
			expect(JSON.stringify(locator?.modes)).toContain(`"searchListMethod":"${method}"`);
			expect(trigger.methods.listSearch[method]).toBe(action.methods.listSearch[method]);
		}
	});

	it('simplifies by default, as n8n\'s own triggers do', () => {
		expect(field('simple')).toMatchObject({ type: 'boolean', default: true });
	});

	it.each(EVENT_NAMES)('the subtitle of %s is its label', (event) => {
		const node = { id: 't', name: 'Trigger', type: TRIGGER_TYPE, typeVersion: 1, position: [0, 0] as [number, number], parameters: { event } };
		const workflow = new Workflow({ id: 'w', nodes: [node], connections: {}, nodeTypes: new TriggerNodeTypes(), active: false });
		expect(workflow.expression.getSimpleParameterValue(node, trigger.description.subtitle!, 'internal', {})).toBe(EVENTS[event].label);
	});
});
