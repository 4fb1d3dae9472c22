/**
 * The one way a script of this repository ends: its exit code from `main`, or, when `main` throws,
 * the error under the script's label, the processes it started killed (every n8n, sandbox and
 * server it spawned runs in its own process group) and, for a test suite, the "N passed, N failed"
 * line the runner and CI read.
 */
import { killAll } from '../n8n/processes';

export interface MainOptions {
	/** Printed before the error, e.g. "[e2e]". */
	label: string;
	/** A test suite: a crash is reported as one failed check. */
	suite?: boolean;
}

function describe(error: unknown): string {
	return error instanceof Error ? (error.stack ?? error.message) : String(error);
}

/** Runs `main` when the file is the entry point (`module` is the caller's). */
export function runMain(module: NodeModule, main: () => Promise<number | void>, options: MainOptions): void {
	if (require.main !== module) return;
	main().then(
		(code) => process.exit(code ?? 0),
		(error: unknown) => {
			process.stdout.write(`${options.label} ${describe(error)}\n`);
			killAll();
			if (options.suite) process.stdout.write('0 passed, 1 failed\n');
			process.exit(1);
		},
	);
}
