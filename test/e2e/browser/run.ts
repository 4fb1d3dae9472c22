/**
 * Browser suite: the node as a person meets it, in real n8n's editor in a real Chromium.
 *
 * For each n8n 2.x host: a fresh n8n with the packed package, the sandbox behind it, then in the
 * browser: sign in, find the node in the node creator, build an Update in the NDV with the pickers,
 * execute it and read the output, type bad input and read the error, test the credential, open
 * every example and run the webhook example as `npm start` prints it. Each step also checks what
 * the sandbox holds or received. A screenshot is written after every step (and on failure) to
 * .e2e/screenshots/n8n-<version>/.
 *
 * Usage: tsx test/e2e/browser/run.ts [--only=2.40.7[,2.41.1]] [--keep] [--no-build] [--pause]
 *   --pause              after the steps, keep n8n and the browser's sandbox up until Ctrl-C
 *   EVOVOICE_BROWSER_HOSTS=2.40.7   same as --only (default: 2.40.7 and 2.41.1)
 *   EVOVOICE_CHROMIUM=/usr/bin/chromium   another Chromium than @sparticuz/chromium's
 *   EVOVOICE_E2E_SKIP=1  print a skip line and exit 0
 */
import * as fs from 'fs';
import * as path from 'path';

import { ensureHosts } from '../../../scripts/n8n/hosts';
import { OWNER, packPackage } from '../../../scripts/n8n/project';
import { killAll } from '../../../scripts/n8n';
import { Checks, say } from './checks';
import { scenarios } from './scenarios';
import { screenshotDir, startSession } from './session';
import { runMain } from '../../../scripts/lib/main';

const ROOT = path.resolve(__dirname, '..', '..', '..');
const DEFAULT_HOSTS = ['2.40.7', '2.41.1'];

function parseArgs(argv: string[]) {
	const only = (argv.find((a) => a.startsWith('--only='))?.slice('--only='.length) ?? process.env.EVOVOICE_BROWSER_HOSTS ?? '')
		.split(',')
		.map((v) => v.trim())
		.filter(Boolean);
	return {
		only: only.length ? only : DEFAULT_HOSTS,
		keep: argv.includes('--keep'),
		build: !argv.includes('--no-build'),
		pause: argv.includes('--pause'),
	};
}

async function main(): Promise<number> {
	if (process.env.EVOVOICE_E2E_SKIP === '1') {
		say('[browser] EVOVOICE_E2E_SKIP=1: browser suite skipped');
		return 0;
	}
	const started = Date.now();
	const args = parseArgs(process.argv.slice(2));
	const hosts = await ensureHosts(args.only);
	const tarball = packPackage({ build: args.build });
	const results: Checks[] = [];
	for (const host of hosts) {
		if (Number(host.version.split('.')[0]) < 2) {
			say(`[browser] n8n ${host.version}: the browser suite runs on n8n 2.x only`);
			continue;
		}
		const hostStarted = Date.now();
		say(`\n[browser] ===== n8n ${host.version} =====`);
		const shots = screenshotDir(ROOT, host.version);
		const checks = new Checks(host.version, shots);
		results.push(checks);
		let session;
		try {
			session = await startSession(host, tarball);
			say(`[browser] n8n on ${session.server.baseUrl}, sandbox on ${session.sandbox.url}`);
			checks.page = session.page;
			const world = { page: session.page, baseUrl: session.server.baseUrl, sandboxUrl: session.sandbox.url, rest: session.rest };
			for (const scenario of scenarios) {
				await checks.step(scenario.name, async () => await scenario.run(world, checks));
			}
			if (args.pause) {
				say(`[browser] --pause: n8n at ${session.server.baseUrl} (owner ${OWNER.email}); Ctrl-C to stop`);
				await new Promise(() => undefined);
			}
		} catch (error) {
			checks.ok('set-up', false, () => (error instanceof Error ? error.message : String(error)));
		} finally {
			await session?.close(args.keep || checks.failed > 0);
			if (session && (args.keep || checks.failed > 0)) say(`[browser] kept ${session.instance.userFolder}`);
		}
		checks.seconds = (Date.now() - hostStarted) / 1000;
	}
	fs.rmSync(path.dirname(tarball), { recursive: true, force: true });
	killAll();

	say('\n[browser] ===== summary =====');
	for (const c of results) {
		say(`n8n ${c.host}: ${c.passed} passed, ${c.failed} failed (${c.seconds.toFixed(0)}s); screenshots in ${path.relative(ROOT, c.shots)}/`);
		for (const failure of c.failures) say(`    ✗ ${failure}`);
	}
	const passed = results.reduce((n, c) => n + c.passed, 0);
	const failed = results.reduce((n, c) => n + c.failed, 0);
	say(`[browser] total ${((Date.now() - started) / 1000).toFixed(0)}s`);
	say(`${passed} passed, ${failed} failed`);
	return failed === 0 && passed > 0 ? 0 : 1;
}

runMain(module, main, { label: '[browser]', suite: true });
