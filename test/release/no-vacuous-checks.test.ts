/** No end-to-end assertion may be one that cannot fail: `checks.ok('…', true)` counts a pass whatever happened. */
import * as fs from 'fs';
import * as path from 'path';

const ROOT = path.resolve(__dirname, '..', '..');

function tsFiles(dir: string): string[] {
	return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
		const full = path.join(dir, entry.name);
		return entry.isDirectory() ? tsFiles(full) : entry.name.endsWith('.ts') ? [full] : [];
	});
}

/** `ok(name, true)` and `ok(name, false)`: calls whose verdict is a literal. */
const VACUOUS = /\.(ok)\(\s*(['"`])(?:(?!\2).)*\2\s*,\s*(true|false)\s*[,)]/g;

describe('end-to-end checks', () => {
	it('has no assertion whose condition is a literal', () => {
		const found: string[] = [];
		for (const file of [...tsFiles(path.join(ROOT, 'scripts')), ...tsFiles(path.join(ROOT, 'bench'))]) {
			const text = fs.readFileSync(file, 'utf8');
			for (const match of text.matchAll(VACUOUS)) {
				// `ok(name, false)` records a failure on purpose (a step that could not run); only `true` is vacuous.
				if (match[3] === 'true') found.push(`${path.relative(ROOT, file)}: ${match[0]}`);
			}
		}
		expect(found).toEqual([]);
	});

	it('would catch one', () => {
		expect("checks.ok('workflows imported', true);".match(VACUOUS)).not.toBeNull();
		expect("checks.ok('credential test reached the sandbox', authAfter - authBefore >= 4)".match(VACUOUS)).toBeNull();
	});
});
