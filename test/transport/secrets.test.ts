// Secrets: every form of the token and the password (secretForms, scrub), hidden when the API echoes them back.
import { scrub } from '../../nodes/EvoVoice/transport/errors';
import { secretForms } from '../../nodes/EvoVoice/transport/secrets';
import { runNode } from '../harness';
import { startRecorder, type Recorder } from '../harness/recorder';
import { customerUpdate } from '../fixtures/parameters';

describe('secret forms', () => {
	test('a token with whitespace: as saved, trimmed, Bearer, base64, JSON-escaped', () => {
		const forms = secretForms({ apiToken: ' tok-1234\n' });
		for (const form of ['tok-1234', ' tok-1234\n', 'Bearer tok-1234', Buffer.from('tok-1234').toString('base64'), ' tok-1234\\n']) {
			expect(forms).toContain(form);
		}
		expect(scrub('echo: Bearer tok-1234 and " tok-1234\\n"', forms)).toBe('echo: **hidden** and "**hidden**"');
	});
	test('email and password: the pair, its base64, the Basic value, the password', () => {
		const forms = secretForms({ authType: 'basicAuth', email: 'a@b.example', password: 'pw:secret' });
		const basic = Buffer.from('a@b.example:pw:secret').toString('base64');
		for (const form of ['pw:secret', 'a@b.example:pw:secret', basic, `Basic ${basic}`, encodeURIComponent('pw:secret')]) expect(forms).toContain(form);
		expect(forms).not.toContain('a@b.example');
		// Longest first: a header value is hidden whole.
		expect(scrub(`Authorization: Basic ${basic}`, forms)).toBe('Authorization: **hidden**');
	});
});

test('a secret echoed back by the API is hidden in errors', async () => {
	const token = 'tok-echo-5c1d2e3f';
	const api = await startRecorder((request) => ({
		status: 400,
		body: { responseStatus: { errorCode: 'Bad', message: `Rejected request with ${request.headers.authorization}`, errors: [{ fieldName: 'name', message: `token ${token} is not allowed here` }] } },
	}));
	const { error } = await runNode({ parameters: customerUpdate({ name: 'x' }), credentials: { baseUrl: api.url, apiToken: token } });
	await api.close();
	expect(error?.message).toContain('Rejected request with **hidden**');
	expect(JSON.stringify(error)).not.toContain(token);
});

let api: Recorder | undefined;
afterEach(async () => await api?.close());

describe('secrets echoed back by the API are hidden in every form', () => {
	// An API (or a proxy in front of it) that repeats the request's headers and the secrets in its error.
	const echo = (secrets: string[]) =>
		startRecorder((request) => ({
			status: 400,
			body: {
				responseStatus: {
					errorCode: 'Bad',
					message: `Rejected ${request.headers.authorization} for ${secrets.join(' / ')}`,
					errors: secrets.map((secret) => ({ fieldName: 'auth', message: `saw ${JSON.stringify(secret)}` })),
				},
			},
		}));

	test('an API token saved with a trailing newline and spaces', async () => {
		const token = '  tok-untrimmed-7d1e\n';
		api = await echo([token, token.trim()]);
		const { error, run } = await runNode({ parameters: customerUpdate({ name: 'x' }), credentials: { baseUrl: api.url, apiToken: token } });
		expect(api.requests[0].headers.authorization).toBe(`Bearer ${token.trim()}`);
		expect(error?.message).toContain('Rejected **hidden**');
		const everything = JSON.stringify({ error, run });
		for (const form of [token.trim(), JSON.stringify(token), Buffer.from(token.trim()).toString('base64')]) expect(everything).not.toContain(form);
	});

	test('email and password: the Basic value, email:password and the password alone', async () => {
		const email = 'ops@reseller.example';
		const password = 'p@ss:word-9Zq ';
		const pair = `${email}:${password}`;
		const basic = Buffer.from(pair).toString('base64');
		api = await echo([pair, password, basic]);
		const { error, run } = await runNode({
			parameters: customerUpdate({ name: 'x' }),
			credentials: { baseUrl: api.url, authType: 'basicAuth', email, password },
		});
		expect(api.requests[0].headers.authorization).toBe(`Basic ${basic}`);
		expect(error?.message).toContain('Rejected **hidden**');
		const everything = JSON.stringify({ error, run });
		for (const form of [basic, pair, password.trim(), encodeURIComponent(password)]) expect(everything).not.toContain(form);
	});
});
