// The credential test (the node's testedBy) on n8n-core's CredentialTestContext: the login works, or what to fix.
import * as http from 'node:http';
import * as net from 'node:net';
import type { AddressInfo } from 'node:net';
import type { ICredentialDataDecryptedObject, ICredentialsDecrypted, INodeCredentialTestResult } from 'n8n-workflow';
import { CredentialTestContext } from 'n8n-core';

import { EvoVoice } from '../../nodes/EvoVoice/EvoVoice.node';
import { CREDENTIAL_TEST_MESSAGES as M } from '../../nodes/EvoVoice/model/messages';
import { testEvoVoiceCredential } from '../../nodes/EvoVoice/methods/credentialTest';
import { SANDBOX_CREDENTIALS, startSandbox, type Sandbox } from '../../sandbox';

// The credential test as n8n runs it: the node's `testedBy` function, called on n8n-core's own
// CredentialTestContext (whose `helpers.request` is n8n's HTTP client), against real sockets: the
// sandbox, a closed port, a host name that does not exist, servers that answer 403, hang or hang up.

let sandbox: Sandbox;
const servers: Array<http.Server | net.Server> = [];
const sockets = new Set<net.Socket>();

beforeAll(async () => {
	sandbox = await startSandbox();
});
afterAll(async () => {
	await sandbox.close();
	for (const socket of sockets) socket.destroy();
	await Promise.all(servers.map(async (s) => await new Promise((resolve) => s.close(resolve))));
});

const token = (overrides: ICredentialDataDecryptedObject = {}): ICredentialDataDecryptedObject => ({
	baseUrl: sandbox.url, authType: 'apiToken', apiToken: SANDBOX_CREDENTIALS.adminToken, sendAs: 'bearer', ...overrides,
});

/** The node's credential test, called as n8n's CredentialsTester calls it. */
async function nodeTest(data: ICredentialDataDecryptedObject): Promise<INodeCredentialTestResult> {
	const fn = new EvoVoice().methods.credentialTest.evoVoiceApiTest;
	const credential: ICredentialsDecrypted = { id: 'c1', name: 'Evo Voice', type: 'evoVoiceApi', data };
	return await fn.call(new CredentialTestContext(), credential);
}

async function listen<S extends http.Server | net.Server>(server: S): Promise<string> {
	servers.push(server);
	server.on('connection', (socket: net.Socket) => sockets.add(socket));
	await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
	return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
}

/** A port nothing listens on: bound, then released. */
async function closedPort(): Promise<number> {
	const server = net.createServer();
	await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
	const { port } = server.address() as AddressInfo;
	await new Promise((resolve) => server.close(resolve));
	return port;
}

describe('the credential test says the login works, or what to fix', () => {
	test('a good token, and email and password, pass', async () => {
		expect(await nodeTest(token())).toMatchObject({ status: 'OK' });
		const basic = { baseUrl: `${sandbox.url}/`, authType: 'basicAuth', ...SANDBOX_CREDENTIALS.admin };
		expect(await nodeTest(basic)).toMatchObject({ status: 'OK' });
		expect(sandbox.log.filter((e) => e.route.startsWith('GET /auth')).length).toBeGreaterThanOrEqual(2);
	});

	test('a wrong token: HTTP 401 says to check the API Token, and never shows the token', async () => {
		const result = await nodeTest(token({ apiToken: 'not-the-token' }));
		expect(result).toEqual({ status: 'Error', message: M.refused });
		expect(result.message).not.toContain('not-the-token');
	});

	test('a token the host takes another way: Send Token As decides, as in the node', async () => {
		sandbox.setSemantics({ auth: { bearer: false, tokenCookie: true } });
		try {
			expect(await nodeTest(token({ sendAs: 'tokenCookie' }))).toMatchObject({ status: 'OK' });
			expect(await nodeTest(token())).toEqual({ status: 'Error', message: M.refused });
		} finally {
			sandbox.setSemantics({});
		}
	});

	test('HTTP 403 says which login to use; HTTP 404 says to check the Base URL', async () => {
		const forbidding = await listen(http.createServer((_req, res) => res.writeHead(403).end()));
		expect(await nodeTest(token({ baseUrl: forbidding }))).toEqual({ status: 'Error', message: M.forbidden });
		expect(await nodeTest(token({ baseUrl: `${sandbox.url}/not-the-api` }))).toEqual({ status: 'Error', message: M.notEvoVoice });
	});

	test('another status names it and the Base URL; a web page answering 200 is not the API', async () => {
		const failing = await listen(http.createServer((_req, res) => res.writeHead(502, 'Bad Gateway').end()));
		const failed = await nodeTest(token({ baseUrl: failing }));
		expect(failed.status).toBe('Error');
		expect(failed.message).toContain(`${failing} answered HTTP 502 Bad Gateway for GET /auth`);
		const page = await listen(http.createServer((_req, res) => res.writeHead(200, { 'Content-Type': 'text/html' }).end('<html></html>')));
		expect(await nodeTest(token({ baseUrl: page }))).toEqual({ status: 'Error', message: M.notEvoVoice });
	});

	test('a closed port: nothing answers there, check the Base URL', async () => {
		const at = `http://127.0.0.1:${await closedPort()}`;
		const result = await nodeTest(token({ baseUrl: at }));
		expect(result).toEqual({ status: 'Error', message: M.connectionRefused(at) });
		expect(result.message).toMatch(/^Nothing answers at http:\/\/127\.0\.0\.1:\d+ \(connection refused\): check the Base URL/);
	});

	test('an unknown host name: the DNS lookup failed, check the Base URL for a typo', async () => {
		const result = await nodeTest(token({ baseUrl: 'https://no-such-host.invalid' }));
		expect(result.status).toBe('Error');
		// ENOTFOUND where DNS answers; EAI_AGAIN where there is no DNS at all.
		expect([M.unknownHost('no-such-host.invalid'), M.dnsUnavailable('no-such-host.invalid')]).toContain(result.message);
	});

	test('https:// to a host without TLS: the TLS connection failed, check the Base URL', async () => {
		const result = await nodeTest(token({ baseUrl: sandbox.url.replace(/^http:/, 'https:') }));
		expect(result.status).toBe('Error');
		expect(result.message).toContain(`The secure (TLS) connection to ${sandbox.url.replace(/^http:/, 'https:')} failed`);
		expect(result.message).toContain('Check the Base URL');
	});

	test('a host that hangs up, and one that never answers (a short timeout here)', async () => {
		const hangUp = await listen(net.createServer((socket) => socket.destroy()));
		expect(await nodeTest(token({ baseUrl: hangUp }))).toEqual({ status: 'Error', message: M.connectionReset(hangUp) });
		const silent = await listen(net.createServer(() => undefined));
		const request = new CredentialTestContext().helpers.request;
		const result = await testEvoVoiceCredential(async (options) => await request(options), token({ baseUrl: silent }), 300);
		expect(result).toEqual({ status: 'Error', message: M.timeout(silent, 300) });
	});

	test('a Base URL that is no address is refused before any request; a user and password in it are never shown', async () => {
		expect(await nodeTest(token({ baseUrl: 'evovoice.io' }))).toEqual({ status: 'Error', message: M.invalidBaseUrl('evovoice.io') });
		expect((await nodeTest(token({ baseUrl: 'ftp://evovoice.io' }))).message).toContain('is not an address');
		const port = await closedPort();
		const result = await nodeTest(token({ baseUrl: `http://user:hunter22@127.0.0.1:${port}/api?apikey=abc123` }));
		expect(result.message).toBe(M.connectionRefused(`http://127.0.0.1:${port}/api`));
	});
});

