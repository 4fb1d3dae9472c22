import type { IExecuteFunctions, IGetNodeParameterOptions, INodeParameters, NodeParameterValueType } from 'n8n-workflow';

import { InputError } from '../model/inputError';
import { show } from '../model/messages';

const isExpression = (value: unknown): value is string => typeof value === 'string' && value.startsWith('=');

/**
 * The first expression of `raw` whose value came out as nothing. n8n's expression engines do not
 * always throw for an expression that fails (the legacy one gives no value for a runtime error),
 * and a field the user added must not silently drop out of the request.
 */
function lostExpression(raw: unknown, resolved: unknown, path: string): { path: string; expression: string } | undefined {
	if (isExpression(raw)) return resolved === undefined ? { path, expression: raw.slice(1) } : undefined;
	if (typeof raw !== 'object' || raw === null || typeof resolved !== 'object' || resolved === null) return undefined;
	for (const [key, entry] of Object.entries(raw)) {
		const found = lostExpression(entry, (resolved as Record<string, unknown>)[key], Array.isArray(raw) ? `${path}[${key}]` : `${path}.${key}`);
		if (found) return found;
	}
	return undefined;
}

/**
 * Reads the parameters of the run's items. An expression that throws, or gives no value, is that
 * item's bad input, named by the parameter: never a field silently left out of the request. The
 * node's stored parameters are read once per run (n8n copies the whole node on every getNode()).
 */
export class Parameters {
	private readonly raw: INodeParameters;
	private readonly settings = new Map<string, unknown>();
	/** The node's version, as the workflow saved it. */
	readonly typeVersion: number;

	constructor(private readonly context: IExecuteFunctions) {
		const node = context.getNode();
		this.raw = node.parameters;
		this.typeVersion = node.typeVersion;
	}

	/** A parameter that cannot hold an expression (noDataExpression): the same for every item, read once. */
	setting<T = NodeParameterValueType>(name: string, label: string, fallback?: T): T {
		if (!this.settings.has(name)) this.settings.set(name, this.read(name, 0, label, fallback));
		return this.settings.get(name) as T;
	}

	read<T = NodeParameterValueType>(name: string, itemIndex: number, label: string, fallback?: T, options?: IGetNodeParameterOptions): T {
		let value: T | undefined;
		let failure: string | undefined;
		try {
			value = this.context.getNodeParameter(name, itemIndex, fallback, options) as T;
		} catch (error) {
			failure = (error as Error).message;
		}
		// Thrown after the catch: n8n's scanner allows only NodeApiError and NodeOperationError to be
		// thrown in one (and ignores eslint-disable comments); the executor turns InputError into one.
		if (failure !== undefined) throw new InputError({ label, path: name, problem: `has an expression that failed: ${failure}` });
		const lost = lostExpression(this.raw[name], value, name);
		if (lost) {
			throw new InputError({ label, path: lost.path, problem: `has an expression that failed or gave no value: ${show(lost.expression)}` });
		}
		return value as T;
	}
}
