/**
 * n8n in queue mode, as a self-hosted deployment runs it, without containers: one main process
 * (`n8n start`: editor, REST API, production webhooks, enqueues executions on Redis) and N workers
 * (`n8n worker`: take executions from Redis and run them), all on one PostgreSQL database and one
 * N8N_ENCRYPTION_KEY. The environment is the one deploy/queue-mode/docker-compose.yml gives its
 * containers; only ports, hosts and the shorter crash-recovery timings differ (every process here needs its own ports on loopback).
 *
 * Each process has its own user folder, and the packed package is installed into every one of them
 * the same way (`<N8N_USER_FOLDER>/.n8n/nodes/node_modules/n8n-nodes-evovoice`): a worker only knows
 * the node types in its own nodes folder, so an execution of a workflow using the node fails on a
 * worker that lacks it ("Unrecognized node type"). In a container deployment the same folder is
 * baked into the image or mounted into every container.
 */
import type { ChildProcess } from 'child_process';
import { randomBytes } from 'crypto';
import * as fs from 'fs';

import type { N8nHost } from '../../../scripts/n8n/hosts';
import { createInstance, freePort, installPackage, killGroup, startServer, type N8nInstance, type N8nServer } from '../../../scripts/n8n';
import { spawnN8n, waitUntilReady } from '../../../scripts/n8n/n8n-process';
import type { PostgresServer, RedisServer } from './servers';

export interface Worker {
	name: string;
	instance: N8nInstance;
	healthPort: number;
	process: ChildProcess;
	logFile: string;
	/** Everything the worker printed so far. */
	output(): string;
	/** SIGKILL to the whole process group (the worker and its task runner): no shutdown at all. */
	kill(): void;
	exited(): boolean;
	stop(): Promise<void>;
}

export interface QueueCluster {
	main: N8nServer;
	workers: Worker[];
	/** The environment every process shares (queue, database, encryption key). */
	sharedEnv: NodeJS.ProcessEnv;
	/** Stops every process; `removeFolders` also deletes their user folders (logs included). */
	stop(options?: { removeFolders?: boolean }): Promise<void>;
}

export interface ClusterOptions {
	host: N8nHost;
	tarball: string;
	postgres: PostgresServer;
	redis: RedisServer;
	workers: number;
	/** `n8n worker --concurrency`: executions one worker runs at once. */
	concurrency: number;
	/** Runs against the main instance after the package is installed and before `n8n start` (imports). */
	prepare?: (main: N8nInstance) => Promise<void>;
	/** Extra environment for every process. */
	env?: NodeJS.ProcessEnv;
}

function say(message: string): void {
	process.stdout.write(`[queue] ${message}\n`);
}

/** The queue-mode settings every process gets (see docker-compose.yml for the same list). */
export function queueEnv(postgres: PostgresServer, redis: RedisServer, encryptionKey: string): NodeJS.ProcessEnv {
	return {
		EXECUTIONS_MODE: 'queue',
		QUEUE_BULL_REDIS_HOST: redis.host,
		QUEUE_BULL_REDIS_PORT: String(redis.port),
		DB_TYPE: 'postgresdb',
		DB_POSTGRESDB_HOST: postgres.host,
		DB_POSTGRESDB_PORT: String(postgres.port),
		DB_POSTGRESDB_DATABASE: postgres.database,
		DB_POSTGRESDB_USER: postgres.user,
		DB_POSTGRESDB_PASSWORD: postgres.password,
		// n8n's default pool is 2 connections: a burst of webhooks then waits for one, times out after
		// 20 s, and main answers 503 "Database is not ready" (measured here at 40 requests at once).
		DB_POSTGRESDB_POOL_SIZE: '10',
		N8N_ENCRYPTION_KEY: encryptionKey,
		// Manual runs (the editor's "Execute workflow") go to the workers too, not only production ones.
		OFFLOAD_MANUAL_EXECUTIONS_TO_WORKERS: 'true',
		// Keep every execution's data: the suite (and an operator) reads outcomes from the database.
		EXECUTIONS_DATA_SAVE_ON_SUCCESS: 'all',
		EXECUTIONS_DATA_SAVE_ON_ERROR: 'all',
		EXECUTIONS_DATA_PRUNE: 'false',
		// A killed worker's job is picked up again once its lock lapses: short here, so the crash test is short.
		QUEUE_WORKER_LOCK_DURATION: '10000',
		QUEUE_WORKER_LOCK_RENEW_TIME: '2000',
		QUEUE_WORKER_STALLED_INTERVAL: '5000',
		// Main's check for executions whose worker died (minutes; compose file: 5, n8n's default: 180).
		// Not shorter: the check can also catch an execution between its insert and its enqueue and
		// mark it crashed before any worker runs it (seen here at a 6-second interval under a burst).
		N8N_EXECUTIONS_QUEUE_RECOVERY_INTERVAL: '1',
		// Workers log "Worker started execution <id>" at info: the suite reads which worker ran what.
		N8N_LOG_LEVEL: 'info',
	};
}

async function startWorker(instance: N8nInstance, name: string, healthPort: number, concurrency: number): Promise<Worker> {
	const proc = spawnN8n(instance, ['worker', `--concurrency=${concurrency}`], { logName: 'worker.log', keepChars: 4_000_000 });
	await waitUntilReady(proc, `n8n worker ${name}`, async () => {
		const ready = await fetch(`http://127.0.0.1:${healthPort}/healthz/readiness`, { signal: AbortSignal.timeout(2000) });
		return ready.ok;
	});
	return {
		name,
		instance,
		healthPort,
		process: proc.child,
		logFile: proc.logFile,
		output: proc.output,
		kill: () => killGroup(proc.child, 'SIGKILL'),
		exited: () => proc.exited() !== undefined,
		stop: proc.stop,
	};
}

export async function startCluster(options: ClusterOptions): Promise<QueueCluster> {
	const encryptionKey = randomBytes(24).toString('hex');
	const sharedEnv = { ...queueEnv(options.postgres, options.redis, encryptionKey), ...options.env };
	const started = Date.now();
	const main = await createInstance(options.host, { encryptionKey, env: sharedEnv });
	installPackage(main, options.tarball);
	await options.prepare?.(main);
	const server = await startServer(main);
	say(`main (n8n start) ready on ${main.baseUrl} in ${((Date.now() - started) / 1000).toFixed(1)}s`);
	const workers: Worker[] = [];
	try {
		// One after the other: two cold n8n starts at once on two cores take longer than in turn.
		for (let i = 1; i <= options.workers; i++) {
			const healthPort = await freePort();
			const instance = await createInstance(options.host, {
				encryptionKey,
				env: {
					...sharedEnv,
					QUEUE_HEALTH_CHECK_ACTIVE: 'true',
					QUEUE_HEALTH_CHECK_PORT: String(healthPort),
					N8N_WORKER_SERVER_ADDRESS: '127.0.0.1',
				},
			});
			installPackage(instance, options.tarball);
			const workerStarted = Date.now();
			workers.push(await startWorker(instance, `worker-${i}`, healthPort, options.concurrency));
			say(`worker-${i} (n8n worker --concurrency=${options.concurrency}) ready in ${((Date.now() - workerStarted) / 1000).toFixed(1)}s`);
		}
	} catch (error) {
		await Promise.all(workers.map((w) => w.stop()));
		await server.stop();
		throw error;
	}
	return {
		main: server,
		workers,
		sharedEnv,
		async stop({ removeFolders = false } = {}) {
			await Promise.all(workers.map((w) => w.stop()));
			await server.stop();
			if (removeFolders) for (const folder of [main.userFolder, ...workers.map((w) => w.instance.userFolder)]) fs.rmSync(folder, { recursive: true, force: true });
		},
	};
}

/** Starts one more worker on a running cluster (same shared environment and package). */
export async function addWorker(cluster: QueueCluster, options: Pick<ClusterOptions, 'host' | 'tarball' | 'concurrency'>): Promise<Worker> {
	const healthPort = await freePort();
	const instance = await createInstance(options.host, {
		encryptionKey: cluster.sharedEnv.N8N_ENCRYPTION_KEY,
		env: { ...cluster.sharedEnv, QUEUE_HEALTH_CHECK_ACTIVE: 'true', QUEUE_HEALTH_CHECK_PORT: String(healthPort), N8N_WORKER_SERVER_ADDRESS: '127.0.0.1' },
	});
	installPackage(instance, options.tarball);
	const worker = await startWorker(instance, `worker-${cluster.workers.length + 1}`, healthPort, options.concurrency);
	cluster.workers.push(worker);
	return worker;
}
