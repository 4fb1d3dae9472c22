import type { INodeProperties } from 'n8n-workflow';

/**
 * The node's request options. Proxy, certificate and timeout are the ones n8n gives declarative
 * nodes, under the same names, so saved workflows keep them; Batching is kept only so that
 * workflows saved with it still load: the node now sends every item itself, up to Max Requests in
 * Flight. The defaults are literals, as n8n's lint rules want; a test checks they match the
 * executor's.
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
			displayName: 'Batching (No Longer Needed)',
			name: 'batching',
			placeholder: 'Add Batching',
			type: 'fixedCollection',
			typeOptions: { multipleValues: false },
			default: { batch: {} },
			description: 'Ignored: kept so that workflows saved with it still open. Use Max Requests in Flight to pace requests.',
			options: [
				{
					displayName: 'Batching',
					name: 'batch',
					values: [
						{ displayName: 'Items per Batch', name: 'batchSize', type: 'number', typeOptions: { minValue: -1 }, default: 50, description: 'Ignored' },
						{ displayName: 'Batch Interval (Ms)', name: 'batchInterval', type: 'number', typeOptions: { minValue: 0 }, default: 1000, description: 'Ignored' },
					],
				},
			],
		},
		{
			displayName: 'Confirm After (Ms)',
			name: 'confirmAfter',
			type: 'number',
			typeOptions: { minValue: 0, numberPrecision: 0 },
			default: 500,
			description:
				'With Confirm Changes: how long after its last write the node reads changes back. It must be longer than any other execution takes between reading a customer and writing it; the node waits longer on its own when the API answers slowly.',
		},
		{
			displayName: 'Confirm Changes',
			name: 'confirmChanges',
			type: 'boolean',
			default: true,
			description:
				'Whether to read back every change that rests on a read (merged billing, settings, schedule or data values; tags added or removed) once the other executions of the moment have written, and apply it again if one of them overwrote it. Off saves a read per update and the wait before it (half a second or more), but a change made at the same moment as another execution\'s can then be lost.',
		},
		{
			displayName: 'Ignore SSL Issues (Insecure)',
			name: 'allowUnauthorizedCerts',
			type: 'boolean',
			noDataExpression: true,
			default: false,
			description: 'Whether to connect even if SSL certificate validation is not possible',
		},
		{
			displayName: 'Max Requests in Flight',
			name: 'maxConcurrency',
			type: 'number',
			typeOptions: { minValue: 1, maxValue: 50, numberPrecision: 0 },
			default: 5,
			description:
				'The most requests this node has open at once. Requests for the same customer or account are always sent one after another, in input order.',
		},
		{
			displayName: 'Max Retries',
			name: 'maxRetries',
			type: 'number',
			typeOptions: { minValue: 0, maxValue: 20, numberPrecision: 0 },
			default: 5,
			description:
				'How often a request is sent again after a rate limit (429), an outage (502, 503, 504) or a dropped connection. A create is repeated only after a 429, which the server did not process.',
		},
		{
			displayName: 'Max Retry Wait (Seconds)',
			name: 'maxRetryWait',
			type: 'number',
			typeOptions: { minValue: 0, numberPrecision: 0 },
			default: 120,
			description: 'The most time one item may spend waiting between retries, as the server asks in Retry-After',
		},
		{
			displayName: 'Proxy',
			name: 'proxy',
			type: 'string',
			default: '',
			placeholder: 'e.g. http://myproxy:3128',
			description: 'HTTP proxy to use. If authentication is required it can be defined as follow: http://username:password@myproxy:3128.',
		},
		{
			displayName: 'Timeout',
			name: 'timeout',
			type: 'number',
			typeOptions: { minValue: 1 },
			default: 10000,
			description: 'Time in ms to wait for the server to send response headers (and start the response body) before aborting the request',
		},
	],
};
