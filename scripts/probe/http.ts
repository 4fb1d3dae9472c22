// The probe's HTTP client: one place that sends, times out, and records each exchange for the
// report with its secrets already taken out (the Authorization value, secret cookies and query
// values never reach the record; bodies are scrubbed).
import { REDACTED, Secrets } from './secrets';

/** How one request carries the login (see AUTH_MODES in sandbox/modes.ts for the token ways). */
export interface Auth {
	label: string;
	headers?: Record<string, string>;
	query?: Record<string, string>;
}

export const NO_AUTH: Auth = { label: 'no login' };

export interface Exchange {
	n: number;
	method: string;
	/** Path and query, secret query values redacted. */
	url: string;
	auth: string;
	requestBody?: unknown;
	status: number;
	/** ServiceStack's errorCode and message, or the transport error. Answers are not kept: they hold customer data. */
	error?: string;
}

export interface Reply {
	status: number;
	json: any;
	text: string;
	headers: Headers;
	exchange: Exchange;
}

export interface RequestOptions {
	auth?: Auth;
	query?: Record<string, string | number | boolean>;
	body?: unknown;
	/** Excluded from the abort signal: cleanup must run after an interrupt. */
	unabortable?: boolean;
}

const SECRET_QUERY = new Set(['apikey', 'ss-tok']);

export class ProbeClient {
	readonly exchanges: Exchange[] = [];

	constructor(
		readonly baseUrl: string,
		readonly secrets: Secrets,
		private readonly signal?: AbortSignal,
		private readonly timeoutMs = 30_000,
	) {}

	/** True once the run was interrupted: steps stop, cleanup goes on. */
	get aborted(): boolean {
		return this.signal?.aborted ?? false;
	}

	async request(method: string, path: string, options: RequestOptions = {}): Promise<Reply> {
		const auth = options.auth ?? NO_AUTH;
		const query = new URLSearchParams();
		for (const [k, v] of Object.entries(options.query ?? {})) query.set(k, String(v));
		for (const [k, v] of Object.entries(auth.query ?? {})) query.set(k, v);
		const qs = query.toString();
		const shown = new URLSearchParams(query);
		for (const k of SECRET_QUERY) if (shown.has(k)) shown.set(k, REDACTED);
		const exchange: Exchange = {
			n: this.exchanges.length + 1,
			method,
			url: this.secrets.scrub(`${path}${qs ? `?${decodeURIComponent(shown.toString())}` : ''}`),
			auth: auth.label,
			status: 0,
		};
		if (options.body !== undefined) exchange.requestBody = this.secrets.scrubValue(options.body);
		this.exchanges.push(exchange);
		if (!options.unabortable) this.signal?.throwIfAborted();
		const headers: Record<string, string> = {
			Accept: 'application/json',
			'User-Agent': 'n8n-nodes-evovoice-probe',
			...auth.headers,
		};
		if (options.body !== undefined) headers['Content-Type'] = 'application/json';
		const signals = [AbortSignal.timeout(this.timeoutMs)];
		if (this.signal && !options.unabortable) signals.push(this.signal);
		let res: Response;
		let text: string;
		try {
			res = await fetch(`${this.baseUrl}${path}${qs ? `?${qs}` : ''}`, {
				method,
				headers,
				body: options.body === undefined ? undefined : JSON.stringify(options.body),
				signal: AbortSignal.any(signals),
				redirect: 'manual',
			});
			text = await res.text();
		} catch (err) {
			const e = err as Error & { cause?: Error };
			exchange.error = this.secrets.scrub(`${e.name === 'TimeoutError' ? 'timed out' : e.message}${e.cause ? ` (${e.cause.message})` : ''}`);
			throw err;
		}
		let json: any;
		try {
			json = text ? JSON.parse(text) : undefined;
		} catch {
			json = undefined;
		}
		exchange.status = res.status;
		const rs = json?.responseStatus;
		if (res.status >= 400) {
			exchange.error = this.secrets.scrub(rs ? `${rs.errorCode ?? ''}: ${rs.message ?? ''}`.trim() : res.statusText || 'no message');
		}
		return { status: res.status, json, text, headers: res.headers, exchange };
	}
}

export const ok = (r: Reply): boolean => r.status >= 200 && r.status < 300;
