import type { IDataObject, INode, JsonObject } from 'n8n-workflow';
import { NodeApiError } from 'n8n-workflow';

import { httpHints, messages } from '../model/messages';

interface ServiceStackStatus {
	errorCode?: string;
	message?: string;
	errors?: Array<{ errorCode?: string; fieldName?: string; message?: string }>;
}

/** A failed answer of the API, kept raw until the client decides to retry it or report it. */
export class ApiResponseError extends Error {
	constructor(
		readonly status: number,
		readonly headers: IDataObject,
		readonly body: unknown,
		readonly kind: 'status' | 'malformed' = 'status',
	) {
		super(kind === 'malformed' ? messages.malformedResponse() : `HTTP ${status}`);
	}

	/** Seconds the server asked us to wait (Retry-After as seconds or an HTTP date), if it did. */
	get retryAfterSeconds(): number | undefined {
		const raw = this.headers['retry-after'] ?? this.headers['Retry-After'];
		if (raw === undefined || raw === null || raw === '') return undefined;
		const text = String(Array.isArray(raw) ? raw[0] : raw).trim();
		if (/^\d+(\.\d+)?$/.test(text)) return Number(text);
		const date = Date.parse(text);
		return Number.isNaN(date) ? undefined : Math.max(0, (date - Date.now()) / 1000);
	}

	get responseStatus(): ServiceStackStatus | undefined {
		const body = typeof this.body === 'string' ? tryParse(this.body) : this.body;
		const status = (body as { responseStatus?: ServiceStackStatus } | undefined)?.responseStatus;
		return typeof status === 'object' && status !== null ? status : undefined;
	}
}

function tryParse(text: string): unknown {
	try {
		return JSON.parse(text) as unknown;
	} catch {
		return undefined;
	}
}

/** Removes every secret from a text, however the API echoed it back. */
export function scrub(text: string, secrets: string[]): string {
	let result = text;
	for (const secret of secrets) {
		if (secret.length >= 4) result = result.split(secret).join('**hidden**');
	}
	return result;
}

/**
 * Builds the error a user sees for a failed request: the API's own message and field errors, what
 * the status means, and nothing of the request itself (its headers carry the credential).
 */
export function toNodeApiError(
	node: INode,
	error: unknown,
	itemIndex: number,
	secrets: string[],
	timeoutMs: number,
	/** What failed, instead of "item N": a trigger's poll has no items. */
	subject?: string,
): NodeApiError {
	let httpCode: string | undefined;
	let message: string;
	let details: string[] = [];
	let cause: string | undefined;
	if (error instanceof ApiResponseError) {
		httpCode = String(error.status);
		const status = error.responseStatus;
		const hint = httpHints[error.status] ?? `The Evo Voice API answered HTTP ${error.status}`;
		message = error.kind === 'malformed' ? messages.malformedResponse() : status?.message ? `${hint}: ${status.message}` : hint;
		details = (status?.errors ?? []).map((e) => `${e.fieldName ?? '(request)'}: ${e.message ?? e.errorCode ?? 'invalid'}`);
	} else {
		const code = (error as { cause?: { code?: string } }).cause?.code ?? (error as { code?: string }).code;
		cause = code;
		message =
			code === 'ECONNABORTED' || code === 'ETIMEDOUT'
				? messages.timeout(timeoutMs)
				: code
					? messages.network(code)
					: (error as Error).message ?? 'Unknown error';
	}
	// The item and status go into the message too: with "continue on fail" the message is all an
	// error item's JSON keeps.
	const where = `${subject ?? `item ${itemIndex + 1}`}${httpCode ? `, HTTP ${httpCode}` : ''}`;
	const safeMessage = scrub(`${message} (${where})`, secrets);
	const description = scrub(
		[`${where[0].toUpperCase()}${where.slice(1)}${cause ? ` (${cause})` : ''}.`, ...details].join(' '),
		secrets,
	);
	const response: JsonObject = { message: safeMessage, ...(httpCode ? { httpCode } : {}) };
	return new NodeApiError(node, response, { message: safeMessage, description, httpCode, itemIndex });
}
