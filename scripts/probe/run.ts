// One probe run: authentication first (its answer picks the login the rest uses), then paging,
// shapes, sorting, date format and the day filter (all GETs), then — only with --write — the write
// tests on a throwaway customer.
import { probeAuth, type Login } from './auth';
import { probeDays } from './days';
import { Findings } from './findings';
import { ProbeClient, type Exchange } from './http';
import { probeOrder } from './order';
import { probePaging } from './paging';
import { probeSpecificIds } from './specificIds';
import { Secrets } from './secrets';
import { probeShapes } from './shapes';
import { probeWrites, type WriteResult } from './write';

export const PRODUCTION_HOSTS = ['evovoice.io', 'www.evovoice.io'];

export interface ProbeOptions {
	baseUrl: string;
	login: Login;
	/** Run the write tests on a throwaway customer in this account. */
	writeAccountId?: string;
	/** The second flag --write needs on the production host. */
	confirmProduction?: boolean;
	/** With email and password only: ask GET /auth/token for a token and try its ways too. */
	fetchToken?: boolean;
	signal?: AbortSignal;
	timeoutMs?: number;
}

export interface ProbeRun {
	host: string;
	startedAt: string;
	durationMs: number;
	mode: 'read-only' | 'write';
	loginKinds: string[];
	findings: Findings;
	exchanges: Exchange[];
	secrets: Secrets;
	write?: WriteResult;
	interrupted: boolean;
	/** Set when the run stopped early for another reason than an interrupt. */
	error?: string;
}

/** Checks the options; throws before any request when they are not safe or not complete. */
export function checkOptions(options: ProbeOptions): URL {
	let url: URL;
	try {
		url = new URL(options.baseUrl);
	} catch {
		throw new Error(`--base-url '${options.baseUrl}' is not a URL (e.g. https://team.evovoice.io)`);
	}
	if (url.protocol !== 'https:' && url.protocol !== 'http:') throw new Error(`--base-url '${options.baseUrl}' must start with https:// or http://`);
	const { token, email, password } = options.login;
	if ((email && !password) || (!email && password)) throw new Error('EVOVOICE_EMAIL and EVOVOICE_PASSWORD go together: one of them is empty');
	if (!token && !(email && password)) throw new Error('No login: set EVOVOICE_TOKEN, or EVOVOICE_EMAIL and EVOVOICE_PASSWORD');
	if (options.writeAccountId !== undefined) {
		if (!options.writeAccountId.trim()) throw new Error('--write needs --account <account ID>: the account the test customer is created in');
		if (PRODUCTION_HOSTS.includes(url.hostname) && !options.confirmProduction) {
			throw new Error(`--write on the production host ${url.hostname} also needs --confirm-production; prefer staging (https://team.evovoice.io)`);
		}
	}
	return url;
}

export async function runProbe(options: ProbeOptions): Promise<ProbeRun> {
	const url = checkOptions(options);
	const secrets = new Secrets();
	secrets.add(options.login.token);
	secrets.addLogin(options.login.email, options.login.password);
	// Not a secret, but personal: the report is meant to be shared.
	secrets.add(options.login.email);
	const baseUrl = `${url.origin}${url.pathname.replace(/\/+$/, '')}`;
	const client = new ProbeClient(baseUrl, secrets, options.signal, options.timeoutMs);
	const findings = new Findings();
	const started = Date.now();
	const run: ProbeRun = {
		host: baseUrl, startedAt: new Date(started).toISOString(), durationMs: 0,
		mode: options.writeAccountId ? 'write' : 'read-only',
		loginKinds: [options.login.token && 'token', options.login.email && 'email and password'].filter(Boolean) as string[],
		findings, exchanges: client.exchanges, secrets, interrupted: false,
	};
	let close: (() => Promise<void>) | undefined;
	try {
		const outcome = await probeAuth(client, findings, options.login, { fetchToken: options.fetchToken });
		close = outcome.close;
		const auth = outcome.auth;
		if (!auth) {
			run.error = 'No way of sending the login was accepted, so nothing else was tried.';
		} else {
			await probePaging(client, findings, auth);
			await probeSpecificIds(client, findings, auth);
			await probeShapes(client, findings, auth, options.writeAccountId);
			await probeDays(client, findings, auth, await probeOrder(client, findings, auth));
			if (options.writeAccountId) run.write = await probeWrites(client, findings, auth, options.writeAccountId);
		}
	} catch (err) {
		run.interrupted = client.aborted;
		if (!run.interrupted) run.error = secrets.scrub((err as Error).message);
	} finally {
		await close?.();
	}
	run.durationMs = Date.now() - started;
	return run;
}
