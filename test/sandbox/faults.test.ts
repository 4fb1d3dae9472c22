import { request } from 'node:http';

import { startSandbox, type FaultRule, type Sandbox } from '../../sandbox';
import { C, call, until, useSandbox } from './helpers';

const sandbox = useSandbox();
const patchName = (name: string) => call(sandbox(), 'PATCH', '/customers/cus-acme', { body: { name } });
const acmeName = () => sandbox().state.customers['cus-acme'].name;

describe('fault injection', () => {
	it('latency delays the answer and is counted', async () => {
		sandbox().setFaults([{ route: 'GET /customers/:id', latencyMs: 300 }]);
		const t0 = Date.now();
		const r = await call(sandbox(), 'GET', '/customers/cus-acme');
		expect(r.status).toBe(200);
		expect(Date.now() - t0).toBeGreaterThanOrEqual(290);
		expect(sandbox().log[0]).toMatchObject({ fault: 'latency', status: 200 });
		expect(sandbox().log[0].durationMs).toBeGreaterThanOrEqual(290);
		await call(sandbox(), 'GET', '/customers'); // another route: no delay
		expect(sandbox().log[1].durationMs).toBeLessThan(100);
		expect(sandbox().counters().faults).toEqual({ latency: 1 });
	});

	it('429 carries Retry-After (integer seconds, 0 allowed) and changes nothing', async () => {
		sandbox().setFaults([{ route: 'PATCH /customers/{customerId}', status: 429, retryAfterSeconds: 2 }]);
		const r = await patchName('Throttled');
		expect(r.status).toBe(429);
		expect(r.headers.get('retry-after')).toBe('2');
		expect(r.json).toEqual({ responseStatus: { errorCode: 'TooManyRequests', message: 'Too Many Requests' } });
		expect(acmeName()).toBe('Acme Dental');
		expect(sandbox().log[0]).toMatchObject({ status: 429, fault: 'status:429', stateChanged: false });
		sandbox().setFaults([{ status: 429, retryAfterSeconds: 0 }]);
		expect((await patchName('x')).headers.get('retry-after')).toBe('0');
		sandbox().setFaults([{ status: 503, retryAfterSeconds: 1.2 }]);
		expect((await patchName('x')).headers.get('retry-after')).toBe('2');
	});

	it.each([500, 503] as const)('%i answers a ServiceStack error body', async (status) => {
		sandbox().setFaults([{ route: 'PATCH /customers/:id', status }]);
		const r = await patchName('Broken');
		expect(r.status).toBe(status);
		expect(r.json.responseStatus.errorCode).toEqual(expect.any(String));
		expect(acmeName()).toBe('Acme Dental');
		expect(sandbox().counters().faults).toEqual({ [`status:${status}`]: 1 });
	});

	it.each([502, 504] as const)('%i answers the load balancer HTML page, not JSON', async (status) => {
		sandbox().setFaults([{ status }]);
		const r = await patchName('Broken');
		expect(r.status).toBe(status);
		expect(r.headers.get('content-type')).toMatch(/^text\/html/);
		expect(r.json).toBeUndefined();
		expect(acmeName()).toBe('Acme Dental');
	});

	it('kind status without a status answers 500', async () => {
		sandbox().setFaults([{ kind: 'status' }]);
		expect((await call(sandbox(), 'GET', '/accounts')).status).toBe(500);
	});

	it('reset destroys the socket without answering and changes nothing', async () => {
		sandbox().setFaults([{ route: 'PATCH /customers/:id', kind: 'reset' }]);
		await expect(patchName('Reset')).rejects.toThrow();
		expect(acmeName()).toBe('Acme Dental');
		expect(sandbox().log.at(-1)).toMatchObject({ status: 0, fault: 'reset', stateChanged: false });
		expect(sandbox().counters()).toMatchObject({ faults: { reset: 1 }, inFlight: 0 });
	});

	it('timeout never answers; the client gives up; close() still ends promptly', async () => {
		const own = await startSandbox({ faults: [{ route: 'GET /customers', kind: 'timeout' }] });
		await expect(call(own, 'GET', '/customers', { signal: AbortSignal.timeout(200) })).rejects.toThrow();
		const hung = call(own, 'GET', '/customers').then(
			() => 'answered',
			() => 'failed',
		);
		await until(() => own.counters().inFlight === 1 && own.counters().total === 2);
		expect(own.counters()).toMatchObject({ inFlight: 1, faults: { timeout: 2 } });
		expect(own.log.map((e) => e.status)).toEqual([0, 0]);
		const t0 = Date.now();
		await own.close();
		expect(Date.now() - t0).toBeLessThan(1000);
		expect(await hung).toBe('failed');
	});

	it('malformed answers 200 with a truncated body AFTER applying the write (apply-then-garble)', async () => {
		sandbox().setFaults([{ route: 'PATCH /customers/:id', kind: 'malformed', count: 1 }]);
		const r = await patchName('Garbled');
		expect(r.status).toBe(200);
		expect(r.headers.get('content-type')).toMatch(/application\/json/);
		expect(() => JSON.parse(r.text)).toThrow();
		expect(r.text.startsWith('{')).toBe(true);
		expect(acmeName()).toBe('Garbled');
		expect(sandbox().log[0]).toMatchObject({ fault: 'malformed', stateChanged: true, status: 200 });
		expect((await patchName('Clean')).json.name).toBe('Clean');
	});

	it('resetAfterApply stores the created customer, then resets the connection without answering (apply-then-reset)', async () => {
		sandbox().setFaults([{ route: 'POST /customers', kind: 'resetAfterApply', count: 1 }]);
		const create = { accountId: 'acc-reseller', name: 'Answer Lost', referenceId: 'crm-answer-lost' };
		const holders = () => Object.values(sandbox().state.customers).filter((c) => c.referenceId === 'crm-answer-lost');
		await expect(rawPost(sandbox(), '/customers', create)).rejects.toMatchObject({ code: 'ECONNRESET' });
		expect(holders()).toEqual([expect.objectContaining({ name: 'Answer Lost', accountId: 'acc-reseller' })]);
		expect(sandbox().log.at(-1)).toMatchObject({ route: 'POST /customers', status: 0, fault: 'resetAfterApply', stateChanged: true });
		expect(sandbox().counters()).toMatchObject({ faults: { resetAfterApply: 1 }, inFlight: 0 });
		// Why a client must not resend a create whose answer it lost: the resend is a second customer.
		expect((await call(sandbox(), 'POST', '/customers', { body: create })).status).toBe(200);
		expect(holders()).toHaveLength(2);
	});

	it('resetAfterApply on a request that fails changes nothing: the handler\'s answer decides, only its delivery is lost', async () => {
		sandbox().setFaults([{ route: 'PATCH /customers/:id', kind: 'resetAfterApply' }]);
		await expect(rawPatch(sandbox(), '/customers/cus-nobody', { name: 'x' })).rejects.toMatchObject({ code: 'ECONNRESET' });
		expect(sandbox().log.at(-1)).toMatchObject({ status: 0, fault: 'resetAfterApply', stateChanged: false });
		await expect(rawPatch(sandbox(), '/customers/cus-acme', { name: 'Applied Anyway' })).rejects.toMatchObject({ code: 'ECONNRESET' });
		expect(acmeName()).toBe('Applied Anyway');
	});

	it('firstAttempts faults the first N requests to each distinct path, so a retrying client gets through', async () => {
		sandbox().setFaults([{ route: 'GET /customers/:id', status: 503, firstAttempts: 2 }]);
		const statuses = async (path: string, n: number) => {
			const out: number[] = [];
			for (let i = 0; i < n; i++) out.push((await call(sandbox(), 'GET', path)).status);
			return out;
		};
		expect(await statuses('/customers/cus-acme', 3)).toEqual([503, 503, 200]);
		expect(await statuses('/customers/cus-bluebird', 3)).toEqual([503, 503, 200]);
		expect(await statuses('/customers', 1)).toEqual([200]);
	});

	it('count faults only the next N matching requests', async () => {
		sandbox().setFaults([{ route: 'PATCH /customers/:id', status: 500, count: 2 }]);
		const seen = [];
		for (let i = 0; i < 4; i++) seen.push((await patchName(`n${i}`)).status);
		expect(seen).toEqual([500, 500, 200, 200]);
		expect(acmeName()).toBe('n3');
	});

	it('rate is drawn from a seeded PRNG: the same seed gives the same faults', async () => {
		const run = async (rules: FaultRule[]) => {
			sandbox().setFaults(rules);
			const out: number[] = [];
			for (let i = 0; i < 60; i++) out.push((await call(sandbox(), 'GET', '/accounts')).status);
			return out;
		};
		const a = await run([{ status: 500, rate: 0.3, seed: 42 }]);
		const b = await run([{ status: 500, rate: 0.3, seed: 42 }]);
		const c = await run([{ status: 500, rate: 0.3, seed: 7 }]);
		expect(b).toEqual(a);
		expect(c).not.toEqual(a);
		const failed = a.filter((s) => s === 500).length;
		expect(failed).toBeGreaterThan(6);
		expect(failed).toBeLessThan(30);
		expect((await run([{ status: 500, rate: 0 }])).every((s) => s === 200)).toBe(true);
	});

	it('rules combine: latency on everything, a failure on one route', async () => {
		sandbox().setFaults([{ latencyMs: 30 }, { route: 'GET /accounts', status: 502 }]);
		expect((await call(sandbox(), 'GET', '/accounts')).status).toBe(502);
		expect(sandbox().log[0].fault).toBe('latency,status:502');
		expect(sandbox().counters().faults).toEqual({ latency: 1, 'status:502': 1 });
	});

	it('jitter adds a seeded random delay up to jitterMs; "GET *" matches every GET route', async () => {
		sandbox().setFaults([{ route: 'GET *', latencyMs: 10, jitterMs: 40, seed: 3 }]);
		for (let i = 0; i < 5; i++) await call(sandbox(), 'GET', i % 2 ? '/accounts' : '/customers');
		await call(sandbox(), 'PATCH', '/customers/cus-acme', { body: { name: 'No delay' } });
		const durations = sandbox().log.map((e) => e.durationMs);
		expect(durations.slice(0, 5).every((d) => d >= 9 && d < 200)).toBe(true);
		expect(new Set(durations.slice(0, 5).map(Math.round)).size).toBeGreaterThan(1);
		expect(sandbox().log[5].fault).toBeUndefined();
		expect(sandbox().counters().faults).toEqual({ latency: 5 });
	});

	it('rejects rules that cannot be right, including route typos', () => {
		expect(() => sandbox().setFaults([{ route: 'PATCH /customer/:id', status: 500 }])).toThrow(/route/);
		expect(() => sandbox().setFaults([{ status: 418 as 500 }])).toThrow(/status/);
		expect(() => sandbox().setFaults([{ rate: 2 }])).toThrow(/rate/);
	});

	it('PUT /__sandbox/faults sets rules over HTTP; reset clears them', async () => {
		const put = await call(sandbox(), 'PUT', '/__sandbox/faults', { token: null, body: [{ route: 'GET /accounts', status: 503, retryAfterSeconds: 1 }] });
		expect(put.status).toBe(200);
		expect((await call(sandbox(), 'GET', '/__sandbox/faults', { token: null })).json.faults).toHaveLength(1);
		expect((await call(sandbox(), 'GET', '/accounts')).status).toBe(503);
		const bad = await call(sandbox(), 'PUT', '/__sandbox/faults', { token: null, body: [{ kind: 'explode' }] });
		expect(bad.status).toBe(400);
		await call(sandbox(), 'POST', '/__sandbox/reset', { token: null });
		expect((await call(sandbox(), 'GET', '/accounts')).status).toBe(200);
	});

	it('faults from the options apply from the first request', async () => {
		const own = await startSandbox({ faults: [{ route: 'GET /auth/status', status: 500, count: 1 }] });
		try {
			expect((await call(own, 'GET', '/auth/status')).status).toBe(500);
			expect((await call(own, 'GET', '/auth/status')).status).toBe(200);
		} finally {
			await own.close();
		}
	});
});

/** node:http rather than fetch: its error names the reset itself (ECONNRESET), not a generic failure. */
function rawRequest(sb: Sandbox, method: string, path: string, body: unknown): Promise<number> {
	return new Promise((resolve, reject) => {
		const text = JSON.stringify(body);
		const req = request(`${sb.url}${path}`, {
			method,
			headers: { Authorization: `Bearer ${C.adminToken}`, 'Content-Type': 'application/json', 'Content-Length': Buffer.byteLength(text) },
		});
		req.on('response', (res) => {
			res.resume();
			resolve(res.statusCode ?? 0);
		});
		req.on('error', reject);
		req.end(text);
	});
}

const rawPost = (sb: Sandbox, path: string, body: unknown) => rawRequest(sb, 'POST', path, body);
const rawPatch = (sb: Sandbox, path: string, body: unknown) => rawRequest(sb, 'PATCH', path, body);
