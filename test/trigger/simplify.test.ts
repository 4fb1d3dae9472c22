import { simplifyCustomerEvent, simplifyNotification, simplifySession } from '../../nodes/EvoVoice/trigger/simplify';

describe('Simplify', () => {
	it('a session: who, with whom, how it ended, ISO dates and its length; nothing internal', () => {
		const out = simplifySession({
			id: 'ses-1', channel: 'Voice', outcome: 'Completed', customerId: 'cus-acme', customerName: 'Acme Dental', fromAddress: '+12025550001',
			toAddress: '+18005550001', answeredByName: 'Front Desk', dateCreated: '/Date(1717322400000-0000)/', dateCompleted: '2024-06-02T10:01:30.000',
			consoleData: '{"x":1}', dialState: 'None', customerBreadcrumb: [{ id: 'cus-acme', name: 'Acme Dental' }],
		});
		expect(out).toEqual({
			id: 'ses-1', channel: 'Voice', outcome: 'Completed', customerId: 'cus-acme', customerName: 'Acme Dental', fromAddress: '+12025550001',
			toAddress: '+18005550001', answeredByName: 'Front Desk', dateCreated: '2024-06-02T10:00:00.000Z', dateCompleted: '2024-06-02T10:01:30.000Z',
			durationSeconds: 90,
		});
	});

	it('a customer: the action node\'s simplified customer and its dates', () => {
		const out = simplifyCustomerEvent({
			id: 'cus-1', name: 'Acme', referenceId: 'crm-1', accountId: 'acc-1', tags: [{ id: 't', name: 'VIP' }], data: { Plan: { stringValue: 'Pro' } },
			dateCreated: '2024-06-02T10:00:00Z', dateLastModified: 'not a date', billingSettings: { items: [] },
		});
		expect(out).toEqual({
			id: 'cus-1', name: 'Acme', referenceId: 'crm-1', accountId: 'acc-1', tags: ['VIP'], data: { Plan: 'Pro' },
			dateCreated: '2024-06-02T10:00:00.000Z', dateLastModified: 'not a date',
		});
	});

	it('a notification: what was sent to whom; recipients as addresses', () => {
		const out = simplifyNotification({ id: 'n', type: 'Sms', subject: 'Missed call', recipients: [{ address: '+1800' }, { extra: 'x' }], attachments: [], error: false, dateCreated: '2024-06-02T10:00:00Z' });
		expect(out).toEqual({ id: 'n', type: 'Sms', subject: 'Missed call', recipients: ['+1800'], error: false, dateCreated: '2024-06-02T10:00:00.000Z' });
	});
});
