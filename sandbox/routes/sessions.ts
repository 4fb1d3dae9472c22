// GET /sessions (ListSessions) and GET /sessions/{id} (GetSession). The day filter, the sort and
// the archive follow the semantics (modes.ts): which zone's days startDate/endDate mean, whether
// endDate is included, which date they read, whether sortField/sortOrder are honoured.
import { requireUser } from '../auth';
import { dayRange, inRange } from '../dates';
import { notFound, queryBool, queryList, queryString, type Result } from '../http';
import { pageOf } from '../paging';
import { recordValues } from '../record';
import type { RequestContext, RouteDef } from '../router';
import type { SessionInfo } from '../types';
import { sessionView } from '../views';
import { assertOwnedReach, contains, ownerFilter } from './owned';

const DAY_MS = 86_400_000;

/** Archived: ended, and created more than archiveAfterDays before now. */
export function isArchived(s: SessionInfo, nowMs: number, afterDays: number | null): boolean {
	if (afterDays === null || !s.ended) return false;
	return Date.parse(s.dateCreated ?? '') < nowMs - afterDays * DAY_MS;
}

function list(rc: RequestContext): Result {
	const owned = ownerFilter(rc);
	const { state, query, semantics } = rc;
	const range = dayRange(query, semantics);
	const endpoints = queryList(query, 'endpointIds');
	const endpointSet = endpoints?.length ? new Set(endpoints) : undefined;
	const from = queryString(query, 'from');
	const to = queryString(query, 'to');
	const log = queryString(query, 'log')?.toLowerCase();
	const parent = queryString(query, 'parentSessionId');
	// Without an archive (the default) searchArchive changes nothing; with one it searches only the archive.
	const archive = semantics.archiveAfterDays === null ? undefined : queryBool(query, 'searchArchive') ?? false;
	if (archive === undefined) queryBool(query, 'searchArchive'); // still a bool, or 400
	const now = rc.now.getTime();
	const matches = recordValues(state.sessions).filter(
		(s) =>
			owned(s) &&
			(!range || inRange(s[semantics.sessionDayField], range)) &&
			(!endpointSet || endpointSet.has(s.endpointId ?? '')) &&
			contains(s.fromAddress, from) &&
			contains(s.toAddress, to) &&
			(!log || (s.log ?? []).some((l) => (l.message ?? '').toLowerCase().includes(log))) &&
			(parent === undefined || s.parentSessionId === parent) &&
			(archive === undefined || isArchived(s, now, semantics.archiveAfterDays) === archive),
	);
	const page = pageOf(matches, query, { specificIds: rc.semantics.specificIds,
		maxCountPerPage: semantics.maxCountPerPage, sort: semantics.sort.sessions, defaultField: 'dateCreated', defaultOrder: 'Descend',
	});
	return { status: 200, body: { ...page, items: page.items.map((s) => sessionView(state, s, semantics.dateFormat)) } };
}

/** Live or archived alike: an ID is enough. Login first (401), then existence (404), then reach (403). */
function get(rc: RequestContext): Result {
	requireUser(rc.user);
	const session = rc.state.sessions[rc.params.id];
	if (!session) throw notFound('Session', rc.params.id);
	assertOwnedReach(rc, session);
	return { status: 200, body: sessionView(rc.state, session, rc.semantics.dateFormat, true) };
}

export const sessionRoutes: RouteDef[] = [
	{ method: 'GET', pattern: '/sessions', handler: list },
	{ method: 'GET', pattern: '/sessions/:id', handler: get },
];
