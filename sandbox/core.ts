// The request pipeline, one pass per request: route, count, read the body, inject faults, run the
// handler, answer, log. Kept allocation-light because benchmarks push thousands of requests.
import type { IncomingMessage, ServerResponse } from 'node:http';
import { authenticateRequest, redactAuthorization, SECRET_COOKIES, SECRET_QUERY } from './auth';
import { Clock } from './clock';
import { Events } from './events';
import { garbled, JSON_TYPE, statusReply, type Reply } from './fault-replies';
import { FaultEngine, type FaultRule } from './faults';
import { ApiError, errorBody, parseQuery, readBody, TOO_LARGE, type Result } from './http';
import { CounterSet, RequestLog } from './log';
import { resolveSemantics, type SandboxSemantics, type SemanticsOverrides } from './modes';
import { Router, type Match, type RequestContext } from './router';
import { accountRoutes } from './routes/accounts';
import { authRoutes } from './routes/auth';
import { control, type ControlApi } from './routes/control';
import { customerRoutes } from './routes/customers';
import { notificationRoutes } from './routes/notifications';
import { sessionRoutes } from './routes/sessions';
import { systemRoutes } from './routes/system';
import { StateFile, stateFromSeed } from './state';
import type { RequestLogEntry, SandboxState, SeedData } from './types';

export class Core {
	readonly router = new Router([...authRoutes, ...customerRoutes, ...accountRoutes, ...systemRoutes, ...sessionRoutes, ...notificationRoutes]);
	readonly faults = new FaultEngine(this.router.keys());
	readonly counters = new CounterSet();
	readonly log: RequestLog;
	readonly stateFile?: StateFile;
	state: SandboxState;
	semantics: SandboxSemantics;
	/** The sandbox's "now": every stamp and the archive's age read it (clock.ts). */
	readonly clock = new Clock();
	readonly events: Events;
	/** Sessions opened by POST /auth/credentials: session ID → user ID. Never persisted. */
	readonly sessions = new Map<string, string>();
	/** Latency timers, cleared by stop() so a closing sandbox leaves nothing behind. */
	private readonly timers = new Set<NodeJS.Timeout>();
	private stopped = false;

	constructor(private readonly seed: SeedData, faults: FaultRule[], logLimit: number, stateFile?: string, semantics?: SemanticsOverrides) {
		this.semantics = resolveSemantics(semantics);
		this.faults.set(faults);
		this.log = new RequestLog(logLimit);
		if (stateFile) this.stateFile = new StateFile(stateFile, () => this.state);
		this.state = this.stateFile?.load() ?? stateFromSeed(seed);
		this.events = new Events(() => this.state, () => this.clock.nowMs(), this.newCustomerId, () => this.stateFile?.schedule());
	}

	reset(seed?: SeedData): void {
		this.state = stateFromSeed(seed ?? this.seed);
		this.log.clear();
		this.counters.clear();
		this.faults.set([]);
		this.sessions.clear();
		this.clock.reset();
		this.stateFile?.schedule();
	}

	stop(): void {
		this.stopped = true;
		for (const t of this.timers) clearTimeout(t);
		this.timers.clear();
	}

	private sleep(ms: number): Promise<void> {
		return new Promise((resolve) => {
			const t = setTimeout(() => {
				this.timers.delete(t);
				resolve();
			}, ms);
			this.timers.add(t);
		});
	}

	private readonly newCustomerId = (): string => {
		let id: string;
		do id = `cus-${String(this.state.nextId++).padStart(6, '0')}`;
		while (this.state.customers[id]);
		return id;
	};

	async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
		const method = req.method ?? 'GET';
		const url = req.url ?? '/';
		const q = url.indexOf('?');
		const path = q < 0 ? url : url.slice(0, q);
		const search = q < 0 ? '' : url.slice(q + 1);
		if (path.startsWith('/__sandbox')) return this.handleControl(req, res, method, path, search);

		const t0 = performance.now();
		const startedAt = Date.now();
		let match: Match | undefined;
		let routeError: unknown;
		try {
			match = this.router.match(method, path);
		} catch (err) {
			routeError = err;
		}
		const route = match ? (match.kind === 'route' ? match.route.key : match.key) : `${method} <unmatched>`;
		const counters = this.counters;
		counters.request(route);
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
		let body: unknown;
		let bodyError: string | undefined;
		if (raw !== TOO_LARGE && raw !== '') {
			try {
				body = JSON.parse(raw);
			} catch (err) {
				bodyError = `Could not deserialize 'application/json' request body: ${(err as Error).message}`;
			}
		}
		const query = parseQuery(search);
		const headers = redactedHeaders(req.headers);
		const entry: RequestLogEntry = {
			method, path, route, query: redactedQuery(query), headers, body: bodyError ? raw : redactedBody(body),
			status: 0, startedAt: new Date(startedAt).toISOString(), durationMs: 0, stateChanged: false,
		};
		const send = (reply: Reply) => {
			entry.status = reply.status;
			entry.durationMs = performance.now() - t0;
			this.log.push(entry);
			finish();
			const type = reply.text ? { 'Content-Type': reply.type, 'Content-Length': String(Buffer.byteLength(reply.text)) } : undefined;
			// The Date header on the sandbox's clock, as a real server's is on its own: a poller can take "now" from it.
			res.writeHead(reply.status, { Date: this.clock.now().toUTCString(), ...type, ...reply.headers });
			res.end(reply.text);
		};

		const decision = this.faults.decide(route, `${method} ${path}`);
		const failure = decision?.failure;
		if (decision) {
			for (const label of decision.labels) counters.fault(label);
			entry.fault = decision.labels.join(',');
			if (decision.delayMs > 0) await this.sleep(decision.delayMs);
			if (this.stopped) return;
			if (failure?.kind === 'reset' || failure?.kind === 'timeout') {
				entry.durationMs = performance.now() - t0;
				this.log.push(entry); // status 0: nothing was answered
				if (failure.kind === 'reset') {
					finish();
					req.socket.destroy();
				}
				return; // 'timeout' hangs until the client gives up or close() destroys the socket
			}
			if (failure?.kind === 'status') return send(statusReply(failure));
		}

		let result: Result;
		try {
			if (routeError) throw routeError;
			if (raw === TOO_LARGE) throw new ApiError(413, 'RequestEntityTooLarge', 'The request body is larger than 4 MiB');
			const h = req.headers;
			const sessionHeader = h['x-ss-id'];
			const creds = { authorization: h.authorization, cookie: h.cookie, sessionId: Array.isArray(sessionHeader) ? sessionHeader[0] : sessionHeader, query };
			const user = authenticateRequest(this.state, creds, this.semantics.auth, this.sessions);
			const rc: RequestContext = {
				method, path, params: {}, query, body, bodyError, user, state: this.state, now: this.clock.now(),
				newCustomerId: this.newCustomerId, semantics: this.semantics, sessions: this.sessions,
			};
			result = dispatch(match!, rc);
		} catch (err) {
			result = errorResult(err);
		}
		if (result.changed) {
			entry.stateChanged = true;
			this.stateFile?.schedule();
		}
		// 'resetAfterApply' is apply-then-reset: the write above has happened, the answer is lost.
		if (failure?.kind === 'resetAfterApply') {
			entry.durationMs = performance.now() - t0;
			this.log.push(entry); // status 0: nothing was answered
			finish();
			req.socket.destroy();
			return;
		}
		const text = result.body === undefined ? '' : JSON.stringify(result.body);
		// 'malformed' is apply-then-garble: the write above has happened, only the answer is broken.
		send(failure?.kind === 'malformed' ? garbled(text) : { status: result.status, text, type: JSON_TYPE, headers: result.headers });
	}

	private async handleControl(req: IncomingMessage, res: ServerResponse, method: string, path: string, search: string): Promise<void> {
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
			result = control(this.controlApi, method, path, parseQuery(search), body);
		} catch (err) {
			result = errorResult(err);
		}
		if (result.changed) this.stateFile?.schedule();
		const text = result.body === undefined ? '' : JSON.stringify(result.body);
		res.writeHead(result.status, text ? { 'Content-Type': JSON_TYPE } : {});
		res.end(text);
	}

	private readonly controlApi: ControlApi = {
		setFaults: (rules) => this.faults.set(rules),
		faultRules: () => this.faults.rules(),
		setMaxCountPerPage: (max) => (this.semantics.maxCountPerPage = max ?? null),
		logEntries: () => this.log.entries(),
		counters: () => this.counters.snapshot(),
		reset: (seed) => this.reset(seed),
		state: () => this.state,
		clock: (spec) => (spec === undefined ? this.clock.state() : this.clock.set(spec)),
		burst: (spec) => this.events.burst(spec),
		semantics: (overrides) => (overrides === undefined ? this.semantics : (this.semantics = resolveSemantics(overrides))),
	};
}

/** Headers as the log keeps them: the Authorization scheme, cookie names, no session IDs. */
function redactedHeaders(raw: IncomingMessage['headers']): RequestLogEntry['headers'] {
	const headers = { ...raw };
	if (headers.authorization) headers.authorization = redactAuthorization(headers.authorization);
	if (headers['x-ss-id']) headers['x-ss-id'] = '[redacted]';
	if (headers.cookie) {
		headers.cookie = headers.cookie
			.split(';')
			.map((part) => {
				const name = part.split('=')[0].trim();
				return SECRET_COOKIES.includes(name) ? `${name}=[redacted]` : part.trim();
			})
			.join('; ');
	}
	return headers;
}

/** A login body (POST /auth/credentials) as the log keeps it: without its password. */
function redactedBody(body: unknown): unknown {
	if (typeof body !== 'object' || body === null || !('password' in body)) return body;
	return { ...body, password: '[redacted]' };
}

function redactedQuery(query: RequestLogEntry['query']): RequestLogEntry['query'] {
	if (!SECRET_QUERY.some((name) => name in query)) return query;
	const out = { ...query };
	for (const name of SECRET_QUERY) if (name in out) out[name] = '[redacted]';
	return out;
}

function dispatch(match: Match, rc: RequestContext): Result {
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
