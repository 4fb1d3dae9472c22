/**
 * What the browser suite runs against: the packed package inside a real n8n (`n8n start`), the
 * Evo Voice sandbox behind it, the sandbox credentials and example workflows imported, an owner
 * account, and a real Chromium (@sparticuz/chromium from the npm registry, or EVOVOICE_CHROMIUM).
 */
import * as fs from 'fs';
import * as path from 'path';

import chromiumBinary from '@sparticuz/chromium';
import { chromium, selectors, type Browser, type BrowserContext, type Page } from 'playwright-core';

import { defaultSeed, startSandbox, type Sandbox } from '../../../sandbox';
import type { N8nHost } from '../../../scripts/n8n/hosts';
import {
	createInstance,
	importCredentials,
	importWorkflows,
	installPackage,
	N8nRest,
	startServer,
	type N8nInstance,
	type N8nServer,
} from '../../../scripts/n8n';
import { loadExamples, OWNER, sandboxCredentials } from '../../../scripts/n8n/project';

export interface Session {
	host: N8nHost;
	instance: N8nInstance;
	sandbox: Sandbox;
	server: N8nServer;
	rest: N8nRest;
	browser: Browser;
	context: BrowserContext;
	page: Page;
	close(keep: boolean): Promise<void>;
}

/** Flags Chromium needs on a headless server with nothing listening outside 127.0.0.1. */
const CHROMIUM_FLAGS = [
	'--no-sandbox',
	'--disable-gpu',
	'--disable-quic',
	'--no-first-run',
	'--disable-background-networking',
	'--disable-component-update',
	'--disable-sync',
	'--disable-dev-shm-usage',
];

export async function launchBrowser(): Promise<Browser> {
	// n8n marks its elements with data-test-id (its own Playwright config says the same).
	selectors.setTestIdAttribute('data-test-id');
	const executablePath = process.env.EVOVOICE_CHROMIUM || (await chromiumBinary.executablePath());
	// playwright-core gives each launch a fresh temporary profile (--user-data-dir).
	return await chromium.launch({ executablePath, headless: true, args: CHROMIUM_FLAGS });
}

export async function startSession(host: N8nHost, tarball: string): Promise<Session> {
	const sandbox = await startSandbox({ host: '127.0.0.1', port: 0, seed: defaultSeed() });
	const instance = await createInstance(host);
	let server: N8nServer | undefined;
	let browser: Browser | undefined;
	try {
		installPackage(instance, tarball);
		await importCredentials(instance, sandboxCredentials(sandbox.url));
		await importWorkflows(instance, loadExamples());
		server = await startServer(instance);
		const rest = new N8nRest(server.baseUrl);
		await rest.setupOwner(OWNER);
		await rest.login(OWNER);
		browser = await launchBrowser();
		const context = await browser.newContext({ baseURL: server.baseUrl, viewport: { width: 1440, height: 900 } });
		context.setDefaultTimeout(30_000);
		const page = await context.newPage();
		const started = { server, browser };
		return {
			host,
			instance,
			sandbox,
			server,
			rest,
			browser,
			context,
			page,
			async close(keep: boolean) {
				await started.browser.close().catch(() => undefined);
				await started.server.stop();
				await sandbox.close();
				if (!keep) fs.rmSync(instance.userFolder, { recursive: true, force: true });
			},
		};
	} catch (error) {
		await browser?.close().catch(() => undefined);
		await server?.stop();
		await sandbox.close();
		throw error;
	}
}

/** Screenshots of every run, kept under the git-ignored .e2e/ folder. */
export function screenshotDir(root: string, version: string): string {
	const dir = path.join(root, '.e2e', 'screenshots', `n8n-${version}`);
	fs.rmSync(dir, { recursive: true, force: true });
	fs.mkdirSync(dir, { recursive: true });
	return dir;
}
