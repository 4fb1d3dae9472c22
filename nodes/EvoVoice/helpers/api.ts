import type {
	IDataObject,
	IExecuteSingleFunctions,
	IHttpRequestMethods,
	IHttpRequestOptions,
	ILoadOptionsFunctions,
} from 'n8n-workflow';

export const USER_AGENT = 'n8n-nodes-evovoice (+https://github.com/evovoice/n8n-nodes-evovoice)';

export function baseUrlOf(credentials: IDataObject): string {
	return String(credentials.baseUrl ?? 'https://evovoice.io').replace(/\/+$/, '');
}

/** A request outside the routing engine (pickers, lookups), authenticated like every other. */
export async function evoVoiceRequest<T = IDataObject>(
	context: ILoadOptionsFunctions | IExecuteSingleFunctions,
	method: IHttpRequestMethods,
	path: string,
	qs: IDataObject = {},
): Promise<T> {
	const credentials = await context.getCredentials('evoVoiceApi');
	const options: IHttpRequestOptions = {
		method,
		baseURL: baseUrlOf(credentials),
		url: path,
		qs,
		json: true,
		headers: { Accept: 'application/json', 'User-Agent': USER_AGENT },
		// Repeated keys (accountIds=a&accountIds=b), as ServiceStack reads lists.
		arrayFormat: 'repeat',
	};
	return (await context.helpers.httpRequestWithAuthentication.call(context, 'evoVoiceApi', options)) as T;
}

export interface Page<T> {
	items: T[];
	totalCount?: number;
	totalPages?: number;
	hasMorePages?: boolean;
}
