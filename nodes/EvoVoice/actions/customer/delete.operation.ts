import type { Operation } from '../../executor/types';
import { CUSTOMER, entityTarget } from '../shared/entity';

/** DELETE answers 204 with no body: the item says what was deleted instead of being empty. */
export const operation: Operation = {
	plan: (_context, i, parameters) => ({ kind: 'write', method: 'DELETE', target: entityTarget(parameters, i, CUSTOMER) }),
	output: (_context, _i, _records, plan, entity) => [
		plan.target?.referenceId !== undefined ? { referenceId: plan.target.referenceId, deleted: true } : { id: entity?.id, deleted: true },
	],
};
