// Fault injection. Rules are checked in order for every API request (never for /__sandbox/*):
// each matching rule that fires adds its delay, and the first fired rule with a failure decides
// the failure. A rule with neither status nor kind is a pure latency rule. When to fire:
// `count` = only the next N matches, `firstAttempts` = the first N requests to each distinct
// METHOD+path (so a retrying client eventually gets through), `rate` = that fraction, drawn from
// a PRNG seeded by `seed` so the same request sequence gives the same faults; none = always.
// Conditions combine (all must hold). setFaults() restarts every counter and PRNG.
// Two kinds run the request first and break only the answer: 'malformed' (apply-then-garble) and
// 'resetAfterApply' (apply-then-reset: a create or update whose answer is lost, so a client cannot
// tell it from a 'reset' that changed nothing, and must not blindly send a create again).

export type FaultKind = 'status' | 'reset' | 'timeout' | 'malformed' | 'resetAfterApply';

export interface FaultRule {
	route?: string;
	latencyMs?: number;
	jitterMs?: number;
	status?: 429 | 500 | 502 | 503 | 504;
	rate?: number;
	seed?: number;
	retryAfterSeconds?: number;
	kind?: FaultKind;
	firstAttempts?: number;
	count?: number;
}

export interface Failure {
	kind: FaultKind;
	status: number;
	retryAfterSeconds?: number;
	/** 'status:429', 'reset', 'timeout', 'malformed' or 'resetAfterApply': the log's `fault` and the counters' key. */
	label: string;
}

export interface FaultDecision {
	delayMs: number;
	failure?: Failure;
	/** Every fault applied, including 'latency'. */
	labels: string[];
}

const STATUSES = [429, 500, 502, 503, 504];
const KINDS: FaultKind[] = ['status', 'reset', 'timeout', 'malformed', 'resetAfterApply'];

/** mulberry32: tiny, fast, and good enough for reproducible draws (faults here, the e2e suites' shuffles). */
export function prng(seed: number): () => number {
	let a = seed >>> 0;
	return () => {
		a = (a + 0x6d2b79f5) >>> 0;
		let t = a;
		t = Math.imul(t ^ (t >>> 15), t | 1);
		t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
		return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
	};
}

/** 'PATCH /customers/{customerId}' and 'patch /customers/:x' both mean 'PATCH /customers/:id'. */
export function normalizeRoute(route: string): string {
	const [method, path = '*'] = route.trim().split(/\s+/, 2);
	if (method === '*' && path === '*') return '*';
	const p = path === '*' ? '*' : path.split('/').map((s) => (/^(:.+|\{.+\})$/.test(s) ? ':id' : s.toLowerCase())).join('/');
	return `${method.toUpperCase()} ${p}`;
}

function routeMatches(pattern: string, route: string): boolean {
	if (pattern === '*' || pattern === route) return true;
	const [pm, pp] = pattern.split(' ');
	const [rm, rp] = route.split(' ');
	return (pm === '*' || pm === rm) && (pp === '*' || pp === rp);
}

/** Throws a readable message for a rule that cannot be right (also catches route typos). */
export function checkRule(rule: FaultRule, knownRoutes: string[]): void {
	const fail = (why: string) => {
		throw new Error(`Invalid fault rule ${JSON.stringify(rule)}: ${why}`);
	};
	if (typeof rule !== 'object' || rule === null || Array.isArray(rule)) fail('not an object');
	if (rule.route !== undefined) {
		if (typeof rule.route !== 'string') fail('route must be a string');
		const r = normalizeRoute(rule.route);
		if (!knownRoutes.some((k) => routeMatches(r, k))) fail(`route matches none of ${knownRoutes.join(', ')}`);
	}
	if (rule.status !== undefined && !STATUSES.includes(rule.status)) fail(`status must be one of ${STATUSES.join(', ')}`);
	if (rule.kind !== undefined && !KINDS.includes(rule.kind)) fail(`kind must be one of ${KINDS.join(', ')}`);
	if (rule.rate !== undefined && !(typeof rule.rate === 'number' && rule.rate >= 0 && rule.rate <= 1)) fail('rate must be within 0..1');
	for (const key of ['latencyMs', 'jitterMs', 'retryAfterSeconds', 'firstAttempts', 'count', 'seed'] as const) {
		const v = rule[key];
		if (v !== undefined && !(typeof v === 'number' && Number.isFinite(v) && v >= 0)) fail(`${key} must be a number >= 0`);
	}
}

class ActiveRule {
	readonly route: string;
	readonly failure?: Failure;
	private readonly draw: () => number;
	private readonly jitter: () => number;
	private remaining: number;
	private readonly attempts = new Map<string, number>();

	constructor(readonly rule: FaultRule) {
		this.route = normalizeRoute(rule.route ?? '*');
		const seed = rule.seed ?? 1;
		this.draw = prng(seed);
		this.jitter = prng(seed ^ 0x5bd1e995);
		this.remaining = rule.count ?? Infinity;
		const kind = rule.kind ?? (rule.status !== undefined ? 'status' : undefined);
		if (kind) {
			const status = kind === 'status' ? rule.status ?? 500 : kind === 'malformed' ? 200 : 0;
			const retry = rule.retryAfterSeconds;
			this.failure = {
				kind,
				status,
				label: kind === 'status' ? `status:${status}` : kind,
				retryAfterSeconds: retry !== undefined && (status === 429 || status === 503) ? Math.ceil(retry) : undefined,
			};
		}
	}

	fires(route: string, pathKey: string): boolean {
		if (!routeMatches(this.route, route) || this.remaining <= 0) return false;
		if (this.rule.firstAttempts !== undefined) {
			const n = this.attempts.get(pathKey) ?? 0;
			this.attempts.set(pathKey, n + 1);
			if (n >= this.rule.firstAttempts) return false;
		}
		if (this.rule.rate !== undefined && !(this.draw() < this.rule.rate)) return false;
		this.remaining--;
		return true;
	}

	delay(): number {
		return (this.rule.latencyMs ?? 0) + (this.rule.jitterMs ? this.jitter() * this.rule.jitterMs : 0);
	}
}

export class FaultEngine {
	private active: ActiveRule[] = [];

	constructor(private readonly knownRoutes: string[]) {}

	set(rules: FaultRule[]): void {
		if (!Array.isArray(rules)) throw new Error('Fault rules must be an array');
		rules.forEach((r) => checkRule(r, this.knownRoutes));
		this.active = rules.map((r) => new ActiveRule(r));
	}

	rules(): FaultRule[] {
		return this.active.map((a) => a.rule);
	}

	/** Null (the common, cheap case) when no rule fires. */
	decide(route: string, pathKey: string): FaultDecision | null {
		if (this.active.length === 0) return null;
		let decision: FaultDecision | null = null;
		for (const rule of this.active) {
			if (!rule.fires(route, pathKey)) continue;
			decision ??= { delayMs: 0, labels: [] };
			const delay = rule.delay();
			if (delay > 0) {
				decision.delayMs += delay;
				if (!decision.labels.includes('latency')) decision.labels.push('latency');
			}
			if (rule.failure && !decision.failure) {
				decision.failure = rule.failure;
				decision.labels.push(rule.failure.label);
			}
		}
		return decision;
	}
}
