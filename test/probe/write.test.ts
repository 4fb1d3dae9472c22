// --write leaves no customer behind: not when a step fails midway, not when the create's answer is
// lost, not when the run is interrupted (in-process and by a signal to the CLI), and a customer
// that cannot be deleted is named in the report and the exit code.
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { startSandbox, type Sandbox } from '../../sandbox';
import { checkOptions } from '../../scripts/probe/run';
import { ADMIN_LOGIN, C, finding, outputs, probe, probeCustomers } from './helpers';

let sb: Sandbox;
const started = Date.now();

beforeAll(async () => {
	sb = await startSandbox();
});
beforeEach(() => sb.reset());
afterAll(async () => {
	await sb.close();
	console.log(`probe write suite: ${((Date.now() - started) / 1000).toFixed(1)} s`);
});

const createdByProbe = () => sb.log.filter((e) => e.route === 'POST /customers' && e.stateChanged).length;

test('a step failing midway: the other steps still run, the customer is deleted, the report says which failed', async () => {
	// Seeded: the same requests fail on every run. Some PATCHes answer 500, others go through.
	sb.setFaults([{ route: 'PATCH /customers/:id', status: 500, rate: 0.3, seed: 7 }]);
	const run = await probe(sb);
	expect(createdByProbe()).toBe(1);
	expect(probeCustomers(sb)).toEqual([]);
	const failed = run.findings.list.filter((f) => /^failed: PATCH .* answered 500/.test(f.observed));
	expect(failed.length).toBeGreaterThan(0);
	expect(run.findings.list.filter((f) => f.topic.startsWith('nested.') && f.verdict === 'as guessed').length).toBeGreaterThan(0);
	expect(finding(run, 'write.cleanup')).toMatchObject({ verdict: 'as guessed' });
	expect(run.write?.leftBehind).toEqual([]);
	// A failed step settles nothing: it is not written into the sandbox settings.
	const settles: Record<string, [string, string]> = {
		'write.billing': ['nested', 'billingSettings'], 'write.appSettings': ['nested', 'appSettings'], 'write.schedule': ['nested', 'schedule'],
		'write.data': ['nested', 'data'], 'write.tags': ['emptyTagIds', ''], 'write.blankString': ['blankString', ''],
	};
	for (const f of failed.filter((x) => settles[x.topic])) {
		const [group, key] = settles[f.topic];
		const value = (run.findings.observed as unknown as Record<string, Record<string, unknown>>)[group];
		expect(key ? value[key] : value).toBeUndefined();
	}
});

test("the create's answer lost after it applied: the customer is found by its name and deleted", async () => {
	sb.setFaults([{ route: 'POST /customers', kind: 'malformed', count: 1 }]);
	const run = await probe(sb);
	expect(createdByProbe()).toBe(1);
	expect(probeCustomers(sb)).toEqual([]);
	expect(finding(run, 'write.create')?.verdict).toBe('unclear');
	expect(finding(run, 'write.cleanup')?.observed).toMatch(/^deleted: cus-\d+: DELETE 204, then GET 404/);
});

test('a DELETE answering 503 twice is retried until it goes through', async () => {
	sb.setFaults([{ route: 'DELETE /customers/:id', status: 503, retryAfterSeconds: 0, count: 2 }]);
	const run = await probe(sb);
	expect(probeCustomers(sb)).toEqual([]);
	expect(sb.log.filter((e) => e.route === 'DELETE /customers/:id').map((e) => e.status)).toEqual([503, 503, 204]);
	expect(run.write?.leftBehind).toEqual([]);
});

test('a customer that cannot be deleted is named as left behind', async () => {
	sb.setFaults([{ route: 'DELETE /customers/:id', status: 500 }]);
	const run = await probe(sb);
	const left = probeCustomers(sb);
	expect(left).toHaveLength(1);
	expect(run.write?.leftBehind).toEqual(left);
	expect(finding(run, 'write.cleanup')).toMatchObject({ verdict: 'differs', observed: expect.stringContaining(`NOT DELETED: ${left[0]}`) });
	expect(outputs(run).report).toContain(`could not be deleted: delete them in Evo Voice`);
});

test('interrupted during the write tests: the steps stop, the cleanup still runs', async () => {
	sb.setFaults([{ route: 'PATCH /customers/:id', latencyMs: 150 }]);
	const controller = new AbortController();
	const poll = setInterval(() => {
		if (sb.counters().byRoute['PATCH /customers/:id']) controller.abort(new Error('interrupted by test'));
	}, 5);
	const run = await probe(sb, { signal: controller.signal }).finally(() => clearInterval(poll));
	expect(run.interrupted).toBe(true);
	expect(createdByProbe()).toBe(1);
	expect(probeCustomers(sb)).toEqual([]);
	expect(sb.log.filter((e) => e.route === 'PATCH /customers/:id').length).toBeLessThanOrEqual(2);
	expect(finding(run, 'write.cleanup')?.verdict).toBe('as guessed');
});

test('SIGINT to `npm run probe`: it deletes the customer, writes the report and exits 130', async () => {
	sb.setFaults([{ route: 'PATCH /customers/:id', latencyMs: 300 }]);
	const out = mkdtempSync(path.join(os.tmpdir(), 'probe-cli-'));
	try {
		const child = spawn(process.execPath, [require.resolve('tsx/cli'), 'scripts/probe/cli.ts', '--base-url', sb.url, '--write', '--account', 'acc-reseller', '--out', out], {
			cwd: path.resolve(__dirname, '../..'),
			env: { ...process.env, EVOVOICE_TOKEN: C.adminToken, EVOVOICE_EMAIL: '', EVOVOICE_PASSWORD: '' },
			stdio: ['ignore', 'pipe', 'pipe'],
		});
		let stderr = '';
		child.stderr.on('data', (d) => (stderr += d));
		const poll = setInterval(() => {
			if (sb.counters().byRoute['PATCH /customers/:id']) {
				clearInterval(poll);
				child.kill('SIGINT');
			}
		}, 10);
		// 'close', not 'exit': 'exit' can come before the child's last stderr chunk has been read,
		// which on a busy machine left `stderr` empty here.
		const code = await new Promise<number | null>((resolve) => child.once('close', resolve));
		clearInterval(poll);
		expect(stderr).toContain('SIGINT: stopping; deleting the test customer first');
		expect(code).toBe(130);
		expect(createdByProbe()).toBe(1);
		expect(probeCustomers(sb)).toEqual([]);
		const report = readFileSync(path.join(out, 'probe-report.md'), 'utf8');
		expect(report).toContain('**interrupted**');
		expect(report).toMatch(/Delete the test customer \| .* \| deleted: cus-\d+/);
		expect(existsSync(path.join(out, 'observed.json'))).toBe(true);
	} finally {
		rmSync(out, { recursive: true, force: true });
	}
}, 60_000);

describe('refused before any request', () => {
	const base = { baseUrl: 'https://evovoice.io', login: ADMIN_LOGIN };
	test.each([
		['--write on production', { ...base, writeAccountId: 'acc-1' }, /--write on the production host evovoice.io also needs --confirm-production/],
		['--write on www.', { ...base, baseUrl: 'https://www.evovoice.io/', writeAccountId: 'acc-1' }, /production host www.evovoice.io/],
		['--write without an account', { ...base, writeAccountId: '' }, /--write needs --account/],
		['no login', { ...base, login: {} }, /No login: set EVOVOICE_TOKEN/],
		['an email without a password', { ...base, login: { email: 'a@b.c' } }, /go together/],
		['a URL without a scheme', { ...base, baseUrl: 'team.evovoice.io' }, /--base-url 'team.evovoice.io' is not a URL/],
		['an ftp URL', { ...base, baseUrl: 'ftp://team.evovoice.io' }, /must start with https:\/\//],
	])('%s', (_name, options, message) => {
		expect(() => checkOptions(options)).toThrow(message);
	});

	test('production with --confirm-production, and read-only on production, are allowed', () => {
		expect(() => checkOptions({ ...base, writeAccountId: 'acc-1', confirmProduction: true })).not.toThrow();
		expect(() => checkOptions(base)).not.toThrow();
		expect(() => checkOptions({ ...base, baseUrl: 'https://team.evovoice.io', writeAccountId: 'acc-1' })).not.toThrow();
	});
});
