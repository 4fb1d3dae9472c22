/**
 * Fetch Test Event: a manual run of the workflow (n8n's WorkflowExecute in manual mode) gives the
 * most recent matching event, or an error that says what to do; it never moves the cursor.
 */
import { triggerMessages } from '../../nodes/EvoVoice/model/messages';
import { STATE_KEY } from '../../nodes/EvoVoice/trigger/state';
import { freshSandbox } from '../fixtures/sandbox';
import { clock, delivered, ids, trigger } from './helpers';

const sb = freshSandbox();

describe('Fetch Test Event', () => {
	it('with nothing in the last 7 days: an error saying what to do, and no item', async () => {
		clock(sb, '2025-06-02T10:00:00.000Z');
		const t = trigger(sb, { event: 'sessionEnded' });
		const result = await t.fetchTestEvent();
		expect(result.items).toEqual([]);
		expect(result.error?.message).toBe(triggerMessages.noSample('call, message or fax has ended', 7));
		expect(result.error?.message).toMatch(/click "Fetch Test Event" again/);
		expect(result.error?.description).toBe(triggerMessages.noSampleDescription());
	});

	it('gives the most recent matching event, and leaves the cursor and the memory where the active workflow left them', async () => {
		const time = clock(sb, '2025-06-02T10:00:00.000Z');
		const t = trigger(sb, { event: 'sessionEnded', channels: ['Fax'] });
		await t.activate();
		time.step(5_000);
		const burst = sb.events.burst({ sessions: { count: 6, customerIds: ['cus-acme'], channels: ['Fax', 'Voice'] }, spacingMs: 1_000 }).sessions;
		const faxes = burst.filter((id) => sb.state.sessions[id].channel === 'Fax');
		time.step(5_000);
		const database = JSON.stringify(t.database);
		const memory = JSON.stringify(t.memory);
		const sample = await t.fetchTestEvent();
		expect(sample.error).toBeUndefined();
		expect(ids(sample.items)).toEqual([faxes[faxes.length - 1]]);
		expect(sample.items[0]).toMatchObject({ channel: 'Fax', customerName: 'Acme Dental', durationSeconds: 60 });
		expect(JSON.stringify(sample.staticDataAfter)).toBe(database);
		expect(JSON.stringify(t.database)).toBe(database);
		expect(JSON.stringify(t.memory)).toBe(memory);
		// The active workflow still gets every one of them.
		await t.tick();
		expect(delivered(t)).toEqual(faxes);
	});

	it('before any activation, writes no cursor', async () => {
		const time = clock(sb, '2025-06-02T10:00:00.000Z');
		sb.events.customerCreated({ name: 'Fresh Customer' });
		time.step(1_000);
		const t = trigger(sb, { event: 'customerCreated', simple: false });
		const sample = await t.fetchTestEvent();
		expect(sample.items.map((c) => c.name)).toEqual(['Fresh Customer']);
		expect(JSON.stringify(sample.staticDataAfter)).not.toContain(STATE_KEY);
		expect(t.database).toEqual({});
	});
});
