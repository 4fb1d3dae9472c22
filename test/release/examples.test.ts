/**
 * Every example workflow carries what `n8n import:workflow --input=<file>` needs: without an `id` the
 * CLI fails (NOT NULL constraint failed: workflow_entity.id), and `active` must be set too. The IDs
 * are stable (importing again updates the same workflow) and unique. The e2e suite imports the
 * top-level examples with the README's commands in real n8n; this keeps every file importable.
 */
import * as fs from 'fs';
import * as path from 'path';

const EXAMPLES = path.resolve(__dirname, '..', '..', 'examples');

function jsonFiles(dir: string): string[] {
	return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
		const full = path.join(dir, entry.name);
		return entry.isDirectory() ? jsonFiles(full) : entry.name.endsWith('.json') ? [full] : [];
	});
}

describe('example workflows', () => {
	const files = jsonFiles(EXAMPLES);
	const workflows = files.map((file) => ({ file: path.relative(EXAMPLES, file), workflow: JSON.parse(fs.readFileSync(file, 'utf8')) as Record<string, unknown> }));

	it('are there', () => {
		expect(files.length).toBeGreaterThanOrEqual(3);
	});

	it.each(workflows.map((w) => [w.file, w.workflow] as const))('%s has a stable ID, active: false, a name and nodes', (_file, workflow) => {
		expect(workflow.id).toEqual(expect.stringMatching(/^[A-Za-z0-9]{1,36}$/));
		expect(workflow.active).toBe(false);
		expect(typeof workflow.name).toBe('string');
		expect(Array.isArray(workflow.nodes)).toBe(true);
	});

	it('have unique IDs', () => {
		const ids = workflows.map((w) => w.workflow.id);
		expect(new Set(ids).size).toBe(ids.length);
	});
});
