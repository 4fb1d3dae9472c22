import { sandboxCredentials } from '../../../scripts/n8n/project';
import type { Step } from './types';

const NODE_TYPES = ['n8n-nodes-evovoice.evoVoice', 'n8n-nodes-evovoice.evoVoiceTool'];

/** n8n lists the node and its AI Agent tool variant, and the customer picker works in both. */
export const aiToolStep: Step = {
	name: 'the node as an AI Agent tool, and its pickers there',
	needsServer: true,
	async run({ rest, sandbox: sb, checks }) {
		type Option = { value: string; action?: string };
		type Described = { name: string; properties?: Array<{ name: string; options?: Option[]; displayOptions?: { show?: { resource?: string[] } } }> };
		const types = await rest.request<Described[]>('GET', '/types/nodes.json');
		const described = Array.isArray(types.body) ? types.body : [];
		const names = described.map((t) => t.name);
		checks.ok('n8n lists the node type', names.includes(NODE_TYPES[0]), () => `HTTP ${types.status}`);
		checks.ok('n8n lists its tool variant for the AI Agent', names.includes(NODE_TYPES[1]), () =>
			names.filter((n) => n.includes('evo')).join(', '),
		);
		// What an agent is offered: each customer operation by its action text, Create or Update among them.
		const tool = described.filter((t) => t.name === NODE_TYPES[1]);
		const actions = tool
			.flatMap((t) => t.properties ?? [])
			.filter((p) => p.name === 'operation' && (p.displayOptions?.show?.resource ?? []).includes('customer'))
			.flatMap((p) => p.options ?? []);
		checks.equal('the tool offers Create or Update as "Create or update a customer"', actions.find((o) => o.value === 'upsert')?.action, 'Create or update a customer');
		const [token] = sandboxCredentials(sb.url);
		for (const name of NODE_TYPES) {
			const found = await rest.call<{ results: Array<{ name: string; value: string }> }>(
				'POST',
				'/rest/dynamic-node-parameters/resource-locator-results',
				{
					path: 'parameters.customerId',
					nodeTypeAndVersion: { name, version: 1 },
					methodName: 'searchCustomers',
					filter: 'acme',
					currentNodeParameters: { resource: 'customer', operation: 'update' },
					credentials: { evoVoiceApi: { id: token.id, name: token.name } },
				},
			);
			checks.equal(
				`customer picker of ${name.split('.')[1]} searches the sandbox`,
				found.results.map((r) => r.value).sort(),
				['cus-acme', 'cus-acme-north', 'cus-acme-south'],
			);
		}
	},
};
