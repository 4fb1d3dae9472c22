import { importWorkflows } from '../cli';
import { loadExamples } from '../fixtures';
import type { Step } from './types';

/** The import is checked where it shows: the owner step finds the workflows listed over REST. */
export const importWorkflowsStep: Step = {
	name: 'import example workflows (n8n import:workflow)',
	async run({ instance }) {
		await importWorkflows(instance, loadExamples());
	},
};
