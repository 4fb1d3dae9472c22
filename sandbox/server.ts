// startSandbox(): the public entry point. Owns the listening socket and every connection, so
// close() can end even requests deliberately left hanging by a 'timeout' fault.
import { createServer } from 'node:http';
import type { Socket } from 'node:net';
import type { ClockSpec, ClockState } from './clock';
import { Core } from './core';
import type { Events } from './events';
import type { FaultRule } from './faults';
import { resolveSemantics, type SandboxSemantics, type SemanticsOverrides } from './modes';
import { defaultSeed } from './seed';
import type { Counters, RequestLogEntry, SandboxState, SeedData } from './types';

export interface SandboxOptions {
	/** 0 / undefined = an ephemeral port. */
	port?: number;
	/** Default '127.0.0.1'. The control endpoints need no login: keep it on loopback. */
	host?: string;
	/** Default: defaultSeed(). Copied, so later edits to the object do not leak in. */
	seed?: SeedData;
	/** Load state from this file at start when it exists; save after writes (debounced) and at close. */
	stateFile?: string;
	faults?: FaultRule[];
	/** A server-side cap on list page sizes, below what countPerPage asks. */
	maxCountPerPage?: number;
	/** Request-log entries kept (a ring), default 10_000. */
	logLimit?: number;
	/** Behaviours of the real service (modes.ts); what is left out keeps the guess. */
	semantics?: SemanticsOverrides;
}

export interface Sandbox {
	/** e.g. http://127.0.0.1:43123, no trailing slash. */
	url: string;
	port: number;
	/** Live state; read (or edit) it directly. Replaced by reset(), so re-read it after one. */
	state: SandboxState;
	/** A snapshot of the request log, oldest first; read it again after more requests. */
	log: RequestLogEntry[];
	counters(): Counters;
	setFaults(rules: FaultRule[]): void;
	/** The settings in force (a live object: read it again after setSemantics). */
	readonly semantics: SandboxSemantics;
	/** Replaces every setting: the defaults overlaid with `overrides`. Survives reset(). */
	setSemantics(overrides: SemanticsOverrides): void;
	/** Caps list page sizes (undefined lifts the cap): the semantics' maxCountPerPage. */
	setMaxCountPerPage(max: number | undefined): void;
	/** Back to the seed (or the one given); clears log, counters and faults; the clock back to real time. */
	reset(seed?: SeedData): void;
	/** The sandbox's now (clock.ts): what stamps dates and ages the archive. */
	now(): Date;
	/** Sets the clock: {at, frozen?} | {offsetMs} | {advanceMs} | {real: true}. Also PUT /__sandbox/clock. */
	setClock(spec: ClockSpec): ClockState;
	/** Makes events happen (events.ts, burst.ts); also POST /__sandbox/events. */
	readonly events: Events;
	close(): Promise<void>;
}

export async function startSandbox(options: SandboxOptions = {}): Promise<Sandbox> {
	const seed = structuredClone(options.seed ?? defaultSeed());
	const core = new Core(seed, options.faults ?? [], options.logLimit ?? 10_000, options.stateFile, {
		...options.semantics,
		...(options.maxCountPerPage !== undefined ? { maxCountPerPage: options.maxCountPerPage } : {}),
	});
	const sockets = new Set<Socket>();
	const server = createServer((req, res) => void core.handle(req, res));
	server.on('connection', (socket) => {
		sockets.add(socket);
		socket.once('close', () => sockets.delete(socket));
	});
	const host = options.host ?? '127.0.0.1';
	await new Promise<void>((resolve, reject) => {
		server.once('error', reject);
		server.listen(options.port ?? 0, host, () => {
			server.off('error', reject);
			resolve();
		});
	});
	const address = server.address();
	const port = typeof address === 'object' && address ? address.port : 0;
	let closing: Promise<void> | undefined;

	return {
		url: `http://${host.includes(':') ? `[${host}]` : host}:${port}`,
		port,
		get state() {
			return core.state;
		},
		get log() {
			return core.log.entries();
		},
		counters: () => core.counters.snapshot(),
		setFaults: (rules) => core.faults.set(rules),
		get semantics() {
			return core.semantics;
		},
		setSemantics: (overrides) => {
			core.semantics = resolveSemantics(overrides);
		},
		setMaxCountPerPage: (max) => (core.semantics.maxCountPerPage = max ?? null),
		reset: (next) => core.reset(next),
		now: () => core.clock.now(),
		setClock: (spec) => core.clock.set(spec),
		events: core.events,
		close() {
			closing ??= (async () => {
				core.stop();
				const closed = new Promise<void>((resolve) => server.close(() => resolve()));
				server.closeAllConnections();
				for (const socket of sockets) socket.destroy(); // including hung 'timeout' requests
				await closed;
				await core.stateFile?.flush();
			})();
			return closing;
		},
	};
}
