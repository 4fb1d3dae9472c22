import * as fs from 'fs';
import * as path from 'path';

import { installPackage } from '../../../scripts/n8n/instance';
import type { Step } from './types';

export const installPackageStep: Step = {
	name: 'install the packed package into .n8n/nodes',
	async run({ instance, tarball, checks }) {
		const pkg = installPackage(instance, tarball);
		checks.ok(
			'package unpacked in nodes/node_modules',
			fs.existsSync(path.join(instance.userFolder, '.n8n', 'nodes', 'node_modules', pkg.name, 'dist', 'nodes', 'EvoVoice', 'EvoVoice.node.js')),
		);
	},
};
