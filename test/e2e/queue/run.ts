/**
 * Queue-mode suite: the packed package in n8n's queue mode — PostgreSQL, Redis, one main process
 * and two workers, all started here on loopback and stopped at the end — under a CRM burst,
 * concurrent deltas (issue #20: none may be lost), events for one customer in order and at once,
 * Create or Update under retries (once the node has it), and a worker killed mid-burst.
 *
 * Usage: tsx test/e2e/queue/run.ts [--no-build] [--keep]
 *   EVOVOICE_QUEUE_HOST=2.40.7   the n8n release to run (one of scripts/n8n/hosts.ts)
 *   EVOVOICE_QUEUE_SKIP=1        print a skip line and exit 0
 * Ends with "N passed, N failed" and its own duration.
 */
import * as fs from 'fs';
import * as path from 'path';

import { defaultSeed, startSandbox, type Sandbox } from '../../../sandbox';
import { ensureHosts } from '../../../scripts/n8n/hosts';
import { cli, killAll, N8nRest, type N8nInstance } from '../../../scripts/n8n';
import { OWNER, packPackage, sandboxCredentials } from '../../../scripts/n8n/project';
import { burst } from './burst';
import { Checks, say } from './checks';
import { startCluster, type QueueCluster } from './cluster';
import { ALL_WORKFLOW_IDS, type Phase } from './context';
import { queueConcurrencyBurst, queueUpsertDuplicates } from './concurrency';
import { crash } from './crash';
import { race } from './race';
import { startPostgres, startRedis, type PostgresServer, type RedisServer } from './servers';
import { queueSeed, queueWorkflows } from './workflows';
import { runMain } from '../../../scripts/lib/main';

const WORKERS = 2;
const CONCURRENCY = 5;

async function importAll(main: N8nInstance, sandboxUrl: string): Promise<void> {
	const creds = path.join(main.userFolder, 'import-credentials.json');
	fs.writeFileSync(creds, JSON.stringify(sandboxCredentials(sandboxUrl)));
	try {
		const result = await cli(main, ['import:credentials', `--input=${creds}`]);
		if (result.code !== 0 || !/Successfully imported/i.test(result.stdout + result.stderr)) {
			throw new Error(`n8n import:credentials failed; see ${result.logFile}\n${(result.stdout + result.stderr).slice(-2000)}`);
		}
	} finally {
		fs.rmSync(creds, { force: true });
	}
	const dir = path.join(main.userFolder, 'import-workflows');
	fs.mkdirSync(dir, { recursive: true });
	queueWorkflows().forEach((workflow, index) => fs.writeFileSync(path.join(dir, `${index}.json`), JSON.stringify(workflow)));
	const result = await cli(main, ['import:workflow', '--separate', `--input=${dir}`]);
	if (result.code !== 0 || !/Successfully imported/i.test(result.stdout + result.stderr)) {
		throw new Error(`n8n import:workflow failed; see ${result.logFile}\n${(result.stdout + result.stderr).slice(-2000)}`);
	}
}

async function main(): Promise<number> {
	if (process.env.EVOVOICE_QUEUE_SKIP === '1') {
		say('[queue] EVOVOICE_QUEUE_SKIP=1: queue-mode suite skipped');
		return 0;
	}
	const argv = process.argv.slice(2);
	const started = Date.now();
	const checks = new Checks('queue');
	const measured: Record<string, string | number> = {};
	let sb: Sandbox | undefined;
	let postgres: PostgresServer | undefined;
	let redis: RedisServer | undefined;
	let cluster: QueueCluster | undefined;
	let tarball: string | undefined;
	try {
		const [host] = await ensureHosts([process.env.EVOVOICE_QUEUE_HOST || '2.40.7']);
		tarball = packPackage({ build: !argv.includes('--no-build') });
		sb = await startSandbox({ seed: queueSeed(defaultSeed()), logLimit: 200_000 });
		[postgres, redis] = await Promise.all([startPostgres(), startRedis()]);
		const sandboxUrl = sb.url;
		cluster = await startCluster({
			host,
			tarball,
			postgres,
			redis,
			workers: WORKERS,
			concurrency: CONCURRENCY,
			prepare: (mainInstance) => importAll(mainInstance, sandboxUrl),
		});
		const rest = new N8nRest(cluster.main.baseUrl);
		await rest.setupOwner(OWNER);
		await rest.login(OWNER);
		for (const id of ALL_WORKFLOW_IDS) await rest.activateWorkflow(id);
		say(`[queue] n8n ${host.version}: main + ${WORKERS} workers (concurrency ${CONCURRENCY}) ready after ${((Date.now() - started) / 1000).toFixed(0)}s`);
		const phase: Phase = { host, tarball, sb, cluster, rest, checks, measured };
		await checks.step('CRM burst across both workers', () => burst(phase));
		await checks.step('concurrent CRM deltas (300 events for 20 customers, 20 at once): nothing a successful execution did is lost', () => queueConcurrencyBurst(phase));
		await checks.step('deltas in order and concurrent absolute events for one customer', () => race(phase));
		await checks.step('Create or Update under CRM retries: duplicates only when reported', () => queueUpsertDuplicates(phase));
		await checks.step('a worker SIGKILLed mid-burst', () => crash(phase));
	} catch (error) {
		checks.ok('queue-mode set-up', false, () => (error instanceof Error ? (error.stack ?? error.message) : String(error)));
	} finally {
		// Each process's user folder holds its logs: kept with --keep or after a failure, as the e2e suite does.
		const keep = argv.includes('--keep') || checks.failed > 0;
		if (keep && cluster) say(`[queue] kept the user folders (logs in logs/ of each): ${[cluster.main.instance, ...cluster.workers.map((w) => w.instance)].map((i) => i.userFolder).join(' ')}`);
		await cluster?.stop({ removeFolders: !keep }).catch(() => undefined);
		await redis?.stop().catch(() => undefined);
		await postgres?.stop().catch(() => undefined);
		await sb?.close().catch(() => undefined);
		if (tarball) fs.rmSync(path.dirname(tarball), { recursive: true, force: true });
		killAll();
	}
	say('\n[queue] ===== summary =====');
	for (const [key, value] of Object.entries(measured)) say(`  ${key}: ${value}`);
	for (const failure of checks.failures) say(`  ✗ ${failure.split('\n')[0]}`);
	say(`[queue] total ${((Date.now() - started) / 1000).toFixed(0)}s`);
	say(`${checks.passed} passed, ${checks.failed} failed`);
	return checks.failed === 0 && checks.passed > 0 ? 0 : 1;
}

runMain(module, main, { label: '[queue]', suite: true });
