import { ApiResponseError } from './errors';

export interface RetryPolicy {
	/** Retries after the first attempt; 0 turns retrying off. */
	maxRetries: number;
	/** The most time, in seconds, one item may spend waiting between attempts. */
	maxWaitSeconds: number;
}

export const DEFAULT_RETRY: RetryPolicy = { maxRetries: 5, maxWaitSeconds: 120 };

const IDEMPOTENT = new Set(['GET', 'PATCH', 'DELETE', 'HEAD', 'PUT']);
const TRANSIENT_CODES = new Set(['ECONNRESET', 'EPIPE', 'ECONNREFUSED', 'EAI_AGAIN', 'socket hang up']);
/** Failures before anything reached the server: no connection was made. */
const NEVER_SENT = new Set(['ECONNREFUSED', 'ENOTFOUND', 'EAI_AGAIN']);

function codeOf(error: unknown): string | undefined {
	const cause = (error as { cause?: { code?: string; message?: string } }).cause;
	return cause?.code ?? (error as { code?: string }).code ?? cause?.message;
}

/**
 * Whether a request that failed may still have been processed: its answer was lost (a reset, a
 * timeout, a server error, an answer cut off) rather than refused before it reached the server.
 */
export function mayHaveLanded(error: unknown): boolean {
	if (error instanceof ApiResponseError) return error.kind === 'malformed' || error.status >= 500;
	const code = codeOf(error);
	return code === undefined || !NEVER_SENT.has(code);
}

/**
 * How long to wait before sending again, or undefined to give up. A 429 is retried for every
 * method, because the server refused it without processing it; anything else only for requests
 * that are safe to repeat: a create that may have been processed is never sent twice.
 */
export function retryDelaySeconds(error: unknown, method: string, attempt: number): number | undefined {
	const backoff = Math.min(30, 0.5 * 2 ** attempt);
	if (error instanceof ApiResponseError && error.kind === 'status' && error.status === 429) {
		return error.retryAfterSeconds ?? backoff;
	}
	// A create is sent again only when it never reached the server.
	if (!IDEMPOTENT.has(method.toUpperCase()) && mayHaveLanded(error)) return undefined;
	if (error instanceof ApiResponseError) {
		if (error.kind !== 'status') return undefined;
		// The server says when: wait exactly that (a 503 without Retry-After is an outage, retried briefly).
		if (error.status === 503) return error.retryAfterSeconds ?? backoff;
		if (error.status === 502 || error.status === 504) return attempt < 2 ? backoff : undefined;
		return undefined;
	}
	const code = codeOf(error);
	return code && TRANSIENT_CODES.has(code) && attempt < 2 ? backoff : undefined;
}
