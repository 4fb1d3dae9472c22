/**
 * Runs one command and measures it the way the kernel accounts for it:
 *
 * - CPU time of the WHOLE process tree: a small python3 wrapper starts the command in its own
 *   session, makes itself the "child subreaper" (so descendants that outlive their parent, such as
 *   n8n's task runners, are re-parented to it instead of to init), waits for the command, ends
 *   whatever the command left behind, reaps every descendant and reads getrusage(RUSAGE_CHILDREN):
 *   user + system time of every process of the tree, exactly, nothing sampled.
 * - Peak memory: ru_maxrss (the peak RSS of the largest single process, i.e. n8n's main process)
 *   and, polled every `pollMs` from /proc, the peak of the tree's summed VmRSS.
 * - Wall time from the command's start to its exit, measured by the wrapper.
 *
 * The command's stdout/stderr go to files, so a 50 MB `n8n execute --rawOutput` costs n8n a write,
 * not a pipe read by this process.
 */
import { spawn } from 'child_process';
import * as fs from 'fs';

export interface Measurement {
	/** Exit code of the command (null when it died of a signal). */
	code: number | null;
	signal: string | null;
	wallMs: number;
	userMs: number;
	sysMs: number;
	/** user + sys of the whole tree. */
	cpuMs: number;
	/** ru_maxrss: peak RSS of the largest process of the tree, in KiB. */
	maxRssKiB: number;
	/** Peak of the tree's summed VmRSS, polled, in KiB. */
	peakTreeRssKiB: number;
	/** Distinct processes seen in the tree while polling: "pid comm". */
	processes: string[];
	timedOut: boolean;
}

export interface MeasureOptions {
	cwd?: string;
	env?: NodeJS.ProcessEnv;
	stdoutFile: string;
	stderrFile: string;
	timeoutMs?: number;
	pollMs?: number;
}

const PYTHON = fs.existsSync('/usr/bin/python3') ? '/usr/bin/python3' : 'python3';

const WRAPPER = String.raw`
import ctypes, json, os, resource, signal, subprocess, sys, time
try:
    ctypes.CDLL(None, use_errno=True).prctl(36, 1, 0, 0, 0)  # PR_SET_CHILD_SUBREAPER
except Exception:
    pass
out_path, err_path = sys.argv[1], sys.argv[2]
argv = sys.argv[3:]
# The command's environment exactly as given (a pyenv shim in front of python3 would add its own).
env = json.loads(os.environ['BENCH_CHILD_ENV'])
with open(out_path, 'wb') as out, open(err_path, 'wb') as err:
    t0 = time.monotonic()
    p = subprocess.Popen(argv, stdout=out, stderr=err, stdin=subprocess.DEVNULL, start_new_session=True, env=env)
    sys.stdout.write('PID %d\n' % p.pid)
    sys.stdout.flush()
    code = p.wait()
    wall = time.monotonic() - t0
# Whatever the command left running (a task runner, ...) is ended and reaped, so its CPU counts.
for sig in (signal.SIGTERM, signal.SIGKILL):
    try:
        os.killpg(p.pid, sig)
    except ProcessLookupError:
        break
    time.sleep(0.2)
while True:
    try:
        pid, _ = os.waitpid(-1, 0)
    except ChildProcessError:
        break
r = resource.getrusage(resource.RUSAGE_CHILDREN)
sys.stdout.write('RESULT ' + json.dumps({'code': code, 'wall': wall, 'user': r.ru_utime, 'sys': r.ru_stime, 'maxrss': r.ru_maxrss}) + '\n')
sys.stdout.flush()
`;

function readChildren(pid: number): number[] {
	const found: number[] = [];
	let tasks: string[] = [];
	try {
		tasks = fs.readdirSync(`/proc/${pid}/task`);
	} catch {
		return found;
	}
	for (const tid of tasks) {
		try {
			const text = fs.readFileSync(`/proc/${pid}/task/${tid}/children`, 'utf8').trim();
			if (text) for (const c of text.split(/\s+/)) found.push(Number(c));
		} catch {
			// gone
		}
	}
	return found;
}

function treeOf(root: number): number[] {
	const all: number[] = [];
	const todo = [root];
	while (todo.length) {
		const pid = todo.pop()!;
		all.push(pid);
		todo.push(...readChildren(pid));
	}
	return all;
}

function rssKiB(pid: number): { rss: number; comm: string } | undefined {
	try {
		const status = fs.readFileSync(`/proc/${pid}/status`, 'utf8');
		const rss = Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? 0);
		const comm = /Name:\s+(.*)/.exec(status)?.[1] ?? '?';
		return { rss, comm };
	} catch {
		return undefined;
	}
}

/** Runs `command args` under the measuring wrapper. */
export async function measure(command: string, args: string[], options: MeasureOptions): Promise<Measurement> {
	const child = spawn(PYTHON, ['-c', WRAPPER, options.stdoutFile, options.stderrFile, command, ...args], {
		cwd: options.cwd,
		env: { PATH: process.env.PATH, BENCH_CHILD_ENV: JSON.stringify(options.env ?? process.env) },
		stdio: ['ignore', 'pipe', 'pipe'],
	});
	let wrapperOut = '';
	let wrapperErr = '';
	let pid: number | undefined;
	let peakTree = 0;
	const processes = new Set<string>();
	let timedOut = false;

	const poll = () => {
		if (pid === undefined) return;
		let sum = 0;
		for (const p of treeOf(pid)) {
			const info = rssKiB(p);
			if (!info) continue;
			sum += info.rss;
			processes.add(`${p} ${info.comm}`);
		}
		if (sum > peakTree) peakTree = sum;
	};
	const timer = setInterval(poll, options.pollMs ?? 50);
	const killer = setTimeout(() => {
		timedOut = true;
		if (pid !== undefined) {
			try {
				process.kill(-pid, 'SIGKILL');
			} catch {
				// gone
			}
		}
	}, options.timeoutMs ?? 15 * 60_000);

	child.stdout.setEncoding('utf8').on('data', (chunk: string) => {
		wrapperOut += chunk;
		const match = /^PID (\d+)$/m.exec(wrapperOut);
		if (match && pid === undefined) pid = Number(match[1]);
	});
	child.stderr.setEncoding('utf8').on('data', (chunk: string) => (wrapperErr += chunk));
	const exitCode = await new Promise<number | null>((resolve, reject) => {
		child.once('error', reject);
		child.once('close', (code) => resolve(code));
	});
	clearInterval(timer);
	clearTimeout(killer);
	const line = /^RESULT (.*)$/m.exec(wrapperOut)?.[1];
	if (!line) {
		throw new Error(`measuring wrapper failed (exit ${exitCode}): ${wrapperErr.slice(-2000)}`);
	}
	const result = JSON.parse(line) as { code: number; wall: number; user: number; sys: number; maxrss: number };
	return {
		code: result.code >= 0 ? result.code : null,
		signal: result.code < 0 ? `signal ${-result.code}` : null,
		wallMs: result.wall * 1000,
		userMs: result.user * 1000,
		sysMs: result.sys * 1000,
		cpuMs: (result.user + result.sys) * 1000,
		maxRssKiB: result.maxrss,
		peakTreeRssKiB: peakTree,
		processes: [...processes],
		timedOut,
	};
}

/** CPU time (user + sys, ms) of this process so far. */
export function ownCpuMs(): number {
	const usage = process.cpuUsage();
	return (usage.user + usage.system) / 1000;
}
