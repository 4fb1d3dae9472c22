// Request-body access for handlers. Malformed JSON is reported here, i.e. only after the handler
// has authenticated the caller, so a bad body never tells an anonymous caller anything.
import { ApiError } from '../http';
import type { RequestContext } from '../router';

export function objectBody(rc: RequestContext): Record<string, unknown> {
	if (rc.bodyError !== undefined) throw new ApiError(400, 'SerializationException', rc.bodyError);
	if (rc.body === undefined) return {};
	if (typeof rc.body !== 'object' || rc.body === null || Array.isArray(rc.body)) {
		throw new ApiError(400, 'SerializationException', 'The request body must be a JSON object');
	}
	return rc.body as Record<string, unknown>;
}
