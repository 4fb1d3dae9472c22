/**
 * The descriptions n8n stores in saved workflows' eyes: every node's and credential's
 * `description` as the packed package loads it. A restructuring must leave them byte-identical;
 * a deliberate change (a new operation, a new node) rewrites the snapshot with `--write`, so that
 * the change is reviewed as a diff of `test/release/descriptions.json`.
 *
 * Usage: tsx scripts/release/descriptions.ts [--dir=<unpacked package>] [--write]
 *        (no --dir: the dist/ of this checkout, after `npm run build`)
 */
import * as fs from 'fs';
import * as path from 'path';

import { runMain } from '../lib/main';

const ROOT = path.resolve(__dirname, '..', '..');
export const SNAPSHOT = path.join(ROOT, 'test', 'release', 'descriptions.json');

interface PackageJson {
	n8n: { nodes: string[]; credentials: string[] };
}

type Loadable = new () => { description: unknown };

/** The class a compiled file is named after, instantiated as n8n's loader does. */
function describeFile(file: string): unknown {
	const name = path.basename(file).replace(/\.(node|credentials)\.[jt]s$/, '');
	const Class = (require(file) as Record<string, Loadable>)[name];
	return new Class().description;
}

/**
 * The descriptions of every node and credential a package folder declares, as stable JSON.
 * `fromSource` reads the TypeScript each compiled file comes from (for jest, before any build).
 */
export function describePackage(dir: string, fromSource = false): string {
	// n8n gives a package its peer dependency n8n-workflow; an unpacked tarball has none of its own.
	const modules = path.join(dir, 'node_modules');
	if (!fs.existsSync(modules)) fs.symlinkSync(path.join(ROOT, 'node_modules'), modules, 'dir');
	const pkg = JSON.parse(fs.readFileSync(path.join(dir, 'package.json'), 'utf8')) as PackageJson;
	const source = (file: string) => (fromSource ? file.replace(/^dist\//, '').replace(/\.js$/, '.ts') : file);
	const all = [...pkg.n8n.nodes, ...pkg.n8n.credentials].map((file) => [file, describeFile(path.join(dir, source(file)))]);
	return `${JSON.stringify(Object.fromEntries(all), null, '\t')}\n`;
}

/** Where the snapshot and the package differ: the first differing line, for the message. */
export function firstDifference(expected: string, actual: string): string | undefined {
	if (expected === actual) return undefined;
	const a = expected.split('\n');
	const b = actual.split('\n');
	const line = a.findIndex((text, i) => text !== b[i]);
	const at = line === -1 ? a.length : line;
	return `line ${at + 1}: snapshot ${a[at]?.trim() ?? '(end)'} | package ${b[at]?.trim() ?? '(end)'}`;
}

async function main(): Promise<number> {
	const dir = path.resolve(process.argv.find((a) => a.startsWith('--dir='))?.slice('--dir='.length) ?? ROOT);
	const actual = describePackage(dir);
	if (process.argv.includes('--write')) {
		fs.writeFileSync(SNAPSHOT, actual);
		process.stdout.write(`[descriptions] wrote ${path.relative(ROOT, SNAPSHOT)}\n`);
		return 0;
	}
	const difference = firstDifference(fs.readFileSync(SNAPSHOT, 'utf8'), actual);
	process.stdout.write(`[descriptions] ${difference ? `DIFFER from the snapshot at ${difference}` : 'equal to the snapshot'}\n`);
	return difference ? 1 : 0;
}

runMain(module, main, { label: '[descriptions]' });
