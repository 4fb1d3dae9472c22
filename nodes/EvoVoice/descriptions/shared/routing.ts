import type { INodePropertyRouting, PostReceiveAction, PreSendAction } from 'n8n-workflow';

import { checkResponse } from '../../hooks/checkResponse';
import { sendPagedRequest, sendRequest } from '../../hooks/sendRequest';

type Method = 'GET' | 'POST' | 'PATCH' | 'DELETE';

/**
 * The routing every operation shares: errors come back as responses (so checkResponse sees the
 * status), and the request goes through sendRequest (see there for why it is the pagination hook).
 */
export function route(
	method: Method,
	url: string,
	preSend: PreSendAction[],
	postReceive: PostReceiveAction[] = [],
): INodePropertyRouting {
	return {
		request: { method, url, ignoreHttpStatusErrors: true },
		send: { preSend, paginate: true },
		operations: { pagination: sendRequest },
		output: { postReceive: [checkResponse, ...postReceive] },
	};
}

/** A list: every page, through sendPagedRequest, each page's `items` becoming output items. */
export function listRoute(url: string, preSend: PreSendAction[]): INodePropertyRouting {
	return {
		...route('GET', url, preSend, [{ type: 'rootProperty', properties: { property: 'items' } }]),
		operations: { pagination: sendPagedRequest },
	};
}
