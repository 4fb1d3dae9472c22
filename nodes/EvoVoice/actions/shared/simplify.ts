import type { IDataObject } from 'n8n-workflow';

import type { Operation } from '../../executor/types';
import { simplify } from '../../model/mappers/simplify';

/** Node versions from 1.1 on simplify by default; version 1 keeps the raw records saved workflows read. */
export const SIMPLIFY_DEFAULT_FROM_VERSION = 1.1;

/** The operation with the Simplify switch applied to every record it returns. */
export function simplified(resource: 'customer' | 'account', operation: Operation): Operation {
	return {
		plan(context, itemIndex, parameters) {
			const byDefault = parameters.typeVersion >= SIMPLIFY_DEFAULT_FROM_VERSION;
			return { ...operation.plan(context, itemIndex, parameters), simplify: parameters.setting('simple', 'Simplify', byDefault) === true };
		},
		output(context, itemIndex, records, plan, entity) {
			const out = operation.output ? operation.output(context, itemIndex, records, plan, entity) : records;
			return plan.simplify ? out.map((record) => simplify(resource, record) as IDataObject) : out;
		},
	};
}
