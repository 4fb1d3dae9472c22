import type { IDataObject } from 'n8n-workflow';

import type { ItemPlan, Operation } from '../../executor/types';
import { InputError } from '../../model/inputError';
import { locatorValue } from '../../model/mappers/body';
import { problems } from '../../model/messages';
import { toTagIds } from '../../model/tags';

/** A filter that holds a locator: its value, checked. */
function filterId(filters: IDataObject, name: string, label: string, path: string): string {
	const value = locatorValue(filters[name]);
	if (typeof value !== 'string' || value.trim() === '') throw new InputError({ label, path, problem: problems.blank(value) });
	return value.trim();
}

/** Get Many, for customers and accounts alike: filters as ServiceStack reads them (lists as repeated keys), and the limit. */
export function listOperation(path: string): Operation {
	return {
		plan(_context, i, parameters): ItemPlan {
			const returnAll = parameters.read<boolean>('returnAll', i, 'Return All', false);
			const limit = returnAll ? Infinity : Number(parameters.read('limit', i, 'Limit', 50));
			const filters = parameters.read<IDataObject>('filters', i, 'Filters', {});
			const qs: IDataObject = {};
			if (typeof filters.nameFilter === 'string' && filters.nameFilter.trim() !== '') qs.nameFilter = filters.nameFilter.trim();
			if (filters.accountId !== undefined) qs.accountIds = [filterId(filters, 'accountId', 'Filters › Account', 'accountIds')];
			if (filters.parentCustomerId !== undefined) {
				qs.parentCustomerIds = [filterId(filters, 'parentCustomerId', 'Filters › Parent Customer', 'parentCustomerIds')];
				if (filters.shallowParent === true) qs.shallowParent = true;
			}
			if (filters.tagIds !== undefined) {
				const tagIds = toTagIds(filters.tagIds, 'Filters › Tags', 'tagIds');
				if (tagIds.length) qs.tagIds = tagIds;
			}
			return { kind: 'list', method: 'GET', path, qs, limit };
		},
	};
}
