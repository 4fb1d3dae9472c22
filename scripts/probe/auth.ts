// Which ways of sending a login the server takes. Each way is tried on GET /auth (401 without a
// login) and on a protected list (GET /accounts?countPerPage=1); both must answer 2xx.
import type { AuthMode } from '../../sandbox/modes';
import type { Findings } from './findings';
import { ok, type Auth, type ProbeClient } from './http';

export interface Login {
	token?: string;
	email?: string;
	password?: string;
}

interface Way {
	mode: AuthMode;
	title: string;
	guess: string;
	/** True if the node's credential relies on this way by default. */
	relied: boolean;
	auth: Auth;
}

const b64 = (s: string) => Buffer.from(s).toString('base64');

export function tokenWays(token: string, source = 'token'): Way[] {
	const learned = 'not relied on; a credential option sends it this way if Bearer is refused';
	return [
		{ mode: 'bearer', title: 'Token as Authorization: Bearer', guess: 'accepted (the credential sends this by default)', relied: true, auth: { label: `${source} as Bearer`, headers: { Authorization: `Bearer ${token}` } } },
		{ mode: 'basicToken', title: 'Token as the Basic user name (API-key style)', guess: learned, relied: false, auth: { label: `${source} as Basic user`, headers: { Authorization: `Basic ${b64(`${token}:`)}` } } },
		{ mode: 'tokenCookie', title: 'Token in the ss-tok cookie (JWT style)', guess: learned, relied: false, auth: { label: `${source} in ss-tok cookie`, headers: { Cookie: `ss-tok=${token}` } } },
		{ mode: 'tokenSessionHeader', title: 'Token as a session ID in X-ss-id', guess: learned, relied: false, auth: { label: `${source} in X-ss-id`, headers: { 'X-ss-id': token } } },
		{ mode: 'apiKeyQuery', title: 'Token in ?apikey=', guess: learned, relied: false, auth: { label: `${source} in ?apikey=`, query: { apikey: token } } },
		{ mode: 'tokenQuery', title: 'Token in ?ss-tok=', guess: learned, relied: false, auth: { label: `${source} in ?ss-tok=`, query: { 'ss-tok': token } } },
	];
}

/** 'yes' when both calls answer 2xx, 'no' when GET /auth refuses the login, else 'unclear'. */
async function tryAuth(client: ProbeClient, auth: Auth): Promise<{ result: 'yes' | 'no' | 'unclear'; evidence: number[] }> {
	const who = await client.request('GET', '/auth', { auth });
	if (who.status === 401 || who.status === 403) return { result: 'no', evidence: [who.exchange.n] };
	const list = await client.request('GET', '/accounts', { auth, query: { countPerPage: 1 } });
	const evidence = [who.exchange.n, list.exchange.n];
	if (ok(who) && ok(list)) return { result: 'yes', evidence };
	return { result: 'unclear', evidence };
}

const describe = (r: 'yes' | 'no' | 'unclear') => (r === 'yes' ? 'accepted' : r === 'no' ? 'refused (401)' : 'unclear: the two calls disagree or failed otherwise');

async function probeWays(client: ProbeClient, findings: Findings, ways: Way[]): Promise<Auth | undefined> {
	let first: Auth | undefined;
	for (const way of ways) {
		const { result, evidence } = await tryAuth(client, way.auth);
		if (result !== 'unclear') findings.observed.auth[way.mode] = result === 'yes';
		if (result === 'yes') first ??= way.auth;
		const verdict = result === 'unclear' ? 'unclear' : way.relied ? (result === 'yes' ? 'as guessed' : 'differs') : 'learned';
		findings.add({ topic: `auth.${way.mode}`, title: way.title, guess: way.guess, observed: describe(result), verdict, evidence });
	}
	return first;
}

/** POST /auth/credentials, then the session in the ss-id cookie and the X-ss-id header; logs out after. */
async function probeSession(client: ProbeClient, findings: Findings, login: Required<Pick<Login, 'email' | 'password'>>): Promise<Auth | undefined> {
	const title = 'Session from POST /auth/credentials';
	const guess = 'opens a session sent as the ss-id cookie (the vendor CLI logs in this way); the node does not use it';
	const res = await client.request('POST', '/auth/credentials', {
		body: { provider: 'credentials', userName: login.email, password: login.password, rememberMe: false },
	});
	const fromCookie = /(?:^|[;,]\s*)ss-id=([^;,\s]+)/.exec(res.headers.get('set-cookie') ?? '')?.[1];
	const sessionId: string | undefined = res.json?.sessionId ?? fromCookie;
	client.secrets.add(sessionId);
	client.secrets.add(res.json?.bearerToken);
	client.secrets.add(res.json?.refreshToken);
	if (!ok(res) || !sessionId) {
		const result = res.status === 401 || res.status === 404 ? 'refused' : 'unclear';
		if (result === 'refused') findings.observed.auth.session = false;
		findings.add({ topic: 'auth.session', title, guess, observed: `${result}: login answered ${res.status}${res.exchange.error ? ` (${res.exchange.error})` : ''}${ok(res) ? ', without a session ID' : ''}`, verdict: result === 'refused' ? 'differs' : 'unclear', evidence: [res.exchange.n] });
		return undefined;
	}
	const cookie: Auth = { label: 'session in ss-id cookie', headers: { Cookie: `ss-id=${sessionId}` } };
	const header: Auth = { label: 'session in X-ss-id', headers: { 'X-ss-id': sessionId } };
	const byCookie = await tryAuth(client, cookie);
	const byHeader = await tryAuth(client, header);
	const works = byCookie.result === 'yes' || byHeader.result === 'yes';
	const refused = byCookie.result === 'no' && byHeader.result === 'no';
	if (works || refused) findings.observed.auth.session = works;
	findings.add({
		topic: 'auth.session', title, guess,
		observed: `login ${res.status}; the session in the ss-id cookie: ${describe(byCookie.result)}; in X-ss-id: ${describe(byHeader.result)}${res.json?.bearerToken ? '; the answer also carries a bearerToken' : ''}`,
		verdict: works ? 'as guessed' : refused ? 'differs' : 'unclear',
		evidence: [res.exchange.n, ...byCookie.evidence, ...byHeader.evidence],
	});
	if (res.json?.bearerToken) {
		const jwt = await tryAuth(client, { label: 'session bearerToken as Bearer', headers: { Authorization: `Bearer ${res.json.bearerToken}` } });
		findings.notes.push(`The login's bearerToken sent as Bearer: ${describe(jwt.result)} (exchanges ${jwt.evidence.join(', ')}).`);
	}
	return byCookie.result === 'yes' ? cookie : byHeader.result === 'yes' ? header : undefined;
}

export interface AuthOutcome {
	/** The login later steps use, or undefined when none was accepted. */
	auth?: Auth;
	/** Ends the probe's session, if it opened one; run it when the run ends, interrupted or not. */
	close(): Promise<void>;
}

function describeStatus(json: any): string {
	if (!json || typeof json !== 'object') return 'no JSON body';
	const roles = Array.isArray(json.roles) ? json.roles.join(', ') : 'none listed';
	const accounts = Array.isArray(json.accountIds) ? json.accountIds.length : 'no';
	return `isAuthenticated ${json.isAuthenticated}; roles ${roles}; ${accounts} account IDs; fields ${Object.keys(json).sort().join(', ')}`;
}

/**
 * Tries every way the given login can travel. Returns the login later steps should use (the
 * first token way accepted, else Basic, else the session).
 */
export async function probeAuth(client: ProbeClient, findings: Findings, login: Login, options: { fetchToken?: boolean } = {}): Promise<AuthOutcome> {
	const anon = await client.request('GET', '/auth');
	const anonStatus = await client.request('GET', '/auth/status');
	findings.add({
		topic: 'auth.anonymous', title: 'Without a login',
		guess: 'GET /auth answers 401; GET /auth/status answers 200 with isAuthenticated false',
		observed: `GET /auth ${anon.status}; GET /auth/status ${anonStatus.status}, ${describeStatus(anonStatus.json)}`,
		verdict: anon.status === 401 && ok(anonStatus) && anonStatus.json?.isAuthenticated === false ? 'as guessed' : 'differs',
		evidence: [anon.exchange.n, anonStatus.exchange.n],
	});
	if (ok(anon)) {
		findings.notes.push('GET /auth answered 2xx without a login, so "accepted" below may not mean the login was checked.');
	}

	let main: Auth | undefined;
	let session: Auth | undefined;
	let token = login.token;
	if (token) main = await probeWays(client, findings, tokenWays(token));
	if (login.email && login.password) {
		const basic: Way = {
			mode: 'basic', title: 'Email and password as HTTP Basic', guess: 'accepted (the credential\'s Email and Password option)', relied: true,
			auth: { label: 'email and password as Basic', headers: { Authorization: `Basic ${b64(`${login.email}:${login.password}`)}` } },
		};
		const viaBasic = await probeWays(client, findings, [basic]);
		session = await probeSession(client, findings, { email: login.email, password: login.password });
		if (!token && options.fetchToken && viaBasic) {
			const res = await client.request('GET', '/auth/token', { auth: viaBasic, query: { userEmailAddress: login.email } });
			token = typeof res.json?.authToken === 'string' ? res.json.authToken : undefined;
			client.secrets.add(token);
			findings.notes.push(`GET /auth/token answered ${res.status}${token ? ' with an authToken; its ways are tried below' : ''} (exchange ${res.exchange.n}).`);
			if (token) main = await probeWays(client, findings, tokenWays(token, 'authToken'));
		}
		// A session is the last resort: it may expire midway, and it has to be closed after.
		main ??= viaBasic ?? session;
	}
	if (!token) {
		findings.notTested('auth.bearer', 'Token as Authorization: Bearer', 'accepted (the credential sends this by default)', 'no token given (EVOVOICE_TOKEN, or --fetch-token with a login)');
	}
	if (main) {
		const status = await client.request('GET', '/auth/status', { auth: main });
		const s = status.json;
		const paired = s?.isAuthenticated === true && Array.isArray(s.accountIds) && Array.isArray(s.accountNames) && s.accountIds.length === s.accountNames.length;
		findings.add({
			topic: 'auth.status', title: `GET /auth/status with ${main.label}`,
			guess: 'isAuthenticated true, with accountIds[] and accountNames[] of the same length (the pickers and credential rely on none of it)',
			observed: describeStatus(s), verdict: paired ? 'as guessed' : 'differs', evidence: [status.exchange.n],
		});
	}
	const open = session;
	const close = async () => {
		if (open) await client.request('GET', '/auth/logout', { auth: open, unabortable: true }).catch(() => undefined);
	};
	return { auth: main, close };
}
