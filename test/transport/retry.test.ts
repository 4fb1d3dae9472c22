// The retry policy: which answers are waited out (Retry-After, outages) and for which methods.
import { ApiResponseError } from '../../nodes/EvoVoice/transport/errors';
import { retryDelaySeconds } from '../../nodes/EvoVoice/transport/retry';

describe('retry policy', () => {
	const status = (code: number, retryAfter?: string) => new ApiResponseError(code, retryAfter ? { 'retry-after': retryAfter } : {}, {});
	test('waits as Retry-After says, for requests safe to repeat only', () => {
		expect(retryDelaySeconds(status(429, '7'), 'PATCH', 0)).toBe(7);
		expect(retryDelaySeconds(status(503, '2'), 'GET', 3)).toBe(2);
		expect(retryDelaySeconds(status(429, '7'), 'POST', 0)).toBe(7);
		expect(retryDelaySeconds(status(503, '7'), 'POST', 0)).toBeUndefined();
		expect(retryDelaySeconds(status(500), 'PATCH', 0)).toBeUndefined();
		expect(retryDelaySeconds(status(404), 'GET', 0)).toBeUndefined();
	});
	test('gives up on outages after two retries', () => {
		expect(retryDelaySeconds(status(502), 'PATCH', 1)).toBe(1);
		expect(retryDelaySeconds(status(502), 'PATCH', 2)).toBeUndefined();
	});
});
