/**
 * `npm start`: the package inside a real n8n, against the Evo Voice sandbox, ready to click through.
 *
 *  1. installs n8n 2.40.7 (and the Node.js 24 it needs) into the cache if it is not there yet
 *     (first time: ~6 minutes, ~3 GB in ${EVOVOICE_E2E_CACHE:-~/.cache/n8n-nodes-evovoice});
 *  2. builds and packs this package and installs the tarball into n8n as a community package;
 *  3. starts the sandbox (state kept in .e2e/start/sandbox-state.json) and n8n (data in
 *     .e2e/start/n8n), imports a sandbox credential and the example workflows, sets up an owner
 *     account, activates the CRM webhook example and the trigger example (every ended call to the
 *     CRM), and prints where to go, what to click and the command that makes a call end.
 *
 * Ctrl-C stops everything. Options:
 *   --port N           n8n's port (default 5678, or a free one if taken)
 *   --sandbox-port N   the sandbox's port (default 4080, or a free one if taken)
 *   --fresh            forget the previous state (n8n data, sandbox state) and start over
 *   --no-build         use the dist/ that is there
 */
import * as fs from 'fs';
import * as net from 'net';
import * as path from 'path';
import { randomBytes } from 'crypto';

import { defaultSeed, makeCustomers, SANDBOX_CREDENTIALS, startSandbox } from '../sandbox';
import { ensureHosts } from './n8n/hosts';
import {
	addCleanup,
	createInstance,
	freePort,
	importCredentials,
	importWorkflows,
	installPackage,
	N8nRest,
	startServer,
} from './n8n';
import { EXAMPLES, loadExamples, OWNER, packPackage, sandboxCredentials } from './n8n/project';
import { curlCommand } from './n8n/webhookExample';
import { runMain } from './lib/main';

const ROOT = path.resolve(__dirname, '..');
const STATE_DIR = path.join(ROOT, '.e2e', 'start');
const SETTINGS_FILE = path.join(STATE_DIR, 'settings.json');
const N8N_VERSION = '2.40.7';

interface Settings {
	encryptionKey: string;
	/** Set by runs before examples were tracked one by one: the first three were imported. */
	workflowsImported: boolean;
	/** The examples imported so far (importing one again would overwrite what the user changed in it). */
	examplesImported?: string[];
	ownerSetUp: boolean;
}

const FIRST_EXAMPLES = ['evovoiceExCrmHook', 'evovoiceExMonthly', 'evovoiceExAccount'];

function option(name: string): string | undefined {
	const argv = process.argv.slice(2);
	const inline = argv.find((a) => a.startsWith(`--${name}=`));
	if (inline) return inline.slice(name.length + 3);
	const index = argv.indexOf(`--${name}`);
	return index >= 0 ? argv[index + 1] : undefined;
}

async function portOrFree(wanted: number): Promise<number> {
	const free = await new Promise<boolean>((resolve) => {
		const server = net.createServer();
		server.once('error', () => resolve(false));
		server.listen(wanted, '127.0.0.1', () => server.close(() => resolve(true)));
	});
	return free ? wanted : await freePort();
}

function step(message: string): void {
	process.stdout.write(`[start] ${message}\n`);
}

async function main(): Promise<void> {
	const argv = process.argv.slice(2);
	if (argv.includes('--fresh')) {
		step(`--fresh: removing ${STATE_DIR}`);
		fs.rmSync(STATE_DIR, { recursive: true, force: true });
	}
	fs.mkdirSync(STATE_DIR, { recursive: true });
	const settings: Settings = fs.existsSync(SETTINGS_FILE)
		? (JSON.parse(fs.readFileSync(SETTINGS_FILE, 'utf8')) as Settings)
		: { encryptionKey: randomBytes(24).toString('hex'), workflowsImported: false, ownerSetUp: false };
	const save = () => fs.writeFileSync(SETTINGS_FILE, JSON.stringify(settings, null, 2));
	save();

	const [host] = await ensureHosts([N8N_VERSION]);
	const tarball = packPackage({ build: !argv.includes('--no-build') });

	// The sandbox, in this process, with its state persisted between runs.
	const seed = defaultSeed();
	seed.customers.push(...makeCustomers(300, 'acc-reseller'));
	const sandboxPort = await portOrFree(Number(option('sandbox-port') ?? 4080));
	const sandbox = await startSandbox({
		host: '127.0.0.1',
		port: sandboxPort,
		seed,
		stateFile: path.join(STATE_DIR, 'sandbox-state.json'),
	});
	addCleanup(async () => {
		await sandbox.close();
	});
	step(`sandbox on ${sandbox.url} (state: .e2e/start/sandbox-state.json)`);

	const instance = await createInstance(host, {
		userFolder: path.join(STATE_DIR, 'n8n'),
		port: await portOrFree(Number(option('port') ?? 5678)),
		encryptionKey: settings.encryptionKey,
	});
	const pkg = installPackage(instance, tarball);
	fs.rmSync(path.dirname(tarball), { recursive: true, force: true });
	step(`installed ${pkg.name}@${pkg.version} into ${path.relative(ROOT, instance.userFolder)}/.n8n/nodes`);

	// The credential always points at this run's sandbox port.
	await importCredentials(instance, sandboxCredentials(sandbox.url));
	const imported = new Set(settings.examplesImported ?? (settings.workflowsImported ? FIRST_EXAMPLES : []));
	const missing = loadExamples().filter((example) => !imported.has(example.id));
	if (missing.length) {
		await importWorkflows(instance, missing);
		settings.workflowsImported = true;
		settings.examplesImported = [...imported, ...missing.map((example) => example.id)];
		save();
		step(`imported ${missing.length} example workflow${missing.length === 1 ? '' : 's'}`);
	}

	step(`starting n8n ${host.version} (log: ${path.relative(ROOT, path.join(instance.logDir, 'server.log'))})`);
	const server = await startServer(instance);
	addCleanup(async () => {
		await server.stop();
	});
	const rest = new N8nRest(server.baseUrl);
	if (!settings.ownerSetUp) {
		await rest.setupOwner(OWNER);
		settings.ownerSetUp = true;
		save();
	}
	await rest.login(OWNER);
	for (const file of ['crm-webhook-to-evo-voice.json', 'log-ended-calls-to-crm.json']) {
		const example = EXAMPLES.find((e) => e.file === file)!;
		try {
			await rest.activateWorkflow(example.id);
		} catch (error) {
			step(`could not activate ${file}: ${(error as Error).message}`);
		}
	}

	const c = SANDBOX_CREDENTIALS;
	process.stdout.write(`
================================================================================
 n8n ${host.version} with n8n-nodes-evovoice ${pkg.version} is running.

 Editor:   ${server.baseUrl}/
 Log in:   ${OWNER.email}  /  ${OWNER.password}

 What to click:
  1. After logging in you see the workflow list ("Overview"). Open
     "Account billing and phone number limit" and click "Execute workflow";
     open the "Update Account" node to see the account the sandbox returned.
  2. "Monthly billing update" updates 300 sandbox customers in one run.
  3. "CRM contact → Evo Voice customer (create or update)" is active; call its webhook:
       ${curlCommand(server.baseUrl, '       ')}
     It finds the customer by its reference ID (crmId) and answers with it.
  4. "Log every ended call to the CRM" is active: its Evo Voice Trigger polls
     the sandbox every minute. Make a call end:
       npm run sandbox -- events --url ${sandbox.url} --sessions 1 --customer cus-acme --channel Voice
     Within a minute an execution appears in that workflow's Executions tab:
     the call, once, with Acme Dental's CRM ID (crm-1001). Run it again for
     more; "--sessions 5 --end-after 10s" makes five calls that end 10 s later.
     In the editor, open the trigger and click "Fetch Test Event" to see the
     most recent call without moving the trigger's place.
  5. Credentials: "Evo Voice (sandbox)" (API token) and "Evo Voice (sandbox,
     email and password)". Open one: the connection test passes; change the
     token or password to anything else and it fails, saying what to fix.

 Sandbox:  ${sandbox.url}   (see its state: ${sandbox.url}/__sandbox/state)
           tokens ${c.adminToken} (admin), ${c.managerToken} (manager)
 Data:     ${path.relative(ROOT, STATE_DIR)}/   (npm start -- --fresh starts over)

 Press Ctrl-C to stop n8n and the sandbox.
================================================================================
`);
	// Stay up until Ctrl-C (the cleanup handlers stop n8n and close the sandbox).
	await new Promise<void>((resolve) => server.process.once('exit', () => resolve()));
	step('n8n stopped');
	await sandbox.close();
	process.exit(0);
}

runMain(module, main, { label: '[start]' });
