import type { Operation } from '../../executor/types';
import { CUSTOMER, entityTarget } from '../shared/entity';

/**
 * DELETE answers 204 with no body: the item says which customer went — its ID, and by reference ID
 * also the reference ID and the name the look-up saw — so that a workflow can log it.
 */
export const operation: Operation = {
	plan: (_context, i, parameters) => ({ kind: 'write', method: 'DELETE', target: entityTarget(parameters, i, CUSTOMER) }),
	output: (_context, _i, _records, plan, entity) => [
		{
			...(plan.target?.referenceId !== undefined ? { referenceId: plan.target.referenceId } : {}),
			id: entity?.id,
			...(entity?.name !== undefined ? { name: entity.name } : {}),
			deleted: true,
		},
	],
};
