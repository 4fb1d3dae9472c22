/**
 * Each entry of the event table: what it counts as an event and how it keys it (unit), and each
 * event in an active workflow against the sandbox with its filters (the API's, and the channel's).
 */
import { EVENTS, type TriggerFilters } from '../../nodes/EvoVoice/trigger/events';
import { freshSandbox } from '../fixtures/sandbox';
import { clock, delivered, ids, trigger } from './helpers';

const sb = freshSandbox();
const none: TriggerFilters = { endpointIds: [], channels: [] };

describe('the table', () => {
	it('a session is an event once it has ended, dated by its end, keyed by its ID', () => {
		const { occurrence } = EVENTS.sessionEnded;
		const session = { id: 'ses-1', channel: 'Voice', dateCreated: '2025-01-01T10:00:00Z', dateLastModified: '2025-01-01T10:05:00Z' };
		expect(occurrence({ ...session, ended: false }, none)).toBeUndefined();
		expect(occurrence({ ...session, ended: true, dateCompleted: '2025-01-01T10:04:00Z' }, none)).toEqual({ at: Date.parse('2025-01-01T10:04:00Z'), key: 'ses-1' });
		expect(occurrence({ ...session, ended: true }, none)?.at).toBe(Date.parse('2025-01-01T10:05:00Z'));
		expect(occurrence({ ...session, ended: true }, { ...none, channels: ['Fax'] })).toBeUndefined();
	});

	it('a customer update is one per change, and a customer never changed is no update', () => {
		const { occurrence } = EVENTS.customerUpdated;
		const created = { id: 'cus-1', dateCreated: '2025-01-01T10:00:00Z', dateLastModified: '2025-01-01T10:00:00Z' };
		expect(occurrence(created, none)).toBeUndefined();
		const changed = { ...created, dateLastModified: '2025-01-02T08:00:00Z' };
		expect(occurrence(changed, none)).toEqual({ at: Date.parse(changed.dateLastModified), key: `cus-1@${Date.parse(changed.dateLastModified)}` });
		expect(EVENTS.customerCreated.occurrence(changed, none)).toEqual({ at: Date.parse(created.dateCreated), key: 'cus-1' });
	});

	it('the API filters each event takes', () => {
		const filters: TriggerFilters = { accountId: 'acc-1', customerId: 'cus-1', endpointIds: ['end-1', 'end-2'], channels: ['Fax'], notificationType: 'Sms' };
		expect(EVENTS.sessionEnded.query(filters)).toEqual({ accountIds: ['acc-1'], customerIds: ['cus-1'], endpointIds: ['end-1', 'end-2'] });
		expect(EVENTS.customerCreated.query(filters)).toEqual({ accountIds: ['acc-1'] });
		expect(EVENTS.customerUpdated.query(filters)).toEqual({ accountIds: ['acc-1'] });
		expect(EVENTS.notification.query(filters)).toEqual({ accountIds: ['acc-1'], customerIds: ['cus-1'], type: 'Sms' });
	});
});

describe('customers created and updated', () => {
	it('a creation is delivered by Customer Created only, a change by Customer Updated only, each change once', async () => {
		const time = clock(sb, '2025-06-02T10:00:00.000Z');
		const created = trigger(sb, { event: 'customerCreated' });
		const updated = trigger(sb, { event: 'customerUpdated' });
		await created.activate();
		await updated.activate();
		time.step(5_000);
		const fresh = sb.events.customerCreated({ name: 'New Dental' }).id;
		time.step(1_000);
		sb.events.customerUpdated('cus-acme');
		time.step(5_000);
		expect(ids((await created.tick()).execution)).toEqual([fresh]);
		const [change] = (await updated.tick()).execution ?? [];
		expect(change).toMatchObject({ id: 'cus-acme', name: 'Acme Dental', referenceId: 'crm-1001', dateLastModified: '2025-06-02T10:00:06.000Z' });
		// Two more changes of one customer between two polls arrive as its latest state; a change in a later poll is new.
		time.step(60_000);
		sb.events.customerUpdated('cus-bluebird');
		time.step(1_000);
		sb.events.customerUpdated('cus-bluebird', { changes: { name: 'Bluebird Plumbing & Heating' } });
		time.step(5_000);
		expect((await updated.tick()).execution?.map((c) => [c.id, c.name])).toEqual([['cus-bluebird', 'Bluebird Plumbing & Heating']]);
		time.step(60_000);
		sb.events.customerUpdated('cus-bluebird');
		time.step(5_000);
		expect(ids((await updated.tick()).execution)).toEqual(['cus-bluebird']);
		expect(delivered(updated)).toEqual(['cus-acme', 'cus-bluebird', 'cus-bluebird']);
		time.step(60_000);
		expect((await created.tick()).execution).toBeUndefined();
		expect(delivered(created)).toEqual([fresh]);
	});

	it('the account filter', async () => {
		const time = clock(sb, '2025-06-02T10:00:00.000Z');
		const t = trigger(sb, { event: 'customerCreated', accountId: { __rl: true, mode: 'list', value: 'acc-other' } });
		await t.activate();
		time.step(5_000);
		sb.events.customerCreated({ accountId: 'acc-reseller' });
		const other = sb.events.customerCreated({ accountId: 'acc-other' }).id;
		time.step(5_000);
		expect(ids((await t.tick()).execution)).toEqual([other]);
	});
});

describe('notifications', () => {
	it('by type and customer, each once, oldest first', async () => {
		const time = clock(sb, '2025-06-02T10:00:00.000Z');
		const t = trigger(sb, { event: 'notification', notificationType: 'Sms', customerId: { __rl: true, mode: 'id', value: 'cus-acme' } });
		await t.activate();
		time.step(5_000);
		const burst = sb.events.burst({ notifications: { count: 8, customerIds: ['cus-acme', 'cus-bluebird'], types: ['Sms', 'Sms', 'Email', 'Email'] }, spacingMs: 100 }).notifications;
		const wanted = burst.filter((id) => sb.state.notifications[id].type === 'Sms' && sb.state.notifications[id].customerId === 'cus-acme');
		time.step(5_000);
		const execution = (await t.tick()).execution ?? [];
		expect(ids(execution)).toEqual(wanted);
		expect(wanted).toHaveLength(2);
		expect(execution[0]).toMatchObject({ type: 'Sms', customerId: 'cus-acme', recipients: [expect.stringMatching(/^\+1800555/)] });
	});
});

describe('sessions by account, customer and endpoint', () => {
	it('only those the filters name', async () => {
		const time = clock(sb, '2025-06-02T10:00:00.000Z');
		const t = trigger(sb, {
			event: 'sessionEnded',
			accountId: { __rl: true, mode: 'id', value: 'acc-reseller' },
			customerId: { __rl: true, mode: 'list', value: 'cus-acme' },
			endpointIds: 'end-cus-acme, end-nowhere',
		});
		await t.activate();
		time.step(5_000);
		const acme = sb.events.session({ customerId: 'cus-acme' }).id;
		sb.events.session({ customerId: 'cus-bluebird' });
		sb.events.session({ customerId: 'cus-contoso-1' });
		time.step(5_000);
		expect(ids((await t.tick()).execution)).toEqual([acme]);
	});
});
