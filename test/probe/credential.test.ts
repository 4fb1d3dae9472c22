// The credential's Send Token As, through n8n's own execution (WorkflowExecute) against a sandbox
// that takes the token only that way: each way works alone, a saved credential without the option
// keeps sending Bearer, and the token stays out of the request log.
import { EvoVoiceApi } from '../../credentials/EvoVoiceApi.credentials';
import { AUTH_MODES, startSandbox, type AuthMode, type Sandbox } from '../../sandbox';
import { customerUpdate } from '../fixtures/parameters';
import { runNode } from '../harness';
import { startRecorder, type Recorder } from '../harness/recorder';
import { C } from './helpers';

let sb: Sandbox;
beforeAll(async () => {
	sb = await startSandbox();
});
beforeEach(() => sb.reset());
afterAll(async () => sb.close());

const only = (mode: AuthMode) => Object.fromEntries(AUTH_MODES.map((m) => [m, m === mode])) as Record<AuthMode, boolean>;
const credentials = (sendAs?: string) => ({ baseUrl: sb.url, authType: 'apiToken', apiToken: C.adminToken, ...(sendAs ? { sendAs } : {}) });

const choices = (new EvoVoiceApi().properties.find((p) => p.name === 'sendAs')?.options ?? []) as { value: string }[];

test('the option offers every token way the probe tries, Bearer first and by default', () => {
	expect(choices.map((c) => c.value).sort()).toEqual(AUTH_MODES.filter((m) => m !== 'basic' && m !== 'session').sort());
	expect(choices[0].value).toBe('bearer');
	expect(new EvoVoiceApi().properties.find((p) => p.name === 'sendAs')?.default).toBe('bearer');
});

test.each(choices.map((c) => c.value as AuthMode))('sent as %s to a host that takes only that: the update goes through', async (mode) => {
	sb.setSemantics({ auth: only(mode) });
	const { error } = await runNode({ parameters: customerUpdate({ name: `Via ${mode}` }), credentials: credentials(mode) });
	expect(error).toBeUndefined();
	expect(sb.state.customers['cus-acme'].name).toBe(`Via ${mode}`);
	expect(JSON.stringify(sb.log)).not.toContain(C.adminToken);
	// ...and the default way is refused there, so the option is what made it work.
	if (mode !== 'bearer') {
		const refused = await runNode({ parameters: customerUpdate({ name: 'Not me' }), credentials: credentials() });
		expect(refused.error?.httpCode).toBe('401');
		expect(sb.state.customers['cus-acme'].name).toBe(`Via ${mode}`);
	}
});

test('a credential saved before the option existed keeps sending Bearer', async () => {
	sb.setSemantics({ auth: only('bearer') });
	const { error } = await runNode({ parameters: customerUpdate({ name: 'Saved before' }), credentials: credentials() });
	expect(error).toBeUndefined();
	expect(sb.log.every((e) => e.headers.authorization === 'Bearer')).toBe(true);
});

describe('every way of sending the token is hidden when the API echoes the request back', () => {
	// An API (or a proxy in front of it) that repeats the headers and the URL that carried the token.
	let api: Recorder | undefined;
	afterEach(async () => await api?.close());

	test.each(choices.map((c) => c.value))('sent as %s', async (sendAs) => {
		const token = 'tok+echo/7Qz=';
		api = await startRecorder((request) => ({
			status: 400,
			body: { responseStatus: { errorCode: 'Bad', message: `Rejected ${request.url} ${request.headers.authorization ?? ''} ${request.headers.cookie ?? ''} ${request.headers['x-ss-id'] ?? ''}` } },
		}));
		const { error, run } = await runNode({ parameters: customerUpdate({ name: 'x' }), credentials: { baseUrl: api.url, authType: 'apiToken', apiToken: token, sendAs } });
		expect(error?.message).toContain('**hidden**');
		const everything = JSON.stringify({ error, run });
		const forms = [token, Buffer.from(`${token}:`).toString('base64'), encodeURIComponent(token), new URLSearchParams({ t: token }).toString().slice(2)];
		for (const form of forms) expect(everything).not.toContain(form);
	});
});
