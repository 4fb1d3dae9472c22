// What an injected failure looks like on the wire. 429/500/503 come from the API itself, so they
// carry ServiceStack's JSON error; 502/504 come from the load balancer in front of it, so they
// are HTML pages, and a client must cope with a non-JSON error body.
import type { Failure } from './faults';
import { errorBody } from './http';

export interface Reply {
	status: number;
	text: string;
	type: string;
	headers?: Record<string, string>;
}

export const JSON_TYPE = 'application/json; charset=utf-8';

const page = (title: string) =>
	`<html><head><title>${title}</title></head><body><center><h1>${title}</h1></center><hr><center>nginx</center></body></html>\n`;
const PROXY_PAGES: Record<number, string> = { 502: page('502 Bad Gateway'), 504: page('504 Gateway Time-out') };
const API_ERRORS: Record<number, [string, string]> = {
	429: ['TooManyRequests', 'Too Many Requests'],
	500: ['InternalServerError', 'An unexpected error occurred (injected by the sandbox)'],
	503: ['ServiceUnavailable', 'Service Unavailable'],
};

export function statusReply(failure: Failure): Reply {
	const html = PROXY_PAGES[failure.status];
	if (html) return { status: failure.status, text: html, type: 'text/html' };
	const [code, message] = API_ERRORS[failure.status];
	const headers = failure.retryAfterSeconds !== undefined ? { 'Retry-After': String(failure.retryAfterSeconds) } : undefined;
	return { status: failure.status, text: JSON.stringify(errorBody(code, message)), type: JSON_TYPE, headers };
}

/** 'malformed': the first half of the real answer, as when a proxy cuts a response off. Always invalid JSON. */
export function garbled(text: string): Reply {
	return { status: 200, text: text.length > 2 ? text.slice(0, Math.floor(text.length / 2)) : '{"', type: JSON_TYPE };
}
