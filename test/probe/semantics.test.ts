// The probe against the sandbox in each of its semantics settings: it must report exactly the
// setting in force, for every setting the sandbox can switch.
import type { Sandbox } from '../../sandbox';
import { AUTH_MODES, BLANK_STRING_MODES, EMPTY_TAG_MODES, NESTED_MODES, type AuthMode, type SemanticsOverrides } from '../../sandbox';
import { bigSandbox, C, expectedObserved, finding, probe, probeCustomers } from './helpers';

let sb: Sandbox;
const started = Date.now();

beforeAll(async () => {
	sb = await bigSandbox();
});
afterAll(async () => {
	await sb.close();
	console.log(`probe semantics suite: ${((Date.now() - started) / 1000).toFixed(1)} s`);
});

async function probeWith(overrides: SemanticsOverrides, options = {}) {
	sb.reset();
	sb.setSemantics(overrides);
	const run = await probe(sb, options);
	expect(run.error).toBeUndefined();
	expect(probeCustomers(sb)).toEqual([]);
	return run;
}

describe('write semantics', () => {
	test('the guesses (defaults): every setting reported as it is, the page size uncapped', async () => {
		const run = await probeWith({});
		expect(run.findings.observed).toEqual(expectedObserved(sb.semantics, { cap: true }));
		expect(run.findings.observed.maxCountPerPage).toBeNull();
		expect(run.findings.list.filter((f) => f.verdict === 'differs')).toEqual([]);
	});

	test.each(['honoured', 'ignored'] as const)('lists that %s specificIds', async (mode) => {
		const run = await probeWith({ specificIds: mode });
		expect(run.findings.observed.specificIds).toBe(mode);
		expect(finding(run, 'paging.specificIds')?.verdict).toBe(mode === 'honoured' ? 'as guessed' : 'differs');
	});

	test.each(NESTED_MODES)('every nested object %s', async (mode) => {
		const run = await probeWith({ nested: { billingSettings: mode, appSettings: mode, schedule: mode, data: mode } });
		expect(run.findings.observed.nested).toEqual(expectedObserved(sb.semantics).nested);
		expect(finding(run, 'nested.billingSettings')?.verdict).toBe(mode === 'replace' ? 'as guessed' : 'differs');
	});

	test('a mix: each nested object is judged on its own', async () => {
		const run = await probeWith({ nested: { billingSettings: 'merge', appSettings: 'replace', schedule: 'merge', data: 'deepMerge' } });
		expect(run.findings.observed.nested).toEqual({ billingSettings: 'merge', appSettings: 'replace', schedule: 'merge', data: 'deepMerge' });
	});

	test.each(EMPTY_TAG_MODES)('tagIds: [] %s', async (mode) => {
		const run = await probeWith({ emptyTagIds: mode });
		expect(run.findings.observed.emptyTagIds).toBe(mode);
		expect(finding(run, 'tags.empty')?.verdict).toBe(mode === 'clear' ? 'as guessed' : 'differs');
		expect(finding(run, 'tags.absent')?.verdict).toBe('as guessed');
	});

	test.each(BLANK_STRING_MODES)("referenceId: '' %s", async (mode) => {
		const run = await probeWith({ blankString: mode });
		expect(run.findings.observed.blankString).toBe(mode);
		expect(finding(run, 'null.referenceId')?.verdict).toBe('as guessed');
	});
});

describe('paging', () => {
	test.each([10, 50, 100, 250])('a cap of %i a page is found', async (cap) => {
		const run = await probeWith({ maxCountPerPage: cap });
		expect(run.findings.observed.maxCountPerPage).toBe(cap);
		expect(finding(run, 'paging.countPerPage')?.verdict).toBe(cap >= 100 ? 'as guessed' : 'differs');
		expect(finding(run, 'paging.totals')?.verdict).toBe('as guessed');
	});

	test('with fewer records than page sizes, no cap is claimed either way', async () => {
		sb.reset({ ...(await import('../../sandbox')).defaultSeed() });
		sb.setSemantics({});
		const run = await probe(sb, { writeAccountId: undefined });
		expect(run.findings.observed).not.toHaveProperty('maxCountPerPage');
		expect(finding(run, 'paging.countPerPage')?.verdict).toBe('unclear');
		sb.reset(); // back to the big seed for the tests after
	});
});

describe('authentication modes', () => {
	const only = (mode: AuthMode) => Object.fromEntries(AUTH_MODES.map((m) => [m, m === mode])) as Record<AuthMode, boolean>;

	test.each(AUTH_MODES)('only %s on: reported alone, and the run goes on with it', async (mode) => {
		const run = await probeWith({ auth: only(mode) });
		expect(run.findings.observed.auth).toEqual(only(mode));
		expect(finding(run, 'auth.bearer')?.verdict).toBe(mode === 'bearer' ? 'as guessed' : 'differs');
		expect(run.findings.observed.nested.billingSettings).toBe('replace'); // the write tests ran
	});

	test('every mode on', async () => {
		const all = Object.fromEntries(AUTH_MODES.map((m) => [m, true])) as Record<AuthMode, boolean>;
		const run = await probeWith({ auth: all });
		expect(run.findings.observed.auth).toEqual(all);
	});

	test('every mode off: all refused, and nothing else is tried', async () => {
		const none = Object.fromEntries(AUTH_MODES.map((m) => [m, false])) as Record<AuthMode, boolean>;
		sb.reset();
		sb.setSemantics({ auth: none });
		const run = await probe(sb);
		expect(run.findings.observed.auth).toEqual(none);
		expect(run.error).toMatch(/No way of sending the login was accepted/);
		expect(sb.log.filter((e) => e.method !== 'GET' && e.route !== 'POST /auth/credentials')).toEqual([]);
	});

	test('a token only: the email ways are not tested, and not claimed', async () => {
		const run = await probeWith({}, { login: { token: C.adminToken } });
		expect(run.findings.observed.auth).not.toHaveProperty('basic');
		expect(run.findings.observed.auth).not.toHaveProperty('session');
		expect(run.findings.observed.auth.bearer).toBe(true);
	});

	test('email and password with --fetch-token: the token from GET /auth/token is tried in every way', async () => {
		const run = await probeWith({ auth: { bearer: false, tokenCookie: true } }, { login: { email: 'admin@sandbox.evovoice.test', password: 'sandbox-admin-password' }, fetchToken: true });
		expect(run.findings.observed.auth).toEqual({ ...sb.semantics.auth });
		expect(sb.log.some((e) => e.route === 'GET /auth/token' && e.status === 200)).toBe(true);
	});
});
