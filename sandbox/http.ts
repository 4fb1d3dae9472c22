// Wire-level helpers: ServiceStack-shaped errors, request bodies, query strings.
import type { IncomingMessage } from 'node:http';
import type { FieldError } from './validate';

export type Query = Record<string, string | string[]>;

/** A handler's answer. `changed` tells the server to persist state and mark the log entry. */
export interface Result {
	status: number;
	body?: unknown;
	headers?: Record<string, string>;
	changed?: boolean;
}

/** Thrown by handlers; rendered as ServiceStack's `{responseStatus:{errorCode,message,errors}}`. */
export class ApiError extends Error {
	constructor(
		readonly status: number,
		readonly errorCode: string,
		message: string,
		readonly errors?: FieldError[],
	) {
		super(message);
	}
}

export function errorBody(errorCode: string, message: string, errors?: FieldError[]): unknown {
	return { responseStatus: errors?.length ? { errorCode, message, errors } : { errorCode, message } };
}

export const unauthorized = (): ApiError => new ApiError(401, 'Unauthorized', 'Not Authenticated');
export const forbidden = (): ApiError => new ApiError(403, 'Forbidden', 'Invalid Role');
export const notFound = (what: string, id: string): ApiError => new ApiError(404, 'NotFound', `${what} \`${id}\` not found`);

/** 400 carrying field errors; the top-level code and message are the first error's, as ServiceStack does. */
export function badRequest(errors: FieldError[], dto?: string): ApiError {
	const first = errors[0];
	const message = first.errorCode === 'SerializationException' && dto ? `Unable to bind to request '${dto}'` : first.message;
	return new ApiError(400, first.errorCode, message, errors);
}

export function fieldError(errorCode: string, fieldName: string, message: string): ApiError {
	return badRequest([{ errorCode, fieldName, message }]);
}

const MAX_BODY = 4 * 1024 * 1024;
export const TOO_LARGE = Symbol('too large');

/** Reads the raw body. Resolves null if the client went away, TOO_LARGE past 4 MiB (drained, not kept). */
export function readBody(req: IncomingMessage): Promise<string | null | typeof TOO_LARGE> {
	// GETs without a body are the hot path of benchmarks: skip the stream machinery.
	if (req.headers['content-length'] === undefined && req.headers['transfer-encoding'] === undefined) {
		return Promise.resolve('');
	}
	return new Promise((resolve) => {
		const chunks: Buffer[] = [];
		let size = 0;
		req.on('data', (chunk: Buffer) => {
			size += chunk.length;
			if (size <= MAX_BODY) chunks.push(chunk);
		});
		req.on('end', () => resolve(size > MAX_BODY ? TOO_LARGE : Buffer.concat(chunks).toString('utf8')));
		req.on('error', () => resolve(null));
		req.on('close', () => resolve(null)); // no-op when 'end' came first
	});
}

/** Parses the query string; repeated keys become arrays. */
export function parseQuery(search: string): Query {
	const out: Query = {};
	if (!search) return out;
	for (const [key, value] of new URLSearchParams(search)) {
		const prev = out[key];
		if (prev === undefined) out[key] = value;
		else if (Array.isArray(prev)) prev.push(value);
		else out[key] = [prev, value];
	}
	return out;
}

/** ServiceStack binds a list from repeated keys, comma lists, or both. `key[]` is accepted too. */
export function queryList(query: Query, key: string): string[] | undefined {
	const raw = query[key] ?? query[`${key}[]`];
	if (raw === undefined) return undefined;
	const parts = (Array.isArray(raw) ? raw : [raw]).flatMap((v) => v.split(','));
	return parts.map((s) => s.trim()).filter(Boolean);
}

function queryScalar(query: Query, key: string): string | undefined {
	const raw = query[key];
	return Array.isArray(raw) ? raw[raw.length - 1] : raw;
}

export function queryString(query: Query, key: string): string | undefined {
	const v = queryScalar(query, key);
	return v === '' ? undefined : v;
}

export function queryBool(query: Query, key: string): boolean | undefined {
	const v = queryString(query, key);
	if (v === undefined) return undefined;
	const lower = v.toLowerCase();
	if (lower === 'true' || lower === '1') return true;
	if (lower === 'false' || lower === '0') return false;
	throw fieldError('SerializationException', key, `'${v}' is an Invalid value for '${key}' (expected true or false)`);
}

export function queryInt(query: Query, key: string, min: number): number | undefined {
	const v = queryString(query, key);
	if (v === undefined) return undefined;
	const n = Number(v);
	if (!/^-?\d+$/.test(v) || n < min || n > 2147483647) {
		throw fieldError('SerializationException', key, `'${v}' is an Invalid value for '${key}' (expected an integer >= ${min})`);
	}
	return n;
}
