/**
 * How long n8n takes to load the package: run by the Node 24 that runs n8n (type stripping), in a
 * fresh process each time, it loads n8n-core and n8n-workflow first (n8n has them loaded anyway),
 * then times exactly what n8n does for an installed community package at start
 * (LoadNodesAndCredentials.loadPackage): `new PackageDirectoryLoader(dir)` + `loadAll()`, which
 * requires the node and credential files and post-processes their descriptions.
 *
 *   node package-load.ts <n8n host dir> <installed package dir>
 *
 * Prints: RESULT {"loadMs","cpuMs","nodes","credentials","requireMs"}
 */
import { createRequire } from 'node:module';
import * as path from 'node:path';

const [hostDir, packageDir] = process.argv.slice(2);
const hostRequire = createRequire(path.join(hostDir, 'node_modules', 'n8n', 'package.json'));

interface Loader {
	loadAll(): Promise<void>;
	known: { nodes: Record<string, unknown>; credentials: Record<string, unknown> };
}

async function main(): Promise<void> {
	const requireStart = process.hrtime.bigint();
	const core = hostRequire('n8n-core') as {
		PackageDirectoryLoader: new (dir: string, exclude?: string[], include?: string[]) => Loader;
	};
	hostRequire('n8n-workflow');
	const requireMs = Number(process.hrtime.bigint() - requireStart) / 1e6;

	const cpuStart = process.cpuUsage();
	const start = process.hrtime.bigint();
	const loader = new core.PackageDirectoryLoader(packageDir, [], []);
	await loader.loadAll();
	const loadMs = Number(process.hrtime.bigint() - start) / 1e6;
	const cpu = process.cpuUsage(cpuStart);
	process.stdout.write(
		`RESULT ${JSON.stringify({
			loadMs,
			cpuMs: (cpu.user + cpu.system) / 1000,
			nodes: Object.keys(loader.known.nodes).length,
			credentials: Object.keys(loader.known.credentials).length,
			requireMs,
		})}\n`,
	);
}

main().catch((error: unknown) => {
	process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
	process.exit(1);
});
