// GET /notifications (ListNotifications). Its filters are named fromFilter, toFilter and
// subjectFilter (unlike ListSessions' from and to); the day filter reads dateCreated, in the zone
// and with the end the semantics say. There is no GET /notifications/{id} on the pages seen.
import { dayRange, inRange } from '../dates';
import { fieldError, queryString, type Result } from '../http';
import { pageOf } from '../paging';
import { recordValues } from '../record';
import type { RequestContext, RouteDef } from '../router';
import type { NotificationType } from '../types';
import { notificationView } from '../views';
import { contains, ownerFilter } from './owned';

export const NOTIFICATION_TYPES: NotificationType[] = ['Email', 'Sms', 'Push', 'IncomingCall', 'OutgoingCall'];

function list(rc: RequestContext): Result {
	const owned = ownerFilter(rc);
	const { state, query, semantics } = rc;
	const range = dayRange(query, semantics);
	const type = queryString(query, 'type');
	if (type !== undefined && !NOTIFICATION_TYPES.includes(type as NotificationType)) {
		throw fieldError('InvalidEnumValue', 'type', `'${type}' is not a valid NotificationTypes; expected one of ${NOTIFICATION_TYPES.join(', ')}`);
	}
	const from = queryString(query, 'fromFilter');
	const to = queryString(query, 'toFilter');
	const subject = queryString(query, 'subjectFilter');
	const matches = recordValues(state.notifications).filter(
		(n) =>
			owned(n) &&
			(!range || inRange(n.dateCreated, range)) &&
			(type === undefined || n.type === type) &&
			contains(n.from, from) &&
			contains(n.to, to) &&
			contains(n.subject, subject),
	);
	const page = pageOf(matches, query, { specificIds: rc.semantics.specificIds,
		maxCountPerPage: semantics.maxCountPerPage, sort: semantics.sort.notifications, defaultField: 'dateCreated', defaultOrder: 'Descend',
	});
	return { status: 200, body: { ...page, items: page.items.map((n) => notificationView(state, n, semantics.dateFormat)) } };
}

export const notificationRoutes: RouteDef[] = [{ method: 'GET', pattern: '/notifications', handler: list }];
