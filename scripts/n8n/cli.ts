/** The n8n CLI against an instance: imports and `n8n execute`, each run's output kept in the instance's logDir. */
import { spawn } from 'child_process';
import * as fs from 'fs';
import * as path from 'path';

import type { N8nInstance } from './instance';
import { killGroup, tail, track } from './processes';
import { extractJsonObjects, isRun, type IRunLike } from './run-data';

export interface CliResult {
	code: number | null;
	signal: NodeJS.Signals | null;
	stdout: string;
	stderr: string;
	ms: number;
	logFile: string;
}

let cliCounter = 0;

/** Runs `n8n <args>` against the instance and collects its output (also written to logDir). */
export async function cli(
	instance: N8nInstance,
	args: string[],
	options: { timeoutMs?: number; /** default: the user folder */ cwd?: string } = {},
): Promise<CliResult> {
	const started = Date.now();
	const logFile = path.join(
		instance.logDir,
		`${String(++cliCounter).padStart(2, '0')}-${args[0].replace(/[^a-z0-9]+/gi, '_')}.log`,
	);
	const child = track(
		spawn(instance.host.nodeBin, [instance.host.n8nBin, ...args], {
			cwd: options.cwd ?? instance.userFolder,
			env: instance.env,
			detached: true,
			stdio: ['ignore', 'pipe', 'pipe'],
		}),
	);
	let stdout = '';
	let stderr = '';
	child.stdout?.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk));
	child.stderr?.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
	const timeoutMs = options.timeoutMs ?? 5 * 60_000;
	let timedOut = false;
	const timer = setTimeout(() => {
		timedOut = true;
		killGroup(child, 'SIGKILL');
	}, timeoutMs);
	const [code, signal] = await new Promise<[number | null, NodeJS.Signals | null]>((resolve) => {
		child.once('error', (error) => {
			stderr += `\n${error.message}`;
			resolve([null, null]);
		});
		child.once('close', (c, s) => resolve([c, s]));
	});
	clearTimeout(timer);
	// The task runner and other children of n8n must not outlive the command.
	killGroup(child, 'SIGKILL');
	if (timedOut) stderr += `\n[e2e] n8n ${args[0]} timed out after ${timeoutMs / 1000}s and was killed`;
	fs.writeFileSync(
		logFile,
		`$ n8n ${args.join(' ')}\n[exit ${code ?? signal}] in ${Date.now() - started} ms\n--- stdout\n${stdout}\n--- stderr\n${stderr}\n`,
	);
	return { code, signal, stdout, stderr, ms: Date.now() - started, logFile };
}

function cliFailure(what: string, result: CliResult): Error {
	return new Error(
		`${what} failed (exit ${result.code ?? result.signal}); full output in ${result.logFile}\n${tail(
			`${result.stdout}\n${result.stderr}`,
		)}`,
	);
}

export interface CredentialImport {
	id: string;
	name: string;
	type: string;
	/** Plain (decrypted) data: n8n encrypts it on import. */
	data: Record<string, unknown>;
}

export async function importCredentials(instance: N8nInstance, credentials: CredentialImport[]): Promise<void> {
	const file = path.join(instance.userFolder, 'import-credentials.json');
	fs.writeFileSync(file, JSON.stringify(credentials, null, 2));
	try {
		const result = await cli(instance, ['import:credentials', `--input=${file}`]);
		const output = `${result.stdout}\n${result.stderr}`;
		if (result.code !== 0 || !/Successfully imported/i.test(output) || /error occurred/i.test(output)) {
			throw cliFailure('n8n import:credentials', result);
		}
	} finally {
		fs.rmSync(file, { force: true }); // it holds the secrets in plain text
	}
}

/** Imports workflows (objects in the editor's export shape, each with an `id`). */
export async function importWorkflows(instance: N8nInstance, workflows: object[]): Promise<void> {
	const dir = path.join(instance.userFolder, 'import-workflows');
	fs.rmSync(dir, { recursive: true, force: true });
	fs.mkdirSync(dir, { recursive: true });
	workflows.forEach((workflow, index) => {
		fs.writeFileSync(path.join(dir, `${String(index).padStart(3, '0')}.json`), JSON.stringify(workflow, null, 2));
	});
	const result = await cli(instance, ['import:workflow', '--separate', `--input=${dir}`]);
	const output = `${result.stdout}\n${result.stderr}`;
	if (result.code !== 0 || !/Successfully imported/i.test(output) || /error occurred/i.test(output)) {
		throw cliFailure('n8n import:workflow', result);
	}
}

export interface ExecuteResult {
	ok: boolean;
	run?: IRunLike;
	cli: CliResult;
	/** Error message when !ok. */
	error?: string;
	/** Set when n8n crashed while exiting after it printed a complete, successful run. */
	exitNote?: string;
}

/** `n8n execute --id=<id> --rawOutput`, with the run parsed from its output. */
export async function executeWorkflow(
	instance: N8nInstance,
	workflowId: string,
	options: { timeoutMs?: number } = {},
): Promise<ExecuteResult> {
	const result = await cli(instance, ['execute', `--id=${workflowId}`, '--rawOutput'], options);
	const run = extractJsonObjects(result.stdout).filter(isRun).pop();
	if (!run) {
		return {
			ok: false,
			cli: result,
			error: `no run data in the output of n8n execute (exit ${result.code ?? result.signal}); see ${result.logFile}\n${tail(
				`${result.stdout}\n${result.stderr}`,
				40,
			)}`,
		};
	}
	const runError = run.data.resultData.error;
	const nodeErrors = Object.entries(run.data.resultData.runData)
		.flatMap(([node, tasks]) => tasks.filter((t) => t.error).map((t) => `${node}: ${t.error?.message ?? 'error'}`));
	// n8n 2.40.7 now and then dies of SIGSEGV while exiting, after it printed the whole run with
	// `finished: true` and no error: the run is judged by that output, and the crash is noted.
	const crashedAfterSuccess = result.signal === 'SIGSEGV' && run.finished === true && !runError && nodeErrors.length === 0;
	if (crashedAfterSuccess) {
		const exitNote = `n8n execute --id=${workflowId} exited with SIGSEGV after printing a complete, successful run (see ${result.logFile})`;
		process.stdout.write(`    note: ${exitNote}\n`);
		return { ok: true, run, cli: result, exitNote };
	}
	if (runError || nodeErrors.length || result.code !== 0) {
		return {
			ok: false,
			run,
			cli: result,
			error: [
				runError ? `${runError.message ?? 'error'}${runError.description ? ` (${runError.description})` : ''}` : '',
				...nodeErrors,
				result.code !== 0 ? `n8n execute exited ${result.code ?? result.signal}; see ${result.logFile}` : '',
			]
				.filter(Boolean)
				.join('; '),
		};
	}
	return { ok: true, run, cli: result };
}

