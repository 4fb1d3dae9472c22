/**
 * End-to-end suite: the packed package inside REAL n8n, against the Evo Voice sandbox.
 *
 * For every n8n host (hosts.ts): a fresh user folder, the `npm pack` tarball installed as a
 * community package, a sandbox credential and the example workflows imported with n8n's CLI,
 * the manual workflows run with `n8n execute`, then `n8n start`: owner set-up, login, the
 * credential test through the REST API, and the CRM webhook workflow activated and called over
 * real HTTP. Each step asserts both what n8n returned and what the sandbox holds afterwards.
 *
 * Usage: tsx scripts/e2e/run.ts [--only=2.40.7[,1.123.81]] [--keep] [--no-build]
 *   EVOVOICE_E2E_HOSTS=2.40.7      same as --only
 *   EVOVOICE_E2E_CACHE=dir         where the n8n hosts are installed (default ~/.cache/n8n-nodes-evovoice)
 *   EVOVOICE_E2E_SKIP=1            print a skip line and exit 0 (for quick local `npm test`)
 */
import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';

import { defaultSeed, makeCustomers, SANDBOX_CREDENTIALS, startSandbox, type Counters, type Sandbox } from '../../sandbox';
import { ensureHosts, KEEP_NPM_CONFIG, type N8nHost } from './hosts';
import { checkReferenceIdsAtScale, REFERENCE_CUSTOMERS } from './referenceIds';
import { checkTestSchedule, checkToolOffersTestSchedule } from './testSchedule';
import {
	createInstance,
	executeWorkflow,
	importCredentials,
	importWorkflows,
	installPackage,
	killAll,
	N8nRest,
	nodeOutput,
	postWebhook,
	runErrors,
	startServer,
	type CredentialImport,
	type N8nServer,
} from './n8n';

const ROOT = path.resolve(__dirname, '..', '..');
const EXAMPLES_DIR = path.join(ROOT, 'examples');

export const CREDENTIAL_ID = 'evovoice-sandbox';
export const CREDENTIAL_NAME = 'Evo Voice (sandbox)';
const BASIC_CREDENTIAL_ID = 'evovoice-sandbox-basic';

/** Example files and the workflow IDs they are imported under. */
export const EXAMPLES = [
	{ file: 'crm-webhook-to-evo-voice.json', id: 'evovoiceExCrmHook' },
	{ file: 'monthly-billing-update.json', id: 'evovoiceExMonthly' },
	{ file: 'account-billing.json', id: 'evovoiceExAccount' },
] as const;

const WEBHOOK_PATH = 'evovoice-crm-contact';
const BULK = 300;

// ---------------------------------------------------------------------------------------------
// Bookkeeping

interface HostReport {
	version: string;
	passed: number;
	failed: number;
	workflows: number;
	items: number;
	failures: string[];
	seconds: number;
}

class Checks {
	passed = 0;
	failed = 0;
	workflows = 0;
	items = 0;
	failures: string[] = [];

	constructor(private readonly label: string) {}

	ok(name: string, condition: boolean, detail?: () => string): boolean {
		if (condition) {
			this.passed++;
			return true;
		}
		this.failed++;
		const message = `${name}${detail ? `: ${detail()}` : ''}`;
		this.failures.push(message);
		say(`  ✗ [${this.label}] ${message}`);
		return false;
	}

	equal(name: string, actual: unknown, expected: unknown): boolean {
		return this.ok(name, deepEqual(actual, expected), () => `expected ${short(expected)}, got ${short(actual)}`);
	}

	/** Runs a step; an exception counts as one failed assertion and the step ends. */
	async step(name: string, fn: () => Promise<void>): Promise<void> {
		const started = Date.now();
		say(`  … ${name}`);
		try {
			await fn();
			say(`  ✓ ${name} (${((Date.now() - started) / 1000).toFixed(1)}s)`);
		} catch (error) {
			this.ok(name, false, () => (error instanceof Error ? error.message : String(error)));
		}
	}
}

function say(message: string): void {
	process.stdout.write(`${message}\n`);
}

function short(value: unknown): string {
	const text = JSON.stringify(value);
	return text === undefined ? 'undefined' : text.length > 400 ? `${text.slice(0, 400)}…` : text;
}

function deepEqual(a: unknown, b: unknown): boolean {
	if (a === b) return true;
	if (typeof a !== typeof b || a === null || b === null || typeof a !== 'object') return false;
	if (Array.isArray(a) !== Array.isArray(b)) return false;
	const ka = Object.keys(a as object);
	const kb = Object.keys(b as object);
	if (ka.length !== kb.length) return false;
	return ka.every((k) => deepEqual((a as Record<string, unknown>)[k], (b as Record<string, unknown>)[k]));
}

// ---------------------------------------------------------------------------------------------
// Preparing what is tested

/** `npm run build` then `npm pack` into a temporary folder; returns the tarball's path. */
export function packPackage(options: { build?: boolean } = {}): string {
	const env = { ...process.env };
	for (const key of Object.keys(env)) if (/^npm_(config|package|lifecycle)_/i.test(key) && !KEEP_NPM_CONFIG.test(key)) delete env[key];
	if (options.build !== false) {
		say('[e2e] building the package (npm run build)');
		const build = spawnSync('npm', ['run', 'build'], { cwd: ROOT, env, encoding: 'utf8' });
		if (build.status !== 0) throw new Error(`npm run build failed:\n${build.stdout}\n${build.stderr}`);
	}
	const out = fs.mkdtempSync(path.join(os.tmpdir(), 'evovoice-pack-'));
	const pack = spawnSync('npm', ['pack', '--json', '--pack-destination', out], { cwd: ROOT, env, encoding: 'utf8' });
	if (pack.status !== 0) throw new Error(`npm pack failed:\n${pack.stdout}\n${pack.stderr}`);
	const [info] = JSON.parse(pack.stdout) as Array<{ filename: string; files: Array<{ path: string }> }>;
	const tarball = path.join(out, info.filename);
	const files = info.files.map((f) => f.path);
	for (const needed of ['dist/nodes/EvoVoice/EvoVoice.node.js', 'dist/credentials/EvoVoiceApi.credentials.js']) {
		if (!files.includes(needed)) throw new Error(`${info.filename} lacks ${needed}`);
	}
	say(`[e2e] packed ${info.filename} (${files.length} files)`);
	return tarball;
}

interface WorkflowFile {
	id?: string;
	name: string;
	nodes: Array<{ name: string; type: string; parameters?: Record<string, unknown>; credentials?: Record<string, { id: string; name: string }> }>;
	connections: object;
	settings?: object;
	active?: boolean;
	[key: string]: unknown;
}

export function loadExamples(): Array<WorkflowFile & { id: string }> {
	return EXAMPLES.map(({ file, id }) => {
		const workflow = JSON.parse(fs.readFileSync(path.join(EXAMPLES_DIR, file), 'utf8')) as WorkflowFile;
		return { ...workflow, id, active: false };
	});
}

export function sandboxCredentials(baseUrl: string): CredentialImport[] {
	return [
		{
			id: CREDENTIAL_ID,
			name: CREDENTIAL_NAME,
			type: 'evoVoiceApi',
			data: { baseUrl, authType: 'apiToken', apiToken: SANDBOX_CREDENTIALS.adminToken },
		},
		{
			id: BASIC_CREDENTIAL_ID,
			name: 'Evo Voice (sandbox, email and password)',
			type: 'evoVoiceApi',
			data: {
				baseUrl,
				authType: 'basicAuth',
				email: SANDBOX_CREDENTIALS.admin.email,
				password: SANDBOX_CREDENTIALS.admin.password,
			},
		},
	];
}

export const OWNER = {
	email: 'owner@evovoice.test',
	firstName: 'Evo',
	lastName: 'Voice',
	password: 'EvoVoice-e2e-1',
};

// ---------------------------------------------------------------------------------------------
// Expectations

const PLANS = ['Basic', 'Pro', 'Enterprise'];
const PRICES: Record<string, { base: number; perLocalNumber: number; includedNumbers: number; perMinuteOut: number; includedMinutes: number }> = {
	Basic: { base: 19, perLocalNumber: 1.5, includedNumbers: 2, perMinuteOut: 0.02, includedMinutes: 200 },
	Pro: { base: 49, perLocalNumber: 1.25, includedNumbers: 5, perMinuteOut: 0.015, includedMinutes: 1000 },
	Enterprise: { base: 99, perLocalNumber: 1.0, includedNumbers: 20, perMinuteOut: 0.01, includedMinutes: 5000 },
};

/** What the monthly billing workflow must leave on bulk customer i (1-based). */
function expectedBilling(i: number) {
	const p = PRICES[PLANS[i % 3]];
	return {
		base: { baseCost: p.base },
		localNumbers: { unitCost: p.perLocalNumber, allowance: p.includedNumbers },
		outboundVoiceCalls: { unitCost: p.perMinuteOut, allowance: p.includedMinutes, rawUnitMultiplier: 1.2 },
	};
}

const bulkId = (i: number) => `cus-bulk-${String(i).padStart(5, '0')}`;

/** CRM contacts the webhook receives; `crmId` is the customer's reference ID in Evo Voice. */
const CRM_CONTACTS = [
	{
		crmId: 'crm-1001',
		customerId: 'cus-acme',
		name: 'Acme Dental Group',
		plan: 'Enterprise',
		seats: 20,
		vip: true,
		tags: ['tag-vip', 'tag-wholesale'],
	},
	{
		crmId: 'crm-2001',
		customerId: 'cus-bluebird',
		name: 'Bluebird Plumbing & Heating',
		plan: 'Pro',
		seats: 5,
		vip: false,
		tags: ['tag-new'],
	},
];

// ---------------------------------------------------------------------------------------------
// One host

async function runHost(host: N8nHost, tarball: string, keep: boolean): Promise<HostReport> {
	const started = Date.now();
	const checks = new Checks(host.version);
	say(`\n[e2e] ===== n8n ${host.version} (Node ${host.nodeBin.match(/node-(\d+\.\d+\.\d+)/)?.[1] ?? '?'}) =====`);
	const seed = defaultSeed();
	seed.customers.push(...makeCustomers(BULK, 'acc-reseller'));
	let sandbox: Sandbox | undefined;
	let server: N8nServer | undefined;
	const instance = await createInstance(host);
	say(`[e2e] user folder ${instance.userFolder}`);
	try {
		sandbox = await startSandbox({ host: '127.0.0.1', port: 0, seed });
		const sb = sandbox;
		say(`[e2e] sandbox on ${sb.url}`);

		await checks.step('install the packed package into .n8n/nodes', async () => {
			const pkg = installPackage(instance, tarball);
			checks.ok(
				'package unpacked in nodes/node_modules',
				fs.existsSync(path.join(instance.userFolder, '.n8n', 'nodes', 'node_modules', pkg.name, 'dist', 'nodes', 'EvoVoice', 'EvoVoice.node.js')),
			);
		});
		await checks.step('import credentials (n8n import:credentials)', async () => {
			await importCredentials(instance, sandboxCredentials(sb.url));
			checks.ok('credentials imported', true);
		});
		await checks.step('import example workflows (n8n import:workflow)', async () => {
			await importWorkflows(instance, loadExamples());
			checks.ok('workflows imported', true);
		});

		// --- account-billing.json with `n8n execute`
		await checks.step('execute account-billing.json', async () => {
			const before = sb.counters();
			const result = await executeWorkflow(instance, 'evovoiceExAccount');
			checks.workflows++;
			if (!checks.ok('account-billing run succeeded', result.ok, () => result.error ?? '')) return;
			const out = nodeOutput(result.run!, 'Update Account');
			checks.items += out.length;
			checks.equal('account-billing: one item out', out.length, 1);
			checks.equal('account-billing: n8n output is the account', out[0]?.id, 'acc-reseller');
			checks.equal('account-billing: n8n output maxPhoneNumbers', out[0]?.maxPhoneNumbers, 500);
			const account = sb.state.accounts['acc-reseller'];
			checks.equal('account-billing: sandbox maxPhoneNumbers', account.maxPhoneNumbers, 500);
			checks.equal('account-billing: sandbox billing base', account.billingSettings?.base?.baseCost, 59);
			const seededAccount = seed.accounts.find((a) => a.id === 'acc-reseller')!;
			checks.equal('account-billing: sandbox billing localNumbers', account.billingSettings?.localNumbers, {
				...(seededAccount.billingSettings?.localNumbers ?? {}),
				unitCost: 1.1,
				allowance: 25,
			});
			checks.equal('account-billing: other billing items kept (merge)', pick(account.billingSettings, ['tollFreeNumbers', 'inboundVoiceCalls', 'outboundSmsMessages']), pick(seededAccount.billingSettings, ['tollFreeNumbers', 'inboundVoiceCalls', 'outboundSmsMessages']));
			checks.equal('account-billing: name untouched', account.name, 'Northwind Telecom');
			checks.equal('account-billing: other account untouched', sb.state.accounts['acc-other'].maxPhoneNumbers, 50);
			const after = sb.counters();
			checks.equal(
				'account-billing: exactly one PATCH /accounts/:id',
				patches(after, 'PATCH /accounts/:id') - patches(before, 'PATCH /accounts/:id'),
				1,
			);
		});

		// --- monthly-billing-update.json with `n8n execute`: 300 customers
		await checks.step(`execute monthly-billing-update.json (${BULK} customers)`, async () => {
			const before = sb.counters();
			const result = await executeWorkflow(instance, 'evovoiceExMonthly', { timeoutMs: 10 * 60_000 });
			checks.workflows++;
			if (!checks.ok('monthly-billing run succeeded', result.ok, () => result.error ?? '')) return;
			const out = nodeOutput(result.run!, 'Update Billing Settings');
			checks.items += out.length;
			checks.equal(`monthly-billing: ${BULK} items out`, out.length, BULK);
			checks.equal(
				'monthly-billing: n8n output ids in order',
				out.map((o) => o.id),
				Array.from({ length: BULK }, (_, k) => bulkId(k + 1)),
			);
			let wrong = 0;
			let firstWrong = '';
			for (let i = 1; i <= BULK; i++) {
				const customer = sb.state.customers[bulkId(i)];
				const expected = expectedBilling(i);
				const good =
					customer !== undefined &&
					customer.overrideBillingSettings === true &&
					deepEqual(pick(customer.billingSettings, Object.keys(expected)), expected) &&
					customer.name === `Bulk Customer ${String(i).padStart(5, '0')}` &&
					customer.data?.Plan?.stringValue === PLANS[i % 3];
				if (!good) {
					wrong++;
					firstWrong ||= `${bulkId(i)}: ${short(customer)}`;
				}
			}
			checks.ok(`monthly-billing: all ${BULK} customers in the sandbox have their plan's billing`, wrong === 0, () => `${wrong} wrong, first ${firstWrong}`);
			checks.equal('monthly-billing: seed customer not touched', sb.state.customers['cus-bluebird'].overrideBillingSettings, false);
			const after = sb.counters();
			checks.equal(
				`monthly-billing: exactly ${BULK} PATCH /customers/:id`,
				patches(after, 'PATCH /customers/:id') - patches(before, 'PATCH /customers/:id'),
				BULK,
			);
		});

		// --- n8n start: owner, login, credential test, webhook
		await checks.step('n8n start (wait until ready)', async () => {
			server = await startServer(instance);
			say(`  n8n ${host.version} listening on ${server.baseUrl}`);
		});
		if (!server) return finish(); // already counted as a failure; nothing below can run
		const rest = new N8nRest(server.baseUrl);

		await checks.step('owner set-up and login (REST)', async () => {
			await rest.setupOwner(OWNER);
			const login = new N8nRest(server!.baseUrl);
			await login.login(OWNER);
			await rest.login(OWNER);
			const workflows = await rest.listWorkflows();
			checks.equal(
				'the imported workflows are listed',
				workflows.map((w) => w.id).sort(),
				EXAMPLES.map((e) => e.id).sort(),
			);
		});

		await checks.step('credential test through n8n (POST /rest/credentials/test)', async () => {
			const [token, basic] = sandboxCredentials(sb.url);
			const authBefore = sb.log.filter((entry) => entry.route.startsWith('GET /auth')).length;
			const good = await rest.testCredential(token);
			checks.equal('credential test: good token passes', good?.status, 'OK');
			const wrong = await rest.testCredential({ ...token, data: { ...token.data, apiToken: 'not-a-valid-token' } });
			checks.ok('credential test: wrong token fails', wrong?.status === 'Error', () => `got ${short(wrong)}`);
			say(`    good token: ${good?.status} ${good?.message ?? ''}; wrong token: ${wrong?.status} ${wrong?.message ?? ''}`);
			const basicGood = await rest.testCredential(basic);
			checks.equal('credential test: email and password pass', basicGood?.status, 'OK');
			const basicWrong = await rest.testCredential({ ...basic, data: { ...basic.data, password: 'wrong-password' } });
			checks.ok('credential test: wrong password fails', basicWrong?.status === 'Error', () => `got ${short(basicWrong)}`);
			const authAfter = sb.log.filter((entry) => entry.route.startsWith('GET /auth')).length;
			checks.ok('credential test reached the sandbox', authAfter - authBefore >= 4, () => `${authAfter - authBefore} auth requests`);
		});

		await checks.step('the node as an AI Agent tool, and its pickers there', async () => {
			const types = await rest.request<Array<{ name: string; usableAsTool?: boolean }>>('GET', '/types/nodes.json');
			const names = Array.isArray(types.body) ? types.body.map((t) => t.name) : [];
			checks.ok('n8n lists the node type', names.includes('n8n-nodes-evovoice.evoVoice'), () => `HTTP ${types.status}`);
			checks.ok('n8n lists its tool variant for the AI Agent', names.includes('n8n-nodes-evovoice.evoVoiceTool'), () => names.filter((n) => n.includes('evo')).join(', '));
			const [token] = sandboxCredentials(sb.url);
			for (const name of ['n8n-nodes-evovoice.evoVoice', 'n8n-nodes-evovoice.evoVoiceTool']) {
				const found = await rest.call<{ results: Array<{ name: string; value: string }> }>('POST', '/rest/dynamic-node-parameters/resource-locator-results', {
					path: 'parameters.customerId',
					nodeTypeAndVersion: { name, version: 1 },
					methodName: 'searchCustomers',
					filter: 'acme',
					currentNodeParameters: { resource: 'customer', operation: 'update' },
					credentials: { evoVoiceApi: { id: token.id, name: token.name } },
				});
				checks.equal(`customer picker of ${name.split('.')[1]} searches the sandbox`, found.results.map((r) => r.value).sort(), ['cus-acme', 'cus-acme-north', 'cus-acme-south']);
			}
		});

		await checks.step('activate crm-webhook-to-evo-voice.json and POST to its production webhook', async () => {
			await rest.activateWorkflow('evovoiceExCrmHook');
			let listening = false;
			for (const contact of CRM_CONTACTS) {
				const { customerId, ...payload } = contact;
				let response = await postWebhook(server!, WEBHOOK_PATH, payload);
				// Activation registers the webhook asynchronously on some versions: retry briefly on 404.
				for (let attempt = 0; response.status === 404 && !listening && attempt < 20; attempt++) {
					await new Promise((r) => setTimeout(r, 500));
					response = await postWebhook(server!, WEBHOOK_PATH, payload);
				}
				listening = true;
				checks.workflows++;
				checks.items++;
				const body = response.body as Record<string, unknown>;
				if (!checks.equal(`webhook ${contact.crmId}: HTTP status`, response.status, 200)) {
					say(`    response: ${response.text.slice(0, 600)}`);
					continue;
				}
				checks.equal(`webhook ${contact.crmId}: n8n answered with the updated customer`, [body?.id, body?.name], [customerId, contact.name]);
				const customer = sb.state.customers[customerId];
				const seeded = seed.customers.find((c) => c.id === customerId)!;
				checks.equal(`webhook ${contact.crmId}: sandbox name`, customer.name, contact.name);
				checks.equal(`webhook ${contact.crmId}: sandbox referenceId kept`, customer.referenceId, contact.crmId);
				checks.equal(`webhook ${contact.crmId}: sandbox data values`, pick(customer.data, ['Plan', 'Seats', 'Vip']), {
					Plan: { stringValue: contact.plan },
					Seats: { numberValue: contact.seats },
					Vip: { boolValue: contact.vip },
				});
				const otherKeys = Object.keys(seeded.data ?? {}).filter((k) => !['Plan', 'Seats', 'Vip'].includes(k));
				checks.equal(`webhook ${contact.crmId}: other data values kept (merge)`, pick(customer.data, otherKeys), pick(seeded.data, otherKeys));
				checks.equal(`webhook ${contact.crmId}: sandbox tags`, (customer.tags ?? []).map((t) => t.id).sort(), [...contact.tags].sort());
			}
			const stateBefore = JSON.stringify(sb.state.customers);
			for (const [label, crmId] of [
				['an unknown reference ID', 'crm-nobody'],
				['a reference ID two customers share', 'crm-dup'],
			] as const) {
				const { customerId: _unused, ...payload } = CRM_CONTACTS[0];
				void _unused;
				const known = new Set((await rest.listExecutions('evovoiceExCrmHook', 50)).map((e) => e.id));
				const response = await postWebhook(server!, WEBHOOK_PATH, { ...payload, crmId });
				checks.workflows++;
				say(`    ${label} → HTTP ${response.status} ${response.text.slice(0, 200)}`);
				checks.ok(`webhook with ${label}: n8n reports the failure`, response.status >= 400, () => `HTTP ${response.status} ${response.text.slice(0, 300)}`);
				// The failed execution, as the editor's Executions tab shows it: its error must name the reference ID.
				const message = await newErrorMessage(rest, 'evovoiceExCrmHook', known);
				say(`      n8n's execution error: ${message}`);
				checks.ok(`webhook with ${label}: the execution's error names ${crmId}`, message.includes(crmId), () => `error was: ${message}`);
			}
			checks.ok('webhook failures changed no customer', JSON.stringify(sb.state.customers) === stateBefore);
		});

		const stepContext = { checks, sb, rest, server, credential: { id: CREDENTIAL_ID, name: CREDENTIAL_NAME }, say };
		await checks.step(`reference IDs at ${REFERENCE_CUSTOMERS} more customers, through a production webhook`, async () => {
			await checkReferenceIdsAtScale(stepContext);
		});
		await checks.step('Test Schedule through production webhooks, and in the AI Agent tool', async () => {
			await checkTestSchedule(stepContext);
			await checkToolOffersTestSchedule(stepContext);
		});
	} catch (error) {
		checks.ok('host run', false, () => (error instanceof Error ? error.message : String(error)));
	} finally {
		if (server) await server.stop();
		if (sandbox) await sandbox.close();
		if (checks.failed === 0 && !keep) fs.rmSync(instance.userFolder, { recursive: true, force: true });
		else say(`[e2e] kept ${instance.userFolder} (logs in ${instance.logDir})`);
	}
	return finish();

	function finish(): HostReport {
		return {
			version: host.version,
			passed: checks.passed,
			failed: checks.failed,
			workflows: checks.workflows,
			items: checks.items,
			failures: checks.failures,
			seconds: (Date.now() - started) / 1000,
		};
	}
}

/** The error of the first failed execution of a workflow not in `known` (executions are saved after the response). */
async function newErrorMessage(rest: N8nRest, workflowId: string, known: Set<string>): Promise<string> {
	for (let attempt = 0; attempt < 40; attempt++) {
		const executions = await rest.listExecutions(workflowId, 50);
		const fresh = executions.find((e) => !known.has(e.id) && (e.status === 'error' || e.status === 'crashed'));
		if (fresh) {
			const errors = runErrors((await rest.getExecution(fresh.id)).run);
			return errors.length ? errors.join(' | ') : `(execution ${fresh.id} failed without an error message)`;
		}
		await new Promise((r) => setTimeout(r, 250));
	}
	return '(no new failed execution found)';
}

function patches(counters: Counters, route: string): number {
	return counters.byRoute[route] ?? 0;
}

function pick<T extends object>(value: T | undefined, keys: string[]): Record<string, unknown> {
	const out: Record<string, unknown> = {};
	for (const key of keys) {
		const v = (value as Record<string, unknown> | undefined)?.[key];
		if (v !== undefined) out[key] = v;
	}
	return out;
}

// ---------------------------------------------------------------------------------------------

function parseArgs(argv: string[]) {
	const only = (argv.find((a) => a.startsWith('--only='))?.slice('--only='.length) ?? process.env.EVOVOICE_E2E_HOSTS ?? '')
		.split(',')
		.map((v) => v.trim())
		.filter(Boolean);
	return { only, keep: argv.includes('--keep'), build: !argv.includes('--no-build') };
}

async function main(): Promise<number> {
	if (process.env.EVOVOICE_E2E_SKIP === '1') {
		say('[e2e] EVOVOICE_E2E_SKIP=1: end-to-end suite skipped');
		return 0;
	}
	const args = parseArgs(process.argv.slice(2));
	const started = Date.now();
	const reports: HostReport[] = [];
	let setupError: string | undefined;
	let hosts: N8nHost[] = [];
	let tarball: string | undefined;
	try {
		hosts = await ensureHosts(args.only);
		tarball = packPackage({ build: args.build });
	} catch (error) {
		setupError = error instanceof Error ? error.message : String(error);
		say(`[e2e] set-up failed: ${setupError}`);
	}
	if (tarball) {
		for (const host of hosts) reports.push(await runHost(host, tarball, args.keep));
		fs.rmSync(path.dirname(tarball), { recursive: true, force: true });
	}
	killAll();

	say('\n[e2e] ===== summary =====');
	for (const r of reports) {
		say(
			`n8n ${r.version}: ${r.workflows} workflows run, ${r.items} items run, ${r.passed} assertions passed, ${r.failed} failed (${r.seconds.toFixed(0)}s)`,
		);
		for (const failure of r.failures) say(`    ✗ ${failure}`);
	}
	if (setupError) say(`set-up failed: ${setupError.split('\n')[0]}`);
	const passed = reports.reduce((n, r) => n + r.passed, 0);
	const failed = reports.reduce((n, r) => n + r.failed, 0) + (setupError ? 1 : 0);
	say(`[e2e] total ${((Date.now() - started) / 1000).toFixed(0)}s`);
	say(`${passed} passed, ${failed} failed`);
	return failed === 0 && passed > 0 ? 0 : 1;
}

if (require.main === module) {
	main().then(
		(code) => process.exit(code),
		(error) => {
			say(`[e2e] ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
			killAll();
			say('0 passed, 1 failed');
			process.exit(1);
		},
	);
}
