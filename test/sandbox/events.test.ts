// The clock and events on demand: programmatic (sb.setClock, sb.events), through the control
// endpoints (PUT /__sandbox/clock, POST /__sandbox/events), and through the CLI against a running sandbox.
import { spawn } from 'node:child_process';
import path from 'node:path';
import { call, useSandbox } from './helpers';

const sandbox = useSandbox();

describe('clock', () => {
	it('frozen at an instant: every stamp is that instant, to the millisecond, until advanced', async () => {
		const state = sandbox().setClock({ at: '2025-03-09T23:59:59.900-05:00', frozen: true });
		expect(state).toMatchObject({ now: '2025-03-10T04:59:59.900Z', frozen: true });
		const a = await call(sandbox(), 'PATCH', '/customers/cus-acme', { body: { name: 'A' } });
		const b = await call(sandbox(), 'POST', '/customers', { body: { accountId: 'acc-reseller', name: 'B' } });
		expect([a.json.dateLastModified, b.json.dateCreated, b.json.dateLastModified]).toEqual(Array(3).fill('2025-03-10T04:59:59.900Z'));
		sandbox().setClock({ advanceMs: 200 });
		expect(sandbox().events.notification().dateCreated).toBe('2025-03-10T05:00:00.100Z');
	});

	it('running from an instant, or offset from real time; {real: true} and reset() go back', async () => {
		sandbox().setClock({ at: Date.parse('2030-01-01T00:00:00Z') });
		const t = sandbox().now().getTime();
		expect(t).toBeGreaterThanOrEqual(Date.parse('2030-01-01T00:00:00Z'));
		expect(t).toBeLessThan(Date.parse('2030-01-01T00:00:05Z'));
		sandbox().setClock({ offsetMs: -86_400_000 });
		expect(Math.abs(sandbox().now().getTime() - (Date.now() - 86_400_000))).toBeLessThan(1000);
		sandbox().setClock({ real: true });
		expect(Math.abs(sandbox().now().getTime() - Date.now())).toBeLessThan(1000);
		sandbox().setClock({ at: '2030-01-01T00:00:00Z', frozen: true });
		sandbox().reset();
		expect(sandbox().setClock({ advanceMs: 0 }).frozen).toBe(false);
	});

	it('GET|PUT /__sandbox/clock; a bad spec is 400 naming what is wrong', async () => {
		const put = await call(sandbox(), 'PUT', '/__sandbox/clock', { token: null, body: { at: '2025-01-01T00:00:00.000Z', frozen: true } });
		expect(put.json).toMatchObject({ now: '2025-01-01T00:00:00.000Z', frozen: true });
		expect((await call(sandbox(), 'GET', '/__sandbox/clock', { token: null })).json.now).toBe('2025-01-01T00:00:00.000Z');
		for (const [body, message] of [
			[{ at: '2025-01-01T00:00:00' }, 'expected an ISO 8601 time with a zone'],
			[{ at: '2025-01-01T00:00:00Z', offsetMs: 5 }, 'give exactly one of real, at, offsetMs, advanceMs'],
			[{ offsetMs: 5, frozen: true }, 'frozen is true or false, and goes with at'],
			[{ tomorrow: true }, "unknown field 'tomorrow'"],
		] as const) {
			const r = await call(sandbox(), 'PUT', '/__sandbox/clock', { token: null, body });
			expect(r.status).toBe(400);
			expect(r.json.responseStatus.message).toContain(message);
		}
	});
});

describe('events', () => {
	it("a session's life: opened (not ended), then ended later with dateCompleted set and dateLastModified bumped", async () => {
		sandbox().setClock({ at: '2025-06-01T10:00:00.000Z', frozen: true });
		const opened = sandbox().events.session({ customerId: 'cus-acme-north', channel: 'Chat', ended: false });
		expect(opened).toMatchObject({ id: 'ses-000001', ended: false, dateCreated: '2025-06-01T10:00:00.000Z', dateLastModified: '2025-06-01T10:00:00.000Z' });
		expect(opened.dateCompleted).toBeUndefined();
		sandbox().setClock({ advanceMs: 90_000 });
		sandbox().events.endSession(opened.id);
		const r = await call(sandbox(), 'GET', `/sessions/${opened.id}`);
		expect(r.json).toMatchObject({
			ended: true, dateCreated: '2025-06-01T10:00:00.000Z', dateCompleted: '2025-06-01T10:01:30.000Z', dateLastModified: '2025-06-01T10:01:30.000Z',
			customerName: 'Acme Dental North', endpointId: 'end-cus-acme-north', outcome: 'Completed',
		});
		expect(r.json.log.map((l: { message: string }) => l.message)).toEqual([expect.stringMatching(/^Chat session from /), 'Session ended: Completed']);
		expect(() => sandbox().events.endSession(opened.id)).toThrow(/has already ended/);
		// Ended in one step: it ended at `at`, and began durationMs before.
		const call2 = sandbox().events.session({ at: '2025-06-01T12:00:00.000Z', durationMs: 30_000 });
		expect(call2).toMatchObject({ id: 'ses-000002', ended: true, dateCreated: '2025-06-01T11:59:30.000Z', dateCompleted: '2025-06-01T12:00:00.000Z' });
	});

	it('customers created and updated: deterministic IDs, stamps, and the update keeps its place in storage order', () => {
		sandbox().setClock({ at: '2025-06-01T10:00:00.000Z', frozen: true });
		const created = sandbox().events.customerCreated({ parentCustomerId: 'cus-acme' });
		expect(created).toMatchObject({ id: 'cus-000001', accountId: 'acc-reseller', parentCustomerId: 'cus-acme', dateCreated: '2025-06-01T10:00:00.000Z' });
		const updated = sandbox().events.customerUpdated('cus-bluebird', { at: '2025-06-01T10:00:00.001Z' });
		expect(updated.dateLastModified).toBe('2025-06-01T10:00:00.001Z');
		expect(updated.integrationData).toEqual({ HubSpot: { thirdPartyId: 'hs-2001' }, Sandbox: { thirdPartyId: 'sandbox-update-1' } });
		expect(Object.keys(sandbox().state.customers).indexOf('cus-bluebird')).toBe(3);
		expect(() => sandbox().events.customerUpdated('cus-nope')).toThrow("customerId 'cus-nope' is not a customer of the sandbox");
	});

	it('POST /__sandbox/events: a burst spaced in time, ending now; round-robin customers, channels and types; some left open', async () => {
		sandbox().setClock({ at: '2025-06-01T10:00:00.000Z', frozen: true });
		const r = await call(sandbox(), 'POST', '/__sandbox/events', {
			token: null,
			body: {
				sessions: { count: 6, customerIds: ['cus-acme', 'cus-bluebird'], channels: ['Voice', 'Fax'], open: 2 },
				notifications: { count: 2, types: ['Sms', 'Push'] }, customersCreated: 1, customersUpdated: { count: 1, customerIds: ['cus-acme'] },
				spacingMs: 1000,
			},
		});
		expect(r.json).toEqual({
			sessions: ['ses-000001', 'ses-000002', 'ses-000003', 'ses-000004', 'ses-000005', 'ses-000006'],
			notifications: ['ntf-000001', 'ntf-000002'], customersCreated: ['cus-000001'], customersUpdated: ['cus-acme'], sessionsEnded: [],
			first: '2025-06-01T09:59:51.000Z', last: '2025-06-01T10:00:00.000Z',
		});
		const s = sandbox().state.sessions;
		expect(['ses-000001', 'ses-000002', 'ses-000003', 'ses-000004'].map((id) => s[id].customerId)).toEqual(['cus-acme', 'cus-bluebird', 'cus-acme', 'cus-bluebird']);
		expect(['ses-000001', 'ses-000002'].map((id) => s[id].channel)).toEqual(['Voice', 'Fax']);
		expect(Object.values(s).filter((x) => x.id.startsWith('ses-0') && !x.ended).map((x) => x.id)).toEqual(['ses-000003', 'ses-000006']);
		expect(s['ses-000002'].dateCompleted).toBe('2025-06-01T09:59:52.000Z');
		expect(sandbox().state.notifications['ntf-000002']).toMatchObject({ type: 'Push', dateCreated: '2025-06-01T09:59:58.000Z' });
		// ...then the open ones end later, at given times.
		const end = await call(sandbox(), 'POST', '/__sandbox/events', { token: null, body: { endSessions: { oldestOpen: 5 }, at: Array(3).fill('2025-06-01T11:00:00Z') } });
		expect(end.json.sessionsEnded).toEqual(['ses-seed-06', 'ses-000003', 'ses-000006']); // opened longest ago first
		expect(s['ses-000006']).toMatchObject({ ended: true, dateCompleted: '2025-06-01T11:00:00.000Z' });
	});

	it.each([
		[{ sessions: { count: 2, customerIds: ['cus-acme', 'cus-nope'] } }, "customer 'cus-nope' does not exist"],
		[{ sessions: { count: 2, channels: ['Pigeon'] } }, 'sessions.channels is ["Pigeon"]; expected a non-empty list of Voice | Chat | Fax'],
		[{ sessions: { count: 1, open: 2 } }, 'sessions.open is 2, more than sessions.count 1'],
		[{ notifications: -1 }, 'notifications.count is -1'],
		[{ sessions: 2, at: ['2025-01-01T00:00:00Z'] }, 'at holds 1 times for 3 events'], // 2 sessions and the customer created
		[{ endSessions: { ids: ['ses-seed-01'] } }, "session 'ses-seed-01' has already ended"],
		[{ sesions: 1 }, "unknown burst field 'sesions'"],
	])('a bad burst is 400 naming the field, and makes nothing: %o', async (body, message) => {
		const before = JSON.stringify(sandbox().state);
		const r = await call(sandbox(), 'POST', '/__sandbox/events', { token: null, body: { customersCreated: 1, ...body } });
		expect(r.status).toBe(400);
		expect(r.json.responseStatus.message).toContain(message);
		expect(JSON.stringify(sandbox().state)).toBe(before);
	});
});

describe('CLI against a running sandbox', () => {
	const ROOT = path.resolve(__dirname, '../..');
	const run = (args: string[]) =>
		new Promise<{ code: number | null; out: string }>((resolve) => {
			const child = spawn(path.join(ROOT, 'node_modules/.bin/tsx'), ['sandbox/cli.ts', ...args, '--url', sandbox().url], { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'] });
			let out = '';
			child.stdout.on('data', (c: Buffer) => (out += c.toString()));
			child.stderr.on('data', (c: Buffer) => (out += c.toString()));
			child.once('close', (code) => resolve({ code, out }));
		});

	it('clock, events (with sessions that end later), semantics; a bad one exits 1 naming it', async () => {
		const clock = await run(['clock', '--at', '2025-03-09T23:59:59.900-05:00', '--frozen']);
		expect(clock).toEqual({ code: 0, out: expect.stringContaining('sandbox time 2025-03-10T04:59:59.900Z (frozen)') });
		const events = await run(['events', '--sessions', '2', '--notifications', '1', '--customer', 'cus-bluebird', '--end-after', '300ms', '--spacing', '0']);
		expect(events.code).toBe(0);
		expect(events.out).toContain('sessions ses-000001, ses-000002; notifications ntf-000001 (stamped 2025-03-10T04:59:59.900Z)');
		expect(events.out).toContain('sessions ended ses-000001, ses-000002');
		expect(Object.values(sandbox().state.sessions).filter((s) => s.customerId === 'cus-bluebird' && s.id.startsWith('ses-0')).map((s) => s.ended)).toEqual([true, true]);
		const semantics = await run(['semantics']);
		expect(JSON.parse(semantics.out)).toEqual(sandbox().semantics);
		const bad = await run(['events', '--sessions', '1', '--channel', 'Pigeon']);
		expect(bad.code).toBe(1);
		expect(bad.out).toContain('answered 400: sessions.channels is ["Pigeon"]');
	}, 60_000);
});
