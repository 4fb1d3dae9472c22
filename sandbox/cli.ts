// `npm run sandbox` (tsx sandbox/cli.ts): run the sandbox as a standalone server for demos and e2e.
//   --port N (or PORT env; default 4080)   --host H (default 127.0.0.1)
//   --seed file.json     a SeedData to start from instead of the default seed
//   --state file.json    persist state there (loaded at start when present)
//   --faults file.json   FaultRule[] to start with (change later with PUT /__sandbox/faults)
//   --bulk N             add makeCustomers(N, 'acc-reseller') to the seed
//   --semantics file     behave as a probed service did: the probe's observed.json, or any part of
//                        SandboxSemantics (modes.ts); what the file leaves out keeps the guess
// `npm run sandbox -- events|clock|semantics ...` drives one that is already running (cli-control.ts).
import { readFileSync } from 'node:fs';
import { controlMain } from './cli-control';
import { defaultSeed, makeCustomers, SANDBOX_CREDENTIALS, startSandbox } from './index';
import { loadSemanticsFile, type SandboxSemantics } from './modes';
import type { FaultRule } from './faults';
import type { SeedData } from './types';

function args(argv: string[]): Record<string, string> {
	const out: Record<string, string> = {};
	for (let i = 0; i < argv.length; i++) {
		const m = /^--([a-z-]+)(?:=(.*))?$/.exec(argv[i]);
		if (!m) throw new Error(`Unexpected argument '${argv[i]}'`);
		out[m[1]] = m[2] ?? argv[++i] ?? '';
	}
	return out;
}

function describeSemantics(s: SandboxSemantics): [string, string] {
	const auth = Object.entries(s.auth).filter(([, on]) => on).map(([mode]) => mode).join('+');
	const nested = Object.entries(s.nested).map(([name, mode]) => `${name} ${mode}`).join(', ');
	const sort = Object.entries(s.sort).map(([list, mode]) => `${list} ${mode}`).join(', ');
	return [
		`auth ${auth || 'none'}; ${nested}; tagIds:[] ${s.emptyTagIds}; blank string ${s.blankString}; page cap ${s.maxCountPerPage ?? 'none'}`,
		`dates ${s.dateFormat}; days in ${s.dayZone}, endDate ${s.endDateInclusive ? 'inclusive' : 'exclusive'}, sessions by ${s.sessionDayField}; ` +
			`sort ${sort}; archive ${s.archiveAfterDays === null ? 'none' : `after ${s.archiveAfterDays} days`}`,
	];
}

const readJson = <T>(file: string): T => JSON.parse(readFileSync(file, 'utf8')) as T;

async function main(): Promise<void> {
	const opts = args(process.argv.slice(2));
	const port = Number(opts.port ?? process.env.PORT ?? 4080);
	if (!Number.isInteger(port) || port < 0 || port > 65535) throw new Error(`Invalid port '${opts.port ?? process.env.PORT}'`);
	const seed: SeedData = opts.seed ? readJson<SeedData>(opts.seed) : defaultSeed();
	if (opts.bulk) seed.customers.push(...makeCustomers(Number(opts.bulk), 'acc-reseller'));
	const sandbox = await startSandbox({
		port,
		host: opts.host,
		seed,
		stateFile: opts.state,
		faults: opts.faults ? readJson<FaultRule[]>(opts.faults) : undefined,
		semantics: opts.semantics ? loadSemanticsFile(opts.semantics) : undefined,
	});
	const c = SANDBOX_CREDENTIALS;
	const semantics = describeSemantics(sandbox.semantics);
	console.log(`Evo Voice sandbox listening on ${sandbox.url}  (loopback use only: /__sandbox/* needs no login)
  Bearer tokens: ${c.adminToken} (SystemAdministrator), ${c.managerToken} (Manager, acc-reseller),
                 ${c.customerToken} (Customer, cus-acme subtree)
  Basic logins:  ${c.admin.email} / ${c.admin.password} (admin)
                 ${c.manager.email} / ${c.manager.password} (manager)
  Control:       GET /__sandbox/log | /__sandbox/counters | /__sandbox/state, PUT /__sandbox/faults, POST /__sandbox/reset,
                 GET|PUT /__sandbox/clock, POST /__sandbox/events, GET|PUT /__sandbox/semantics
  Events:        npm run sandbox -- events --sessions 3 --notifications 1 (see npm run sandbox -- events --help)
  Semantics:     ${semantics[0]}${opts.semantics ? ` (from ${opts.semantics})` : ' (the guesses)'}
  Timeline:      ${semantics[1]}
  ${Object.keys(sandbox.state.customers).length} customers in ${Object.keys(sandbox.state.accounts).length} accounts, ${Object.keys(sandbox.state.sessions).length} sessions, ${Object.keys(sandbox.state.notifications).length} notifications${opts.state ? `; state file ${opts.state}` : ''}`);
	const stop = (signal: string) => {
		console.log(`\n${signal}: closing the sandbox`);
		sandbox.close().then(
			() => process.exit(0),
			(err) => {
				console.error(err);
				process.exit(1);
			},
		);
	};
	process.once('SIGINT', () => stop('SIGINT'));
	process.once('SIGTERM', () => stop('SIGTERM'));
}

const command = process.argv[2];
const run = command === 'events' || command === 'clock' || command === 'semantics' ? controlMain(process.argv.slice(2)) : main();
run.catch((err) => {
	console.error(`sandbox: ${(err as Error).message}`);
	process.exit(1);
});
