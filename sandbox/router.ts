// A tiny router: a dozen routes, matched segment by segment. Static segments match
// case-insensitively (as ServiceStack's do); ':id' takes one URL-decoded segment.
import { ApiError, type Query, type Result } from './http';
import type { SandboxSemantics } from './modes';
import type { SandboxState, SandboxUser } from './types';

export interface RequestContext {
	method: string;
	path: string;
	params: Record<string, string>;
	query: Query;
	/** Parsed JSON body; undefined when the request had none. */
	body: unknown;
	/** Set when the body was not valid JSON; reported only once the caller is authenticated. */
	bodyError?: string;
	user: SandboxUser | undefined;
	state: SandboxState;
	now: Date;
	/** Allocates the ID of a customer created by POST /customers. */
	newCustomerId(): string;
	semantics: SandboxSemantics;
	/** Session ID → user ID, for sessions opened by POST /auth/credentials. */
	sessions: Map<string, string>;
}

export type Handler = (rc: RequestContext) => Result;

export interface RouteDef {
	method: string;
	pattern: string;
	handler: Handler;
}

interface Compiled extends RouteDef {
	key: string;
	segments: string[];
}

export type Match =
	| { kind: 'route'; route: Compiled; params: Record<string, string> }
	| { kind: 'method'; key: string; allow: string[] }
	| { kind: 'none'; key: string };

export class Router {
	private readonly routes: Compiled[];

	constructor(defs: RouteDef[]) {
		this.routes = defs.map((d) => ({ ...d, key: `${d.method} ${d.pattern}`, segments: d.pattern.split('/').slice(1) }));
	}

	/** Route keys as counters and fault rules spell them, e.g. 'PATCH /customers/:id'. */
	keys(): string[] {
		return this.routes.map((r) => r.key);
	}

	match(method: string, path: string): Match {
		const parts = path.split('/').slice(1);
		if (parts.length > 1 && parts[parts.length - 1] === '') parts.pop(); // tolerate a trailing slash
		const allow: string[] = [];
		let pattern = '';
		for (const route of this.routes) {
			const params = matchSegments(route.segments, parts);
			if (!params) continue;
			if (route.method === method) return { kind: 'route', route, params };
			allow.push(route.method);
			pattern = route.pattern;
		}
		if (allow.length) return { kind: 'method', key: `${method} ${pattern}`, allow };
		return { kind: 'none', key: `${method} <unmatched>` };
	}
}

function matchSegments(segments: string[], parts: string[]): Record<string, string> | null {
	if (segments.length !== parts.length) return null;
	let params: Record<string, string> | null = null;
	for (let i = 0; i < segments.length; i++) {
		const seg = segments[i];
		if (seg.startsWith(':')) {
			if (!parts[i]) return null;
			params ??= {};
			params[seg.slice(1)] = decodeSegment(parts[i]);
		} else if (seg !== parts[i] && seg !== parts[i].toLowerCase()) return null;
	}
	return params ?? {};
}

function decodeSegment(s: string): string {
	try {
		return decodeURIComponent(s);
	} catch {
		throw new ApiError(400, 'ArgumentException', `Malformed percent-encoding in path segment '${s}'`);
	}
}
