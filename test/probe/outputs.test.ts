// The report and observed.json: no secret in any form, and observed.json makes a second sandbox
// behave as the probed one did (`npm run sandbox -- --semantics observed.json`).
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { AUTH_MODES, loadSemanticsFile, resolveSemantics, startSandbox, type AuthMode, type Sandbox } from '../../sandbox';
import { Secrets } from '../../scripts/probe/secrets';
import { ADMIN_LOGIN, bigSandbox, C, expectedObserved, outputs, probe } from './helpers';

let sb: Sandbox;
let dir: string;
const started = Date.now();

beforeAll(async () => {
	sb = await bigSandbox();
	dir = mkdtempSync(path.join(os.tmpdir(), 'probe-out-'));
});
afterAll(async () => {
	await sb.close();
	rmSync(dir, { recursive: true, force: true });
	console.log(`probe outputs suite: ${((Date.now() - started) / 1000).toFixed(1)} s`);
});

const b64 = (s: string) => Buffer.from(s).toString('base64');

test('no secret in the report or the JSON, in any form it travelled in', async () => {
	sb.reset();
	const all = Object.fromEntries(AUTH_MODES.map((m) => [m, true])) as Record<AuthMode, boolean>;
	sb.setSemantics({ auth: all });
	const run = await probe(sb, { fetchToken: true });
	const { report, observed } = outputs(run);
	const forms = [
		C.adminToken, C.admin.password, C.admin.email, b64(`${C.admin.email}:${C.admin.password}`), b64(`${C.adminToken}:`), `ss-tok=${C.adminToken}`,
	];
	for (const text of [report, observed]) {
		for (const form of forms) expect(text).not.toContain(form);
		expect(run.secrets.leaks(text)).toBe(false);
	}
	expect(report).toContain('?apikey=[redacted]');
	expect(report).toContain('"password":"[redacted]"');
	// The sandbox's own log keeps no secret either (query values and cookies included).
	const log = JSON.stringify(sb.log);
	for (const form of forms.slice(0, 2)) expect(log).not.toContain(form);
});

test('a secret that slipped past the scrub stops the writer', () => {
	const secrets = new Secrets();
	secrets.add('s3cret-token');
	expect(secrets.leaks(`x ${encodeURIComponent('s3cret-token')} y`)).toBe(true);
	expect(secrets.scrub(`Basic ${b64('s3cret-token:')}`)).toBe('Basic [redacted]');
	expect(secrets.leaks(secrets.scrub(`a s3cret-token b ${b64('s3cret-token:')}`))).toBe(false);
});

test('observed.json makes a second sandbox behave as the probed one', async () => {
	sb.reset();
	const probed = { auth: { bearer: false, tokenCookie: true }, nested: { billingSettings: 'merge', data: 'deepMerge' }, emptyTagIds: 'ignore', blankString: 'clear', maxCountPerPage: 50 } as const;
	sb.setSemantics(probed);
	const run = await probe(sb);
	const file = path.join(dir, 'observed.json');
	writeFileSync(file, outputs(run).observed);
	const loaded = loadSemanticsFile(file);
	expect(loaded).toEqual(sb.semantics);
	const second = await startSandbox({ semantics: loaded });
	try {
		// And probed again, it reports the same.
		const again = await probe(second, { writeAccountId: 'acc-reseller' });
		expect(again.findings.observed).toEqual(expectedObserved(sb.semantics));
	} finally {
		await second.close();
	}
});

test('a read-only run settles only what it saw; the file keeps the guesses for the rest', async () => {
	sb.reset();
	sb.setSemantics({ nested: { billingSettings: 'merge' } });
	const run = await probe(sb, { writeAccountId: undefined, login: { token: ADMIN_LOGIN.token } });
	expect(sb.log.filter((e) => e.method !== 'GET')).toEqual([]);
	const file = path.join(dir, 'readonly.json');
	writeFileSync(file, outputs(run).observed);
	expect(run.findings.observed.nested).toEqual({});
	expect(loadSemanticsFile(file).nested.billingSettings).toBe('replace'); // the guess, not what it did not see
});

test.each([
	[{ nested: { data: 'mergy' } }, /nested.data is "mergy"; expected one of replace, merge, deepMerge/],
	[{ auth: { bearr: true } }, /unknown auth mode 'bearr'/],
	[{ auth: { bearer: 'yes' } }, /auth.bearer is "yes"; expected true or false/],
	[{ maxCountPerPage: 0 }, /maxCountPerPage is 0/],
	[{ emptyTagIds: 'drop' }, /emptyTagIds is "drop"/],
	[{ pageCap: 5 }, /unknown setting 'pageCap'/],
])('a wrong settings file names the setting and the value: %o', (bad, message) => {
	expect(() => resolveSemantics(bad)).toThrow(message);
});

test('Bearer refused but the cookie taken: the report names the credential choice to make', async () => {
	sb.reset();
	sb.setSemantics({ auth: { bearer: false, tokenCookie: true } });
	const run = await probe(sb, { writeAccountId: undefined, login: { token: ADMIN_LOGIN.token } });
	expect(outputs(run).report).toContain('Bearer is refused but the token works as "Ss-Tok Cookie": choose that in the credential\'s **Send Token As**.');
});

test('what GET /auth/status says is reported for the login in use', async () => {
	sb.reset();
	sb.setSemantics({});
	const run = await probe(sb, { writeAccountId: undefined, login: { token: C.managerToken } });
	expect(run.findings.list.find((f) => f.topic === 'auth.status')).toMatchObject({
		verdict: 'as guessed',
		observed: expect.stringMatching(/^isAuthenticated true; roles Manager; 1 account IDs; fields /),
	});
});
