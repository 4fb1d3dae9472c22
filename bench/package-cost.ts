/** The package's own cost: tarball size and files, load time in n8n's loader, n8n start-to-ready. */
import { spawn, spawnSync } from 'child_process';
import * as fs from 'fs';
import * as path from 'path';

import type { N8nHost } from '../scripts/n8n/hosts';
import { sleep, type N8nInstance } from '../scripts/n8n';
import { activePids, nextRun } from './execute';

export interface TarballInfo {
	packedBytes: number;
	unpackedBytes: number;
	files: number;
}

export function tarballInfo(tarball: string): TarballInfo {
	const listing = spawnSync('tar', ['-tvzf', tarball], { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
	if (listing.status !== 0) throw new Error(`tar -tvzf ${tarball} failed: ${listing.stderr}`);
	let unpackedBytes = 0;
	let files = 0;
	for (const line of listing.stdout.split('\n')) {
		if (!line.startsWith('-')) continue; // regular files only
		const size = Number(line.trim().split(/\s+/)[2]);
		if (Number.isFinite(size)) unpackedBytes += size;
		files++;
	}
	return { packedBytes: fs.statSync(tarball).size, unpackedBytes, files };
}

export interface LoadResult {
	loadMs: number;
	cpuMs: number;
	nodes: number;
	credentials: number;
}

export function packageLoad(host: N8nHost, packageDir: string): LoadResult {
	const result = spawnSync(host.nodeBin, ['--no-warnings', path.join(__dirname, 'package-load.ts'), host.dir, packageDir], {
		encoding: 'utf8',
		env: { ...process.env, NODE_PATH: path.join(host.dir, 'node_modules'), NODE_OPTIONS: '' },
	});
	const line = /^RESULT (.*)$/m.exec(result.stdout ?? '')?.[1];
	if (!line) throw new Error(`package load failed (exit ${result.status}): ${result.stdout}\n${result.stderr}`);
	return JSON.parse(line) as LoadResult;
}

export interface StartResult {
	readyMs: number;
	/** CPU of n8n's process tree until it answered ready (clock ticks of /proc/<pid>/stat). */
	cpuMs: number;
}

function treeCpuMs(root: number): number {
	const ticks = 100; // USER_HZ on Linux
	let total = 0;
	const todo = [root];
	while (todo.length) {
		const pid = todo.pop()!;
		try {
			const stat = fs.readFileSync(`/proc/${pid}/stat`, 'utf8');
			const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
			total += (Number(fields[11]) + Number(fields[12])) * (1000 / ticks);
		} catch {
			continue;
		}
		for (const task of fs.readdirSync(`/proc/${pid}/task`)) {
			try {
				const text = fs.readFileSync(`/proc/${pid}/task/${task}/children`, 'utf8').trim();
				if (text) todo.push(...text.split(/\s+/).map(Number));
			} catch {
				// gone
			}
		}
	}
	return total;
}

/** `n8n start` until /healthz/readiness answers 200, polled every 25 ms. */
export async function startToReady(instance: N8nInstance): Promise<StartResult> {
	const started = process.hrtime.bigint();
	const child = spawn(instance.host.nodeBin, [instance.host.n8nBin, 'start'], {
		cwd: instance.userFolder,
		env: instance.env,
		detached: true,
		stdio: ['ignore', fs.openSync(path.join(instance.logDir, `bench-start-${nextRun()}.log`), 'w'), 'ignore'],
	});
	const pid = child.pid!;
	activePids.add(pid);
	let exited = false;
	child.once('exit', () => (exited = true));
	try {
		const deadline = Date.now() + 180_000;
		for (;;) {
			if (exited) throw new Error('n8n start exited before it was ready');
			if (Date.now() > deadline) throw new Error('n8n start not ready after 180 s');
			try {
				const response = await fetch(`${instance.baseUrl}/healthz/readiness`, { signal: AbortSignal.timeout(1000) });
				if (response.ok) break;
			} catch {
				// not listening yet
			}
			await sleep(25);
		}
		const readyMs = Number(process.hrtime.bigint() - started) / 1e6;
		return { readyMs, cpuMs: treeCpuMs(pid) };
	} finally {
		try {
			process.kill(-pid, 'SIGTERM');
		} catch {
			// gone
		}
		const deadline = Date.now() + 20_000;
		while (!exited && Date.now() < deadline) await sleep(100);
		try {
			process.kill(-pid, 'SIGKILL');
		} catch {
			// gone
		}
		activePids.delete(pid);
	}
}
