import type { INodeProperties } from 'n8n-workflow';

import { DEFAULT_RETRY } from '../../helpers/retry';
import { DEFAULT_MAX_IN_FLIGHT } from '../../hooks/sendRequest';

/**
 * Our additions to n8n's "Request Options" (n8n merges its own batching, proxy, SSL and timeout
 * options into this collection when it loads the node).
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
			default: DEFAULT_MAX_IN_FLIGHT,
			description:
				'The most requests this node has open at once, whatever the batching. Raise it for speed, lower it if Evo Voice rate-limits you.',
		},
		{
			displayName: 'Max Retries',
			name: 'maxRetries',
			type: 'number',
			typeOptions: { minValue: 0, maxValue: 20, numberPrecision: 0 },
			default: DEFAULT_RETRY.maxRetries,
			description:
				'How often a request is sent again after a rate limit (429), an outage (502, 503, 504) or a dropped connection. Creates are never repeated.',
		},
		{
			displayName: 'Max Retry Wait (Seconds)',
			name: 'maxRetryWait',
			type: 'number',
			typeOptions: { minValue: 0, numberPrecision: 0 },
			default: DEFAULT_RETRY.maxWaitSeconds,
			description: 'The most time one item may spend waiting between retries, as the server asks in Retry-After',
		},
	],
};
