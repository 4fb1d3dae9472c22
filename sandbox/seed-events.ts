// The default seed's sessions and notifications: a few of each channel and type, on two days
// around a UTC midnight (one session spans it: created on one day, completed on the next), one
// session still open, one in the account the manager cannot reach. Fixed dates and IDs.
import type { FlowChannel, NotificationInfo, NotificationType, SessionInfo } from './types';

const BY = 'system';

function session(n: number, customerId: string, accountId: string, channel: FlowChannel, created: string, completed?: string): SessionInfo {
	const from = `+1202555010${n}`;
	const to = `+180055502${n}0`;
	const log = [{ date: created, message: `${channel} session from ${from} to ${to}` }];
	if (completed) log.push({ date: completed, message: 'Session ended: Completed' });
	return {
		id: `ses-seed-0${n}`, accountId, customerId, endpointId: `end-${customerId}`, endpointName: 'Main line',
		channel, ended: !!completed, dialState: completed ? 'None' : 'Active', queueState: 'None',
		...(channel === 'Voice' ? { callState: completed ? 'Disconnected' : 'Connected', callSid: `CA${String(n).padStart(32, '0')}` } : {}),
		...(completed ? { dateCompleted: completed, outcome: 'Completed' } : {}),
		fromAddress: from, toAddress: to, destination: to, fromName: `Seed Caller ${n}`, log,
		dateCreated: created, dateLastModified: completed ?? created, createdBy: BY, lastModifiedBy: BY,
	};
}

function notification(n: number, customerId: string, accountId: string, type: NotificationType, created: string, subject: string): NotificationInfo {
	return {
		id: `ntf-seed-0${n}`, accountId, customerId, type, subject, body: `${subject} (seed notification ${n})`,
		recipients: [{ address: type === 'Email' ? 'frontdesk@acmedental.example' : '+18005550100' }], attachments: [],
		from: `+1202555010${n}`, to: type === 'Email' ? 'frontdesk@acmedental.example' : '+18005550100', error: false,
		dateCreated: created, dateLastModified: created, createdBy: BY, lastModifiedBy: BY,
	};
}

export function seedSessions(): SessionInfo[] {
	const R = 'acc-reseller';
	return [
		session(1, 'cus-acme', R, 'Voice', '2024-05-20T13:00:00.000Z', '2024-05-20T13:04:30.000Z'),
		session(2, 'cus-acme-north', R, 'Chat', '2024-05-20T15:10:00.000Z', '2024-05-20T15:12:00.000Z'),
		session(3, 'cus-bluebird', R, 'Fax', '2024-05-20T23:58:00.000Z', '2024-05-21T00:01:00.000Z'),
		session(4, 'cus-acme-south', R, 'Voice', '2024-05-21T04:30:00.000Z', '2024-05-21T04:33:00.000Z'),
		session(5, 'cus-contoso-1', 'acc-other', 'Voice', '2024-05-21T10:00:00.000Z', '2024-05-21T10:02:00.000Z'),
		session(6, 'cus-acme', R, 'Voice', '2024-05-21T12:00:00.000Z'),
	];
}

export function seedNotifications(): NotificationInfo[] {
	return [
		notification(1, 'cus-acme', 'acc-reseller', 'Email', '2024-05-20T13:05:00.000Z', 'New voicemail from +12025550101'),
		notification(2, 'cus-bluebird', 'acc-reseller', 'Sms', '2024-05-21T00:02:00.000Z', 'Missed call from +12025550102'),
		notification(3, 'cus-contoso-1', 'acc-other', 'IncomingCall', '2024-05-21T10:00:00.000Z', 'Incoming call from +12025550103'),
	];
}
