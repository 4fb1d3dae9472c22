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

describe('--semantics file', () => {
	const run = (file: string) => {
		const child = spawn(TSX, ['sandbox/cli.ts', '--port', '0', '--semantics', file], { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'] });
		let out = '';
		child.stdout.on('data', (c: Buffer) => (out += c.toString()));
		child.stderr.on('data', (c: Buffer) => (out += c.toString()));
		return { child, output: () => out };
	};

	it("behaves as the file says: Bearer refused, the ss-tok cookie taken, the page capped", async () => {
		const dir = mkdtempSync(path.join(tmpdir(), 'evo-sandbox-sem-'));
		const file = path.join(dir, 'observed.json');
		writeFileSync(file, JSON.stringify({ probe: {}, semantics: { auth: { bearer: false, tokenCookie: true }, maxCountPerPage: 2 } }));
		const { child, output } = run(file);
		try {
			const url = await new Promise<string>((resolve, reject) => {
				const timer = setTimeout(() => reject(new Error(`no URL printed: ${output()}`)), 20_000);
				child.stdout.on('data', () => {
					const m = /listening on (http:\/\/\S+)/.exec(output());
					if (m && output().includes('customers in')) {
						clearTimeout(timer);
						resolve(m[1]);
					}
				});
			});
			expect(output()).toContain(`page cap 2 (from ${file})`);
			expect((await fetch(`${url}/customers`, { headers: { Authorization: 'Bearer sandbox-admin-token' } })).status).toBe(401);
			const page = (await (await fetch(`${url}/customers`, { headers: { Cookie: 'ss-tok=sandbox-admin-token' } })).json()) as { items: unknown[] };
			expect(page.items).toHaveLength(2);
		} finally {
			child.kill('SIGTERM');
			rmSync(dir, { recursive: true, force: true });
		}
	});

	it('a wrong value: exits 1 naming the setting and the value', async () => {
		const dir = mkdtempSync(path.join(tmpdir(), 'evo-sandbox-sem-'));
		const file = path.join(dir, 'bad.json');
		writeFileSync(file, JSON.stringify({ emptyTagIds: 'drop' }));
		const { child, output } = run(file);
		try {
			const code = await new Promise<number | null>((resolve) => child.once('exit', resolve));
			expect(code).toBe(1);
			expect(output()).toContain('semantics: emptyTagIds is "drop"; expected one of clear, ignore, reject');
		} finally {
			rmSync(dir, { recursive: true, force: true });
		}
	});
});
