/** Bad settings fail the activation (as n8n shows it) naming the field and the value, before any request. */
import { freshSandbox } from '../fixtures/sandbox';
import { ActiveTrigger } from '../harness/trigger';
import { clock, requestsSince, trigger } from './helpers';

const sb = freshSandbox();

describe('settings', () => {
	it.each([
		[{ event: 'sessionEnded', options: { maxEvents: 0 } }, 'Options › Max Events per Poll (maxEvents) must be 1 or more, not 0'],
		[{ event: 'sessionEnded', options: { maxEvents: 2.5 } }, 'Options › Max Events per Poll (maxEvents) must be a whole number, not 2.5'],
		[{ event: 'sessionEnded', options: { lateMinutes: -1 } }, 'Options › Late Records Window (Minutes) (lateMinutes) must be 0 or more, not -1'],
		[{ event: 'sessionEnded', endpointIds: 'end-1, ..' }, 'Endpoint IDs (entry 2) (endpointIds) cannot be ".."'],
		[{ event: 'sessionEnded', channels: ['Pigeon'] }, 'Channels (channel) must be one of Voice, Chat, Fax; got the text "Pigeon"'],
		[{ event: 'notification', customerId: { __rl: true, mode: 'id', value: '.' } }, 'Customer (customerIds) cannot be "."'],
		[{ event: 'callStarted' }, 'Event (event) must be one of sessionEnded, customerCreated, customerUpdated, notification; got the text "callStarted"'],
	])('%j', async (parameters, message) => {
		clock(sb, '2025-06-02T10:00:00.000Z');
		const before = sb.counters().byRoute;
		const t = trigger(sb, parameters);
		const result = await t.activate();
		expect(result.error?.message).toContain(message);
		expect(requestsSince(sb, before, 'GET /sessions') + requestsSince(sb, before, 'GET /notifications')).toBe(0);
		expect(t.database).toEqual({});
	});

	it('a wrong token: the API\'s 401, the token nowhere in the error', async () => {
		const wrong = new ActiveTrigger({
			parameters: { event: 'sessionEnded' },
			credentials: { baseUrl: sb.url, authType: 'apiToken', apiToken: 'secret-token-4711' },
		});
		const result = await wrong.activate();
		expect(result.error?.message).toMatch(/^Not authenticated.*\(the poll of GET \/sessions, HTTP 401\)$/);
		expect(JSON.stringify({ ...result.error, message: result.error?.message, description: result.error?.description })).not.toContain('secret-token-4711');
	});
});
