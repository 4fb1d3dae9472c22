import type { IDataObject, IExecuteFunctions, IHttpRequestOptions } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import type { TransportSettings } from '../transport/client';
import { DEFAULT_RETRY } from '../transport/retry';

export const DEFAULT_MAX_IN_FLIGHT = 5;
export const DEFAULT_CONFIRM_AFTER_MS = 500;
const DEFAULT_TIMEOUT_MS = 300_000;

/** The run-wide settings: node settings, not per item, so they are read once (from item 0). */
export interface RunSettings extends TransportSettings {
	continueOnFail: boolean;
	/** Changes that rest on a read are read back this long (or longer) after the last write (confirm.ts). */
	confirm: { enabled: boolean; afterMs: number };
}

function proxyOf(context: IExecuteFunctions, proxy: string): IHttpRequestOptions['proxy'] {
	let url: URL;
	try {
		url = new URL(proxy);
	} catch {
		throw new NodeOperationError(context.getNode(), `Request Options › Proxy (proxy) is not a URL: ${JSON.stringify(proxy)}`);
	}
	const port = Number(url.port || (url.protocol === 'https:' ? 443 : 80));
	return {
		host: url.hostname,
		port,
		protocol: url.protocol.replace(/:$/, ''),
		...(url.username ? { auth: { username: decodeURIComponent(url.username), password: decodeURIComponent(url.password) } } : {}),
	};
}

export function readSettings(context: IExecuteFunctions): RunSettings {
	const options = context.getNodeParameter('requestOptions', 0, {}) as IDataObject;
	const number = (value: unknown, fallback: number) => (typeof value === 'number' && Number.isFinite(value) ? value : fallback);
	const timeoutMs = number(options.timeout, 0) > 0 ? Number(options.timeout) : DEFAULT_TIMEOUT_MS;
	const proxy = typeof options.proxy === 'string' && options.proxy.trim() !== '' ? proxyOf(context, options.proxy.trim()) : undefined;
	return {
		maxInFlight: Math.max(1, Math.floor(number(options.maxConcurrency, DEFAULT_MAX_IN_FLIGHT))),
		retry: {
			maxRetries: Math.max(0, number(options.maxRetries, DEFAULT_RETRY.maxRetries)),
			maxWaitSeconds: Math.max(0, number(options.maxRetryWait, DEFAULT_RETRY.maxWaitSeconds)),
		},
		timeoutMs,
		transport: {
			timeout: timeoutMs,
			...(proxy ? { proxy } : {}),
			...(options.allowUnauthorizedCerts === true ? { skipSslCertificateValidation: true } : {}),
		},
		continueOnFail: context.continueOnFail(),
		confirm: {
			enabled: options.confirmChanges !== false,
			afterMs: Math.max(0, number(options.confirmAfter, DEFAULT_CONFIRM_AFTER_MS)),
		},
	};
}
