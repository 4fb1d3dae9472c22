// `npm run probe -- --base-url <url> [--write --account <id> [--confirm-production]] [--fetch-token] [--out dir]`
// The login comes from the environment only (never from arguments, which shells keep in history):
//   EVOVOICE_TOKEN, and/or EVOVOICE_EMAIL with EVOVOICE_PASSWORD.
// Writes <out>/probe-report.md and <out>/observed.json (default out: probe-output).
// Exit: 0 done, 1 refused or failed, 2 a test customer could not be deleted, 130 interrupted.
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { renderOutputs } from './report';
import { runProbe, type ProbeOptions } from './run';

const HELP = `Usage: npm run probe -- --base-url https://team.evovoice.io [options]

Login (environment only): EVOVOICE_TOKEN, and/or EVOVOICE_EMAIL + EVOVOICE_PASSWORD

  --base-url URL          the Evo Voice API (staging: https://team.evovoice.io)
  --write                 also run the write tests on a throwaway customer (deleted afterwards)
  --account ID            the account that customer is created in (needed by --write)
  --confirm-production    allow --write on https://evovoice.io
  --fetch-token           with email and password: get a token from GET /auth/token and try it too
                          (the server may issue a new token for your user)
  --out DIR               where the report and observed.json go (default probe-output)
  --timeout SECONDS       per request (default 30)`;

const FLAGS = new Set(['write', 'confirm-production', 'fetch-token', 'help']);
const VALUES = new Set(['base-url', 'account', 'out', 'timeout']);

export function parseArgs(argv: string[]): Record<string, string | true> {
	const out: Record<string, string | true> = {};
	for (let i = 0; i < argv.length; i++) {
		const m = /^--([a-z-]+)(?:=(.*))?$/.exec(argv[i]);
		if (!m || !(FLAGS.has(m[1]) || VALUES.has(m[1]))) throw new Error(`Unknown argument '${argv[i]}' (see --help)`);
		if (FLAGS.has(m[1])) out[m[1]] = true;
		else {
			const value = m[2] ?? argv[++i];
			if (value === undefined || value.startsWith('--')) throw new Error(`--${m[1]} needs a value`);
			out[m[1]] = value;
		}
	}
	return out;
}

function version(): string {
	try {
		return (JSON.parse(readFileSync(path.resolve(__dirname, '../../package.json'), 'utf8')) as { version: string }).version;
	} catch {
		return 'unknown';
	}
}

async function main(): Promise<number> {
	const args = parseArgs(process.argv.slice(2));
	if (args.help) {
		console.log(HELP);
		return 0;
	}
	if (typeof args['base-url'] !== 'string') throw new Error('--base-url is required (e.g. --base-url https://team.evovoice.io)');
	if (args.account && !args.write) throw new Error('--account is only used with --write');
	const timeout = args.timeout === undefined ? 30 : Number(args.timeout);
	if (!(timeout > 0)) throw new Error(`--timeout '${String(args.timeout)}' must be a number of seconds above 0`);
	const env = process.env;
	const controller = new AbortController();
	const options: ProbeOptions = {
		baseUrl: args['base-url'],
		login: { token: env.EVOVOICE_TOKEN?.trim() || undefined, email: env.EVOVOICE_EMAIL?.trim() || undefined, password: env.EVOVOICE_PASSWORD || undefined },
		writeAccountId: args.write ? (typeof args.account === 'string' ? args.account : '') : undefined,
		confirmProduction: args['confirm-production'] === true,
		fetchToken: args['fetch-token'] === true,
		signal: controller.signal,
		timeoutMs: timeout * 1000,
	};
	let signals = 0;
	const onSignal = (signal: string) => {
		signals++;
		if (signals === 1) {
			console.error(`\n${signal}: stopping; deleting the test customer first (press again to quit at once)`);
			controller.abort(new Error(`interrupted by ${signal}`));
		} else {
			console.error(`${signal} again: quitting without cleanup. Look for customers named "n8n probe … (safe to delete)" and delete them.`);
			process.exit(130);
		}
	};
	process.on('SIGINT', () => onSignal('SIGINT'));
	process.on('SIGTERM', () => onSignal('SIGTERM'));

	const run = await runProbe(options);
	const { report, observed } = renderOutputs(run, version());
	const dir = path.resolve(typeof args.out === 'string' ? args.out : 'probe-output');
	mkdirSync(dir, { recursive: true });
	writeFileSync(path.join(dir, 'probe-report.md'), report);
	writeFileSync(path.join(dir, 'observed.json'), observed);
	const count = (v: string) => run.findings.list.filter((f) => f.verdict === v).length;
	console.log(`Probed ${run.host} (${run.mode}) in ${(run.durationMs / 1000).toFixed(1)} s, ${run.exchanges.length} requests: ` +
		`${count('as guessed')} as guessed, ${count('differs')} differ, ${count('learned')} learned, ${count('unclear')} unclear, ${count('not tested')} not tested.`);
	for (const f of run.findings.list.filter((x) => x.verdict === 'differs')) console.log(`  differs: ${f.title}: ${f.observed}`);
	if (run.error) console.log(`Stopped early: ${run.error}`);
	console.log(`Report: ${path.join(dir, 'probe-report.md')}\nSandbox settings: ${path.join(dir, 'observed.json')} (npm run sandbox -- --semantics ${path.join(dir, 'observed.json')})`);
	if (run.write?.leftBehind.length) {
		console.error(`NOT DELETED: ${run.write.leftBehind.join(', ')}: delete these test customers in Evo Voice.`);
		return 2;
	}
	if (run.interrupted) return 130;
	return run.error ? 1 : 0;
}

main().then(
	(code) => process.exit(code),
	(err) => {
		console.error(`probe: ${(err as Error).message}`);
		process.exit(1);
	},
);
