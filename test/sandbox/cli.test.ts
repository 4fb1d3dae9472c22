// The CLI as `npm run sandbox` runs it: real process, real signals.
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

const ROOT = path.resolve(__dirname, '../..');
const TSX = path.join(ROOT, 'node_modules/.bin/tsx');

it.each(['SIGTERM', 'SIGINT'] as const)('starts, prints URL, tokens and logins, serves, and exits 0 on %s', async (signal) => {
	const dir = mkdtempSync(path.join(tmpdir(), 'evo-sandbox-cli-'));
	const faults = path.join(dir, 'faults.json');
	writeFileSync(faults, JSON.stringify([{ route: 'GET /accounts', status: 503, count: 1 }]));
	const child = spawn(TSX, ['sandbox/cli.ts', '--port', '0', '--bulk', '5', '--faults', faults], { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'] });
	try {
		let out = '';
		const url = await new Promise<string>((resolve, reject) => {
			const timer = setTimeout(() => reject(new Error(`no URL printed: ${out}`)), 20_000);
			child.stdout.on('data', (chunk: Buffer) => {
				out += chunk.toString();
				const m = /listening on (http:\/\/\S+)/.exec(out);
				if (m && out.includes('accounts')) {
					clearTimeout(timer);
					resolve(m[1]);
				}
			});
			child.once('exit', (code) => reject(new Error(`exited early (${code}): ${out}`)));
		});
		for (const s of ['sandbox-admin-token', 'sandbox-manager-token', 'sandbox-customer-token', 'admin@sandbox.evovoice.test', 'sandbox-manager-password']) {
			expect(out).toContain(s);
		}
		expect(out).toContain('12 customers');
		const headers = { Authorization: 'Bearer sandbox-admin-token' };
		expect((await fetch(`${url}/accounts`, { headers })).status).toBe(503);
		expect((await fetch(`${url}/accounts`, { headers })).status).toBe(200);
		const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
		child.kill(signal);
		expect(await exited).toBe(0);
	} finally {
		if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
		rmSync(dir, { recursive: true, force: true });
	}
});
