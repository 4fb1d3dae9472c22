/**
 * What the project hands a real n8n: the packed package, the example workflows, the sandbox
 * credentials and the owner login. The end-to-end suites, `npm start`, the release checks and the
 * benchmarks all take them from here.
 */
import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';

import { SANDBOX_CREDENTIALS } from '../../sandbox';
import type { CredentialImport } from './cli';
import { say } from './log';
import { KEEP_NPM_CONFIG } from './hosts';

export const ROOT = path.resolve(__dirname, '..', '..');
export const EXAMPLES_DIR = path.join(ROOT, 'examples');

export const CREDENTIAL_ID = 'evovoice-sandbox';
export const CREDENTIAL_NAME = 'Evo Voice (sandbox)';
export const BASIC_CREDENTIAL_ID = 'evovoice-sandbox-basic';

/** Example files and the workflow IDs they are imported under. */
export const EXAMPLES = [
	{ file: 'crm-webhook-to-evo-voice.json', id: 'evovoiceExCrmHook' },
	{ file: 'monthly-billing-update.json', id: 'evovoiceExMonthly' },
	{ file: 'account-billing.json', id: 'evovoiceExAccount' },
	{ file: 'log-ended-calls-to-crm.json', id: 'evovoiceExCallLog' },
	{ file: 'monthly-usage-per-customer.json', id: 'evovoiceExUsage' },
] as const;

export const WEBHOOK_PATH = 'evovoice-crm-contact';


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

export interface WorkflowFile {
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
