import type { IExecuteSingleFunctions, IN8nHttpFullResponse, INodeExecutionData } from 'n8n-workflow';

import { ApiResponseError } from '../helpers/apiErrors';

/**
 * First post-receive step of every operation. Requests are sent with `ignoreHttpStatusErrors`, so
 * that the status, the Retry-After header and ServiceStack's error body reach us intact; this turns
 * a failed answer into an ApiResponseError that `sendRequest` can retry or report.
 */
export async function checkResponse(
	this: IExecuteSingleFunctions,
	items: INodeExecutionData[],
	response: IN8nHttpFullResponse,
): Promise<INodeExecutionData[]> {
	const status = response.statusCode;
	if (status >= 400) throw new ApiResponseError(status, response.headers, response.body);
	const body = response.body as unknown;
	const empty = body === undefined || body === null || body === '';
	if (status === 204 || empty) return items;
	if (typeof body !== 'object' || Buffer.isBuffer(body)) {
		throw new ApiResponseError(status, response.headers, body, 'malformed');
	}
	return items;
}
