/** What every bench scenario works with: the n8n host, the sandbox, the package variants, the findings. */
import * as os from 'os';
import * as path from 'path';

import type { Sandbox } from '../sandbox';
import type { N8nHost } from '../scripts/n8n/hosts';
import { createInstance, importCredentials, importWorkflows, installPackage, type N8nInstance } from '../scripts/n8n';
import type { ExecRun } from './execute';
import { say } from './settings';
import type { Variant } from './variants';
import { benchCredentials } from './workflows';

export const PATCH = 'PATCH /customers/:id';

export interface BenchContext {
	host: N8nHost;
	sandbox: Sandbox;
	variants: Variant[];
	/** The first variant's instance: where the HTTP Request node and the raw client run. */
	first: N8nInstance;
	/** Requests in flight at zero latency (SETTINGS.concurrency). */
	c: number;
	/** Written to bench/results/latest.json. */
	results: Record<string, unknown>;
	failures: string[];
	/** Records a failure unless the run succeeded with n items out and n × perItem requests of route. */
	check(what: string, run: ExecRun, nodeName: string | undefined, n: number, route?: string, perItem?: number): void;
}

export function makeCheck(failures: string[]): BenchContext['check'] {
	return (what, run, nodeName, n, route, perItem = 1) => {
		const before = failures.length;
		if (!run.ok) failures.push(`${what}: ${run.error}`);
		else if (nodeName && run.nodes[nodeName]?.items !== n) failures.push(`${what}: ${run.nodes[nodeName]?.items} items out, expected ${n}`);
		else if (route && (run.requests[route] ?? 0) !== n * perItem) {
			failures.push(`${what}: sandbox saw ${run.requests[route] ?? 0} ${route}, expected ${n * perItem}`);
		}
		if (failures.length > before) say(`[bench]   ✗ ${failures[failures.length - 1]}`);
	};
}

export async function prepareInstance(host: N8nHost, sandbox: Sandbox, tarball: string | undefined, workflows: object[]) {
	const instance = await createInstance(host);
	let packageDir: string | undefined;
	if (tarball) {
		const pkg = installPackage(instance, tarball);
		packageDir = path.join(instance.userFolder, '.n8n', 'nodes', 'node_modules', pkg.name);
	}
	await importCredentials(instance, benchCredentials(sandbox.url));
	if (workflows.length) await importWorkflows(instance, workflows);
	return { instance, packageDir };
}

export function machineInfo() {
	const cpuModel = os.cpus()[0]?.model ?? 'unknown';
	return {
		nproc: os.cpus().length,
		cpuModel,
		memoryGiB: Math.round((os.totalmem() / 2 ** 30) * 10) / 10,
		kernel: os.release(),
		loadavgAtStart: os.loadavg().map((v) => Math.round(v * 100) / 100),
	};
}
