import type { IDataObject, IHttpRequestMethods, IHttpRequestOptions, ILoadOptionsFunctions } from 'n8n-workflow';

export const USER_AGENT = 'n8n-nodes-evovoice (+https://github.com/evovoice/n8n-nodes-evovoice)';

export interface RequestSpec {
	method: IHttpRequestMethods;
	path: string;
	qs?: IDataObject;
	body?: IDataObject;
}

/**
 * The options of every request to the API, whoever sends it (the run's client, a picker, the
 * credential test's host check). No base URL: the credential's `authenticate` puts every relative
 * path on its own host. `extra` adds what the sender needs (full responses, proxy, timeout).
 */
export function requestOptions(spec: RequestSpec, extra: Partial<IHttpRequestOptions> = {}): IHttpRequestOptions {
	return {
		method: spec.method,
		url: spec.path,
		qs: spec.qs,
		...(spec.body !== undefined ? { body: spec.body } : {}),
		json: true,
		headers: { Accept: 'application/json', 'User-Agent': USER_AGENT },
		// Repeated keys (accountIds=a&accountIds=b), as ServiceStack reads lists.
		arrayFormat: 'repeat',
		...extra,
	};
}

/** A picker's request, authenticated like every other. */
export async function evoVoiceRequest<T = IDataObject>(
	context: ILoadOptionsFunctions,
	method: IHttpRequestMethods,
	path: string,
	qs: IDataObject = {},
): Promise<T> {
	return (await context.helpers.httpRequestWithAuthentication.call(context, 'evoVoiceApi', requestOptions({ method, path, qs }))) as T;
}
