// Shared helpers for the sandbox tests: real HTTP through Node's fetch.
import { SANDBOX_CREDENTIALS, startSandbox, type Sandbox, type SandboxOptions } from '../../sandbox';

export const C = SANDBOX_CREDENTIALS;

export interface CallOptions {
	token?: string | null; // default: admin token; null = no Authorization header
	basic?: { email: string; password: string };
	authorization?: string;
	body?: unknown;
	rawBody?: string;
	headers?: Record<string, string>;
	signal?: AbortSignal;
}

export interface Reply<T = any> {
	status: number;
	headers: Headers;
	text: string;
	json: T;
}

export async function call<T = any>(sb: Sandbox, method: string, path: string, opts: CallOptions = {}): Promise<Reply<T>> {
	const headers: Record<string, string> = { Accept: 'application/json', ...opts.headers };
	if (opts.authorization) headers.Authorization = opts.authorization;
	else if (opts.basic) headers.Authorization = `Basic ${Buffer.from(`${opts.basic.email}:${opts.basic.password}`).toString('base64')}`;
	else if (opts.token !== null) headers.Authorization = `Bearer ${opts.token ?? C.adminToken}`;
	let body: string | undefined;
	if (opts.rawBody !== undefined) body = opts.rawBody;
	else if (opts.body !== undefined) body = JSON.stringify(opts.body);
	if (body !== undefined) headers['Content-Type'] = 'application/json';
	const res = await fetch(sb.url + path, { method, headers, body, signal: opts.signal });
	const text = await res.text();
	let json: any;
	try {
		json = text ? JSON.parse(text) : undefined;
	} catch {
		json = undefined;
	}
	return { status: res.status, headers: res.headers, text, json };
}

/** One sandbox per test file, reset before every test so tests never see each other's writes. */
export function useSandbox(options: SandboxOptions = {}): () => Sandbox {
	let sb: Sandbox | undefined;
	beforeAll(async () => {
		sb = await startSandbox(options);
	});
	beforeEach(() => sb!.reset());
	afterAll(async () => {
		await sb?.close();
	});
	return () => sb!;
}

/** Polls until `check` holds (for states reached asynchronously, e.g. requests arriving). */
export async function until(check: () => boolean, timeoutMs = 2000): Promise<void> {
	const end = Date.now() + timeoutMs;
	while (!check()) {
		if (Date.now() > end) throw new Error('condition not reached in time');
		await new Promise((r) => setTimeout(r, 5));
	}
}
