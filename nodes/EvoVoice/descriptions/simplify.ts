import type { INodeProperties } from 'n8n-workflow';

/**
 * n8n's own "Simplify" switch (name `simple`, on by default for new nodes, as in n8n's built-in
 * nodes; off in node version 1, whose saved workflows read the raw record): the fields people use,
 * plain data values and tag names (helpers/mappers/simplify.ts). Off gives the record exactly as
 * the API returned it.
 */
const simplify: INodeProperties = {
	displayName: 'Simplify',
	name: 'simple',
	type: 'boolean',
	default: true,
	// n8n's lint rule asks for exactly this description; the hint says what "simplified" keeps.
	description: 'Whether to return a simplified version of the response instead of the raw data',
	hint: 'ID, name, reference ID, account, parent, tag names and plain data values ({"Plan": "Pro"})',
};

export function simplifyField(byDefault: boolean): INodeProperties {
	return { ...simplify, default: byDefault };
}
