/** `n8n execute` of one workflow under measurement, and the raw Node.js client as the floor (c). */
import * as fs from 'fs';
import * as path from 'path';

import { SANDBOX_CREDENTIALS, type Sandbox } from '../sandbox';
import type { N8nHost } from '../scripts/n8n/hosts';
import { addCleanup, extractJsonObjects, isRun, type N8nInstance } from '../scripts/n8n';
import { measure, type Measurement } from './measure';
import { SETTINGS } from './settings';

export interface NodeRun {
	/** n8n's own wall time for the node (runData executionTime), ms. */
	ms: number;
	items: number;
	error?: string;
}

export interface ExecRun {
	m: Measurement;
	nodes: Record<string, NodeRun>;
	ok: boolean;
	error?: string;
	/** Sandbox: requests by route and the most in flight at once during the run. */
	requests: Record<string, number>;
	maxInFlight: number;
}

export const activePids = new Set<number>();
addCleanup(async () => {
	for (const pid of activePids) {
		try {
			process.kill(-pid, 'SIGKILL');
		} catch {
			// gone
		}
	}
});

let runCounter = 0;

/** The next number for a run's log files. */
export function nextRun(): number {
	return ++runCounter;
}

type Faults = Parameters<Sandbox['setFaults']>[0];
let currentFaults: Faults = [];

/** Faults (latency above all) the sandbox applies to every measured run until changed. */
export function setFaults(faults: Faults): void {
	currentFaults = faults;
}

export function getFaults(): Faults {
	return currentFaults;
}

/** Runs that n8n ended with SIGSEGV after printing a good run (counted, noted in the report). */
export const exitNotes: string[] = [];

export async function executeMeasured(
	instance: N8nInstance,
	id: string,
	sandbox: Sandbox,
	extraArgs: string[] = [],
	nodeOptions: string[] = [],
	extraEnv: NodeJS.ProcessEnv = {},
): Promise<ExecRun> {
	const stem = path.join(instance.logDir, `bench-${String(nextRun()).padStart(3, '0')}-${id}`);
	const stdoutFile = `${stem}.out`;
	const stderrFile = `${stem}.err`;
	sandbox.reset(); // fresh counters (and maxInFlight) for this run; keeps the faults set after it
	const faults = currentFaults;
	if (faults.length) sandbox.setFaults(faults);
	const m = await measure(
		instance.host.nodeBin,
		[...nodeOptions, instance.host.n8nBin, 'execute', `--id=${id}`, '--rawOutput', ...extraArgs],
		{ cwd: instance.userFolder, env: { ...instance.env, ...extraEnv }, stdoutFile, stderrFile, timeoutMs: 20 * 60_000 },
	);
	const counters = sandbox.counters();
	const text = fs.readFileSync(stdoutFile, 'utf8');
	const run = extractJsonObjects(text).filter(isRun).pop();
	const nodes: Record<string, NodeRun> = {};
	let error: string | undefined;
	if (!run) {
		const err = fs.readFileSync(stderrFile, 'utf8');
		error = `no run data (exit ${m.code ?? m.signal}${m.timedOut ? ', timed out' : ''}): ${`${text}\n${err}`.slice(-1500)}`;
	} else {
		for (const [name, tasks] of Object.entries(run.data.resultData.runData)) {
			const task = tasks[0] as (typeof tasks)[number] & { executionTime?: number };
			nodes[name] = {
				ms: tasks.reduce((sum, t) => sum + Number((t as { executionTime?: number }).executionTime ?? 0), 0),
				items: tasks.reduce((sum, t) => sum + (t.data?.main?.[0]?.length ?? 0), 0),
				error: task?.error?.message,
			};
		}
		const nodeErrors = Object.entries(nodes).filter(([, n]) => n.error);
		if (run.data.resultData.error || nodeErrors.length) {
			error = [run.data.resultData.error?.message, ...nodeErrors.map(([name, n]) => `${name}: ${n.error}`)]
				.filter(Boolean)
				.join('; ');
		}
	}
	if (!SETTINGS.keep) {
		fs.rmSync(stdoutFile, { force: true });
	}
	// n8n 2.40.7 now and then dies of SIGSEGV while exiting, after it printed the whole, successful
	// run (stderr empty): such a run counts, and is noted.
	const crashedAfterSuccess = !!run && !error && m.signal === 'signal 11';
	if (crashedAfterSuccess) exitNotes.push(`${id}: exited with SIGSEGV after printing a successful run`);
	return {
		m,
		nodes,
		ok: !error && (m.code === 0 || crashedAfterSuccess),
		error: error ?? (m.code !== 0 && !crashedAfterSuccess ? `n8n execute exited ${m.code ?? m.signal}; see ${stderrFile}` : undefined),
		requests: counters.byRoute,
		maxInFlight: counters.maxInFlight,
	};
}

export interface RawRun {
	wallMs: number;
	cpuMs: number;
	ok: number;
	failed: number;
	maxInFlight: number;
	processCpuMs: number;
	maxRssMiB: number;
}

export async function runRaw(
	host: N8nHost,
	sandbox: Sandbox,
	n: number,
	concurrency: number,
	logDir: string,
	faults: Parameters<Sandbox['setFaults']>[0] = [],
	/** 'close': a new connection per request, as n8n's helpers open them. */
	connections: 'keepAlive' | 'close' = 'keepAlive',
): Promise<RawRun> {
	sandbox.reset();
	if (faults.length) sandbox.setFaults(faults);
	const stem = path.join(logDir, `raw-${n}-${nextRun()}`);
	const m = await measure(
		host.nodeBin,
		['--no-warnings', path.join(__dirname, 'raw-client.ts'), sandbox.url, SANDBOX_CREDENTIALS.adminToken, String(n), String(concurrency), ...(connections === 'close' ? ['close'] : [])],
		{ stdoutFile: `${stem}.out`, stderrFile: `${stem}.err`, timeoutMs: 10 * 60_000 },
	);
	const out = fs.readFileSync(`${stem}.out`, 'utf8');
	const line = /^RESULT (.*)$/m.exec(out)?.[1];
	if (!line) throw new Error(`raw client failed: ${out}\n${fs.readFileSync(`${stem}.err`, 'utf8')}`);
	const result = JSON.parse(line) as { wallMs: number; cpuMs: number; ok: number; failed: number };
	return {
		...result,
		maxInFlight: sandbox.counters().maxInFlight,
		processCpuMs: m.cpuMs,
		maxRssMiB: m.maxRssKiB / 1024,
	};
}
