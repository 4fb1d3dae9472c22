/**
 * Preloaded into `n8n execute` (node --require bench/count-expressions.ts, Node 24 strips the
 * types): counts every expression n8n resolves, by node and expression text, and writes the counts
 * to $BENCH_EXPR_COUNT_FILE when the process exits. With n8n 2.x's default expression engine ('vm')
 * each resolution is a call into an isolated-vm isolate: the count per item is the node's single
 * largest lever on its per-item cost.
 */
/* eslint-disable @typescript-eslint/no-require-imports */
const fs = require('node:fs') as typeof import('node:fs');
const path = require('node:path') as typeof import('node:path');

const hostModules = process.env.BENCH_N8N_MODULES;
const outFile = process.env.BENCH_EXPR_COUNT_FILE;

if (hostModules && outFile) {
	const file = path.join(hostModules, 'n8n-workflow', 'dist', 'cjs', 'workflow-expression.js');
	const mod = require(file) as {
		WorkflowExpression: { prototype: Record<string, (...args: unknown[]) => unknown> };
	};
	const proto = mod.WorkflowExpression.prototype;
	const original = proto.resolveSimpleParameterValue;
	const counts = new Map<string, number>();
	proto.resolveSimpleParameterValue = function (this: unknown, ...args: unknown[]) {
		const value = args[0];
		const nodeName = String(args[5] ?? '?');
		if (typeof value === 'string' && value.startsWith('=')) {
			const key = `${nodeName}\t${value.length > 120 ? `${value.slice(0, 117)}...` : value}`;
			counts.set(key, (counts.get(key) ?? 0) + 1);
		}
		return original.apply(this, args);
	};
	process.on('exit', () => {
		const rows = [...counts.entries()].map(([key, count]) => {
			const [node, expression] = key.split('\t');
			return { node, expression, count };
		});
		fs.writeFileSync(outFile, JSON.stringify(rows, null, 2));
	});
}
