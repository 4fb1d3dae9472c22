// What the editor shows: subtitles, field descriptions, notices, options and the credential's texts.
import type { INodeProperties, INodePropertyCollection, INodePropertyOptions } from 'n8n-workflow';
import { Workflow } from 'n8n-workflow';

import { EvoVoiceApi } from '../../credentials/EvoVoiceApi.credentials';
import { EvoVoice } from '../../nodes/EvoVoice/EvoVoice.node';
import { CREDENTIAL_TEST_MESSAGES } from '../../nodes/EvoVoice/model/messages';
import { NodeTypes, evoVoiceNode } from '../harness';

// What the editor shows, read from the description n8n loads: the words must match the behaviour.

const description = new EvoVoice().description;

/** Every property, nested ones included (collections, fixed collections). */
function allProperties(properties: INodeProperties[]): INodeProperties[] {
	return properties.flatMap((p) => [
		p,
		...allProperties(
			(p.options ?? []).flatMap((o) =>
				'values' in (o as INodePropertyCollection)
					? (o as INodePropertyCollection).values
					: 'type' in (o as INodeProperties)
						? [o as INodeProperties]
						: [],
			),
		),
	]);
}
const every = allProperties(description.properties);
const find = (name: string) => every.filter((p) => p.name === name);

describe('what the editor shows', () => {
	test.each([
		['customer', 'update', 'Update Customer'],
		['customer', 'getAll', 'Get Many Customers'],
		['account', 'get', 'Get Account'],
		['customer', 'create', 'Create Customer'],
	])('the subtitle of %s %s reads "%s"', (resource, operation, expected) => {
		const node = evoVoiceNode({ resource, operation });
		const workflow = new Workflow({ id: 'w', nodes: [node], connections: {}, nodeTypes: new NodeTypes(), active: false });
		expect(workflow.expression.getSimpleParameterValue(node, description.subtitle!, 'internal', {})).toBe(expected);
	});

	test('nested-object descriptions say what the default (merge) does, not only what Replace does', () => {
		for (const name of ['billingSettings', 'appSettings', 'schedule', 'data']) {
			for (const p of find(name)) {
				expect(p.description).not.toMatch(/so (items|settings|fields) left out may be/);
				expect(p.description).toMatch(/Merge/);
			}
		}
		const mode = find('updateMode')[0];
		expect(mode.displayName).toBe('Update Mode');
		expect(mode.description).toMatch(/Merge keeps what you do not set; Replace sends only what you set/);
	});

	test('a notice shows while Replace is chosen, and only then', () => {
		const notice = find('replaceNotice')[0];
		expect(notice.type).toBe('notice');
		expect(notice.displayOptions?.show?.updateMode).toEqual(['replace']);
	});

	test('Rule Type lists words, sending the API values', () => {
		const options = find('simpleRuleType')[0].options as INodePropertyOptions[];
		expect(options).toEqual([
			{ name: 'Always', value: 'Always' },
			{ name: 'Customer State', value: 'CustomerState' },
			{ name: 'Time', value: 'Time' },
		]);
	});

	test('billing values start empty and are not clamped by the editor', () => {
		const billing = find('billingSettings')[0];
		const values = allProperties([billing]).filter((p) => p.type === 'number');
		expect(values.length).toBe(9 * 4);
		for (const value of values) {
			expect(value.default).toBeNull();
			expect(value.typeOptions?.minValue).toBeUndefined();
		}
	});

	test('clear switches exist for what can be cleared', () => {
		// The schedule field also serves Test Schedule.
		expect(find('clearRules').length).toBeGreaterThan(0);
		expect(find('clearParentCustomer')).toHaveLength(1);
		expect(find('clearLogo')).toHaveLength(1);
	});
});

describe('the credential', () => {
	const credential = new EvoVoiceApi();

	test('the API Token field says where a token comes from', () => {
		const token = credential.properties.find((p) => p.name === 'apiToken')!;
		expect(token.description).toMatch(/administrator/);
	});

	test('a failed test says what to fix: the token on 401, the Base URL on 404 and when nothing answers', () => {
		expect(CREDENTIAL_TEST_MESSAGES.refused).toMatch(/API Token/);
		expect(CREDENTIAL_TEST_MESSAGES.notEvoVoice).toMatch(/Base URL/);
		expect(CREDENTIAL_TEST_MESSAGES.connectionRefused('http://127.0.0.1:9')).toMatch(/check the Base URL/);
	});

	test('the node tests it (testedBy), and the credential has no declarative test that n8n would prefer', () => {
		expect('test' in credential).toBe(false);
		const entry = description.credentials?.find((c) => c.name === credential.name);
		expect(entry?.testedBy).toBe('evoVoiceApiTest');
		expect(typeof new EvoVoice().methods.credentialTest.evoVoiceApiTest).toBe('function');
	});
});

