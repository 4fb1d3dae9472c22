// The HTTP server: one pipeline per request — route, count, read body, inject faults, run the
// handler, answer, log. Kept allocation-light because benchmarks push thousands of requests.
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { Socket } from 'node:net';
import { authenticate, redactAuthorization } from './auth';
import { FaultEngine, type FaultDecision, type FaultRule } from './faults';
import { ApiError, errorBody, parseQuery, readBody, TOO_LARGE, type Result } from './http';
import { CounterSet, RequestLog } from './log';
import { Router, type RequestContext } from './router';
import { accountRoutes } from './routes/accounts';
import { authRoutes } from './routes/auth';
import { control } from './routes/control';
import { customerRoutes } from './routes/customers';
import { systemRoutes } from './routes/system';
import { defaultSeed } from './seed';
import { StateFile, stateFromSeed } from './state';
import type { Counters, RequestLogEntry, SandboxState, SeedData } from './types';

export interface SandboxOptions {
	port?: number;
	host?: string;
	seed?: SeedData;
	stateFile?: string;
	faults?: FaultRule[];
	logLimit?: number;
}

export interface Sandbox {
	url: string;
	port: number;
	state: SandboxState;
	log: RequestLogEntry[];
	counters(): Counters;
	setFaults(rules: FaultRule[]): void;
	reset(seed?: SeedData): void;
	close(): Promise<void>;
}

const JSON_TYPE = 'application/json; charset=utf-8';
// 502/504 come from the load balancer in front of the API, so they are HTML, not ServiceStack JSON.
const PROXY_PAGES: Record<number, string> = {
	502: '<html><head><title>502 Bad Gateway</title></head><body><center><h1>502 Bad Gateway</h1></center><hr><center>nginx</center></body></html>\n',
	504: '<html><head><title>504 Gateway Time-out</title></head><body><center><h1>504 Gateway Time-out</h1></center><hr><center>nginx</center></body></html>\n',
};
const FAULT_ERRORS: Record<number, [string, string]> = {
	429: ['TooManyRequests', 'Too Many Requests'],
	500: ['InternalServerError', 'An unexpected error occurred (injected by the sandbox)'],
	503: ['ServiceUnavailable', 'Service Unavailable'],
};

export async function startSandbox(options: SandboxOptions = {}): Promise<Sandbox> {
	const router = new Router([...authRoutes, ...customerRoutes, ...accountRoutes, ...systemRoutes]);
	const faults = new FaultEngine(router.keys());
	faults.set(options.faults ?? []);
	const seed = structuredClone(options.seed ?? defaultSeed());
	const stateFile: StateFile | undefined = options.stateFile ? new StateFile(options.stateFile, () => state) : undefined;
	let state: SandboxState = stateFile?.load() ?? stateFromSeed(seed);
	const log = new RequestLog(options.logLimit ?? 10_000);
	const counters = new CounterSet();
	const sockets = new Set<Socket>();
	const timers = new Set<NodeJS.Timeout>();
	let closing: Promise<void> | undefined;

	const sleep = (ms: number) =>
		new Promise<void>((resolve) => {
			const t = setTimeout(() => {
				timers.delete(t);
				resolve();
			}, ms);
			timers.add(t);
		});

	const newCustomerId = (): string => {
		let id: string;
		do id = `cus-${String(state.nextId++).padStart(6, '0')}`;
		while (state.customers[id]);
		return id;
	};

	function reset(next?: SeedData): void {
		state = stateFromSeed(next ?? seed);
		log.clear();
		counters.clear();
		faults.set([]);
		stateFile?.schedule();
	}

	async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
		const method = req.method ?? 'GET';
		const url = req.url ?? '/';
		const q = url.indexOf('?');
		const path = q < 0 ? url : url.slice(0, q);
		const search = q < 0 ? '' : url.slice(q + 1);
		if (path.startsWith('/__sandbox')) return handleControl(req, res, method, path, search);

		const t0 = performance.now();
		const startedAt = Date.now();
		let match: ReturnType<Router['match']> | undefined;
		let routeError: unknown;
		try {
			match = router.match(method, path);
		} catch (err) {
			routeError = err;
		}
		const key = match ? (match.kind === 'route' ? match.route.key : match.key) : `${method} <unmatched>`;
		counters.request(key);
		let finished = false;
		const finish = () => {
			if (!finished) {
				finished = true;
				counters.inFlight--;
			}
		};
		res.once('close', finish); // hung, reset and abandoned requests

		const raw = await readBody(req);
		if (raw === null) return finish(); // the client went away
		const query = parseQuery(search);
		let body: unknown;
		let bodyError: string | undefined;
		if (raw !== TOO_LARGE && raw !== '') {
			try {
				body = JSON.parse(raw);
			} catch (err) {
				bodyError = `Could not deserialize 'application/json' request body: ${(err as Error).message}`;
			}
		}
		const headers = { ...req.headers };
		if (headers.authorization) headers.authorization = redactAuthorization(headers.authorization);
		const entry: RequestLogEntry = {
			method, path, route: key, query, headers, body: bodyError ? raw : body,
			status: 0, startedAt: new Date(startedAt).toISOString(), durationMs: 0, stateChanged: false,
		};
		const send = (status: number, text: string, type = JSON_TYPE, extra?: Record<string, string>) => {
			entry.status = status;
			entry.durationMs = performance.now() - t0;
			log.push(entry);
			finish();
			res.writeHead(status, text ? { 'Content-Type': type, 'Content-Length': String(Buffer.byteLength(text)), ...extra } : extra);
			res.end(text);
		};

		const decision: FaultDecision | null = faults.decide(key, `${method} ${path}`);
		if (decision) {
			for (const label of decision.labels) counters.fault(label);
			entry.fault = decision.labels.join(',');
			if (decision.delayMs > 0) await sleep(decision.delayMs);
			if (closing) return;
			const failure = decision.failure;
			if (failure?.kind === 'reset' || failure?.kind === 'timeout') {
				entry.durationMs = performance.now() - t0;
				log.push(entry); // status 0: nothing was answered
				if (failure.kind === 'reset') {
					finish();
					req.socket.destroy();
				}
				return; // 'timeout' hangs until the client gives up or close() destroys the socket
			}
			if (failure?.kind === 'status') {
				const page = PROXY_PAGES[failure.status];
				if (page) return send(failure.status, page, 'text/html');
				const [code, message] = FAULT_ERRORS[failure.status];
				const retry = failure.retryAfterSeconds !== undefined ? { 'Retry-After': String(failure.retryAfterSeconds) } : undefined;
				return send(failure.status, JSON.stringify(errorBody(code, message)), JSON_TYPE, retry);
			}
		}

		let result: Result;
		try {
			if (routeError) throw routeError;
			if (raw === TOO_LARGE) throw new ApiError(413, 'RequestEntityTooLarge', 'The request body is larger than 4 MiB');
			result = dispatch(match!, { method, path, params: {}, query, body, bodyError, user: authenticate(state, req.headers.authorization), state, now: new Date(startedAt), newCustomerId });
		} catch (err) {
			result = errorResult(err);
		}
		if (result.changed) {
			entry.stateChanged = true;
			stateFile?.schedule();
		}
		const text = result.body === undefined ? '' : JSON.stringify(result.body);
		// 'malformed' is apply-then-garble, like a proxy cutting off a response the API produced.
		if (decision?.failure?.kind === 'malformed') return send(200, text.length > 2 ? text.slice(0, Math.floor(text.length / 2)) : '{"');
		send(result.status, text, JSON_TYPE, result.headers);
	}

	async function handleControl(req: IncomingMessage, res: ServerResponse, method: string, path: string, search: string): Promise<void> {
		const raw = await readBody(req);
		if (raw === null) return;
		let result: Result;
		try {
			if (raw === TOO_LARGE) throw new ApiError(413, 'RequestEntityTooLarge', 'The request body is larger than 4 MiB');
			let body: unknown;
			try {
				body = raw ? JSON.parse(raw) : undefined;
			} catch (err) {
				throw new ApiError(400, 'SerializationException', (err as Error).message);
			}
			result = control(api, method, path, parseQuery(search), body);
		} catch (err) {
			result = errorResult(err);
		}
		if (result.changed) stateFile?.schedule();
		const text = result.body === undefined ? '' : JSON.stringify(result.body);
		res.writeHead(result.status, text ? { 'Content-Type': JSON_TYPE } : {});
		res.end(text);
	}

	const api = {
		setFaults: (rules: FaultRule[]) => faults.set(rules),
		faultRules: () => faults.rules(),
		logEntries: () => log.entries(),
		counters: () => counters.snapshot(),
		reset,
		state: () => state,
	};

	const server = createServer((req, res) => void handle(req, res));
	server.on('connection', (socket) => {
		sockets.add(socket);
		socket.once('close', () => sockets.delete(socket));
	});
	await new Promise<void>((resolve, reject) => {
		server.once('error', reject);
		server.listen(options.port ?? 0, options.host ?? '127.0.0.1', () => {
			server.off('error', reject);
			resolve();
		});
	});
	const address = server.address();
	const port = typeof address === 'object' && address ? address.port : 0;
	const host = options.host ?? '127.0.0.1';

	return {
		url: `http://${host.includes(':') ? `[${host}]` : host}:${port}`,
		port,
		get state() {
			return state;
		},
		get log() {
			return log.entries();
		},
		counters: () => counters.snapshot(),
		setFaults: (rules) => faults.set(rules),
		reset,
		close() {
			closing ??= (async () => {
				for (const t of timers) clearTimeout(t);
				timers.clear();
				const closed = new Promise<void>((resolve) => server.close(() => resolve()));
				server.closeAllConnections();
				for (const socket of sockets) socket.destroy(); // including hung 'timeout' requests
				await closed;
				await stateFile?.flush();
			})();
			return closing;
		},
	};
}

function dispatch(match: ReturnType<Router['match']>, rc: RequestContext): Result {
	if (match.kind === 'none') throw new ApiError(404, 'NotFound', `Handler for Request not found: ${rc.method} ${rc.path}`);
	if (match.kind === 'method') {
		const err = new ApiError(405, 'MethodNotAllowed', `${rc.method} is not allowed on ${rc.path}; allowed: ${match.allow.join(', ')}`);
		return { ...errorResult(err), headers: { Allow: match.allow.join(', ') } };
	}
	rc.params = match.params;
	return match.route.handler(rc);
}

function errorResult(err: unknown): Result {
	if (err instanceof ApiError) return { status: err.status, body: errorBody(err.errorCode, err.message, err.errors) };
	console.error('sandbox: unexpected error', err);
	return { status: 500, body: errorBody('InternalServerError', String((err as Error)?.message ?? err)) };
}
