import type {
	IDataObject,
	IHttpRequestMethods,
	IHttpRequestOptions,
	ILoadOptionsFunctions,
} from 'n8n-workflow';

export const USER_AGENT = 'n8n-nodes-evovoice (+https://github.com/evovoice/n8n-nodes-evovoice)';

/** A picker's request, authenticated like every other. */
export async function evoVoiceRequest<T = IDataObject>(
	context: ILoadOptionsFunctions,
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
