import type {
	IDataObject,
	IExecuteSingleFunctions,
	IHttpRequestMethods,
	IHttpRequestOptions,
	ILoadOptionsFunctions,
	IN8nHttpFullResponse,
} from 'n8n-workflow';

import { ApiResponseError } from './apiErrors';

export const USER_AGENT = 'n8n-nodes-evovoice (+https://github.com/evovoice/n8n-nodes-evovoice)';

/** A request outside the routing engine (pickers, lookups), authenticated like every other. */
export async function evoVoiceRequest<T = IDataObject>(
	context: ILoadOptionsFunctions | IExecuteSingleFunctions,
	method: IHttpRequestMethods,
	path: string,
	qs: IDataObject = {},
): Promise<T> {
	const options = requestOptions(method, path, qs);
	return (await context.helpers.httpRequestWithAuthentication.call(context, 'evoVoiceApi', options)) as T;
}

// No base URL here: the credential's `authenticate` puts every relative path on its own host.
function requestOptions(method: IHttpRequestMethods, path: string, qs: IDataObject): IHttpRequestOptions {
	return {
		method,
		url: path,
		qs,
		json: true,
		headers: { Accept: 'application/json', 'User-Agent': USER_AGENT },
		// Repeated keys (accountIds=a&accountIds=b), as ServiceStack reads lists.
		arrayFormat: 'repeat',
	};
}

export interface Page<T> {
	items: T[];
	totalCount?: number;
	totalPages?: number;
	hasMorePages?: boolean;
}

/**
 * Like evoVoiceRequest, but a failed answer becomes an ApiResponseError with its status and
 * headers, so that the same retry rules apply as to the node's own requests.
 */
export async function evoVoiceRead<T = IDataObject>(
	context: IExecuteSingleFunctions,
	path: string,
	qs: IDataObject = {},
	timeout?: number,
): Promise<T> {
	const response = (await context.helpers.httpRequestWithAuthentication.call(context, 'evoVoiceApi', {
		...requestOptions('GET', path, qs),
		returnFullResponse: true,
		ignoreHttpStatusErrors: true,
		...(timeout ? { timeout } : {}),
	})) as IN8nHttpFullResponse;
	if (response.statusCode >= 400) throw new ApiResponseError(response.statusCode, response.headers, response.body);
	if (typeof response.body !== 'object' || response.body === null) {
		throw new ApiResponseError(response.statusCode, response.headers, response.body, 'malformed');
	}
	return response.body as T;
}
