import type {
	ICredentialDataDecryptedObject,
	ICredentialsDecrypted,
	ICredentialTestFunctions,
	IDataObject,
	INodeCredentialTestResult,
} from 'n8n-workflow';

import { authenticateEvoVoice } from '../../../credentials/EvoVoiceApi.credentials';
import { USER_AGENT } from '../transport/request';
import { scrub } from '../transport/errors';
import { CREDENTIAL_TEST_MESSAGES as M, tlsReasons } from '../model/messages';
import { isObject } from '../model/objects';
import { secretForms } from '../transport/secrets';

/**
 * The credential test, as a function rather than the credential's declarative `test`: n8n answers
 * a declarative test that reaches nothing with the bare error code (ECONNREFUSED, ENOTFOUND), while
 * this one says what to fix in every case. n8n runs it through the node's `testedBy`, which it only
 * reads when the credential has no `test` of its own (CredentialsTester.getCredentialTestFunction).
 */

/** How long the test waits for an answer before it says that none came. */
export const CREDENTIAL_TEST_TIMEOUT_MS = 15_000;

/** The one HTTP call the test makes: n8n's `helpers.request` (its proxy and TLS settings apply). */
export type LegacyRequest = (options: IDataObject) => Promise<unknown>;

interface FullResponse {
	statusCode?: number;
	statusMessage?: string;
	headers?: Record<string, unknown>;
	body?: unknown;
}

const OK = 'Connection successful: Evo Voice accepted this login';

/** The Base URL as a message shows it: scheme, host, port and path, never a user, password or query. */
function shown(url: URL): string {
	const path = url.pathname === '/' ? '' : url.pathname.replace(/\/+$/, '');
	return `${url.protocol}//${url.host}${path}`;
}

/** The first error code along an error's causes (axios puts Node's code on the error itself). */
function codeOf(error: unknown): string | undefined {
	let current: unknown = error;
	for (let depth = 0; depth < 5 && typeof current === 'object' && current !== null; depth++) {
		const { code, cause } = current as { code?: unknown; cause?: unknown };
		if (typeof code === 'string' && code !== '') return code;
		current = cause;
	}
	return undefined;
}

function messageOf(error: unknown): string {
	return error instanceof Error ? error.message : String(error);
}

/** Why nothing answered, as a message that says what to fix. */
export function unreachableMessage(error: unknown, url: URL, timeoutMs: number, secrets: string[] = []): string {
	const at = shown(url);
	const code = codeOf(error) ?? '';
	const text = messageOf(error);
	if (code === 'ECONNREFUSED') return M.connectionRefused(at);
	if (code === 'ENOTFOUND') return M.unknownHost(url.hostname);
	if (code === 'EAI_AGAIN') return M.dnsUnavailable(url.hostname);
	if (code === 'EHOSTUNREACH' || code === 'ENETUNREACH') return M.unreachable(at);
	if (['ECONNABORTED', 'ETIMEDOUT', 'ESOCKETTIMEDOUT', 'UND_ERR_CONNECT_TIMEOUT'].includes(code) || /timeout/i.test(text)) {
		return M.timeout(at, timeoutMs);
	}
	if (code === 'ECONNRESET' || code === 'EPIPE' || /socket hang up/i.test(text)) return M.connectionReset(at);
	if (code in tlsReasons) return M.tls(at, tlsReasons[code]);
	if (/CERT|TLS|SSL/.test(code)) return M.tls(at, `the handshake failed (${code})`);
	// Anything else: its code, or its message with every form of the secrets hidden.
	const cause = scrub(code || text || 'the request failed', secrets);
	return M.unreachableOther(at, cause.length > 160 ? `${cause.slice(0, 157)}…` : cause);
}

/** What an answer of the Base URL means: the login works, or what to fix. */
export function answerResult(response: FullResponse, url: URL): INodeCredentialTestResult {
	const status = Number(response.statusCode ?? 0);
	if (status === 401) return { status: 'Error', message: M.refused };
	if (status === 403) return { status: 'Error', message: M.forbidden };
	if (status === 404) return { status: 'Error', message: M.notEvoVoice };
	if (status < 200 || status > 299) {
		return { status: 'Error', message: M.otherStatus(shown(url), status, response.statusMessage ?? '') };
	}
	// A web page that answers every path (a site's catch-all) is not the API, whatever its status.
	const type = String(response.headers?.['content-type'] ?? '');
	if (!isObject(response.body) && /text\/html/i.test(type)) return { status: 'Error', message: M.notEvoVoice };
	return { status: 'OK', message: OK };
}

/**
 * The test itself, given the request function: GET /auth, authenticated as the node's requests
 * are. /auth answers 401 to a bad login, unlike /auth/status, which answers 200 with
 * isAuthenticated: false and would let a wrong token pass.
 */
export async function testEvoVoiceCredential(
	request: LegacyRequest,
	credentials: ICredentialDataDecryptedObject,
	timeoutMs = CREDENTIAL_TEST_TIMEOUT_MS,
): Promise<INodeCredentialTestResult> {
	const baseUrl = String(credentials.baseUrl ?? 'https://evovoice.io').trim();
	let url: URL;
	try {
		url = new URL(baseUrl);
		if (url.protocol !== 'https:' && url.protocol !== 'http:') throw new Error('not http(s)');
	} catch {
		return { status: 'Error', message: M.invalidBaseUrl(baseUrl) };
	}
	const options = await authenticateEvoVoice(
		{ ...credentials, baseUrl },
		{ url: '/auth', method: 'GET', headers: { Accept: 'application/json', 'User-Agent': USER_AGENT } },
	);
	try {
		const response = (await request({
			method: 'GET',
			uri: `${options.baseURL ?? ''}${options.url}`,
			headers: options.headers,
			qs: options.qs,
			json: true,
			timeout: timeoutMs,
			// Every status comes back as an answer, to be read here, rather than as an error.
			simple: false,
			resolveWithFullResponse: true,
		})) as FullResponse;
		return answerResult(response, url);
	} catch (error) {
		return { status: 'Error', message: unreachableMessage(error, url, timeoutMs, secretForms(credentials)) };
	}
}

/** The node's `methods.credentialTest`: n8n calls it for the `testedBy` of the node's credential. */
export async function evoVoiceApiTest(
	this: ICredentialTestFunctions,
	credential: ICredentialsDecrypted,
): Promise<INodeCredentialTestResult> {
	// ICredentialTestFunctions offers no httpRequest, only the legacy `request` (which n8n's lint
	// calls deprecated in execute functions, where httpRequest exists); it goes through n8n's own
	// HTTP client, with its proxy and TLS settings.
	const { helpers } = this;
	return await testEvoVoiceCredential(async (options) => await helpers.request(options), credential.data ?? {});
}
