import * as fs from 'fs';
import * as path from 'path';

import { cli } from '../../../scripts/n8n/cli';
import { EXAMPLES, ROOT } from '../../../scripts/n8n/project';
import type { Step } from './types';

/** The import commands the README gives, one per example (`n8n import:workflow --input=examples/<file>.json`). */
export function readmeImportCommands(): Map<string, string> {
	const readme = fs.readFileSync(path.join(ROOT, 'README.md'), 'utf8');
	const commands = new Map<string, string>();
	for (const match of readme.matchAll(/^(n8n import:workflow --input=examples\/([\w.-]+\.json))\s*$/gm)) {
		commands.set(match[2], match[1]);
	}
	return commands;
}

/**
 * Each example imported with exactly the command the README gives, run from the repository's root
 * as a reader would: the files must carry what n8n's CLI needs (a stable `id`, `active`).
 * The owner step then finds them listed over REST, under those IDs.
 */
export const importExamplesStep: Step = {
	name: "import each example with the README's command (n8n import:workflow --input=examples/…)",
	async run({ instance, checks }) {
		const commands = readmeImportCommands();
		for (const { file, id } of EXAMPLES) {
			const command = commands.get(file);
			if (!checks.ok(`README gives the import command for ${file}`, command !== undefined)) continue;
			const stored = JSON.parse(fs.readFileSync(path.join(ROOT, 'examples', file), 'utf8')) as { id?: unknown };
			checks.equal(`${file} carries its workflow ID`, stored.id, id);
			const result = await cli(instance, command!.split(' ').slice(1), { cwd: ROOT });
			const output = `${result.stdout}\n${result.stderr}`;
			checks.ok(
				`${command}: n8n imported it`,
				result.code === 0 && /Successfully imported 1 workflow/i.test(output) && !/error occurred/i.test(output),
				() => `exit ${result.code ?? result.signal}; see ${result.logFile}\n${output.trim().split('\n').slice(-8).join('\n')}`,
			);
		}
	},
};
