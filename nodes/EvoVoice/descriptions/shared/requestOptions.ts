import type { INodeProperties } from 'n8n-workflow';


/**
 * Our additions to n8n's "Request Options" (n8n merges its own batching, proxy, SSL and timeout
 * options into this collection when it loads the node). The defaults are literals, as n8n's lint
 * rules want; a test checks they match DEFAULT_RETRY and DEFAULT_MAX_IN_FLIGHT, which the hooks use.
 */
export const requestOptions: INodeProperties = {
	displayName: 'Request Options',
	name: 'requestOptions',
	type: 'collection',
	isNodeSetting: true,
	placeholder: 'Add Option',
	default: {},
	options: [
		{
			displayName: 'Max Requests in Flight',
			name: 'maxConcurrency',
			type: 'number',
			typeOptions: { minValue: 1, maxValue: 50, numberPrecision: 0 },
			default: 5,
			description:
				'The most requests this node has open at once, whatever the batching. For bulk runs, also add Batching with 1 item per batch and a 1 ms interval, so n8n sends while it prepares the next items.',
		},
		{
			displayName: 'Max Retries',
			name: 'maxRetries',
			type: 'number',
			typeOptions: { minValue: 0, maxValue: 20, numberPrecision: 0 },
			default: 5,
			description:
				'How often a request is sent again after a rate limit (429), an outage (502, 503, 504) or a dropped connection. Creates are never repeated.',
		},
		{
			displayName: 'Max Retry Wait (Seconds)',
			name: 'maxRetryWait',
			type: 'number',
			typeOptions: { minValue: 0, numberPrecision: 0 },
			default: 120,
			description: 'The most time one item may spend waiting between retries, as the server asks in Retry-After',
		},
	],
};
