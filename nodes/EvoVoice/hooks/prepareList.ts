import type { IDataObject } from 'n8n-workflow';

import { InputError } from '../helpers/inputError';
import { problems } from '../helpers/messages';
import { toTagIds } from '../helpers/tags';
import { guardInput } from './guardInput';

/** Filters of Get Many, as ServiceStack reads them (lists as repeated keys). */
export const prepareList = guardInput((context, requestOptions) => {
	const filters = context.getNodeParameter('filters', {}) as IDataObject;
	const qs: IDataObject = { ...(requestOptions.qs ?? {}) };
	if (typeof filters.nameFilter === 'string' && filters.nameFilter.trim() !== '') qs.nameFilter = filters.nameFilter.trim();
	if (filters.accountId !== undefined) {
		const accountId = context.getNodeParameter('filters.accountId', undefined, { extractValue: true });
		if (typeof accountId !== 'string' || accountId.trim() === '') {
			throw new InputError({ label: 'Filters › Account', path: 'accountIds', problem: problems.blank(accountId) });
		}
		qs.accountIds = [accountId.trim()];
	}
	if (filters.parentCustomerId !== undefined) {
		const parent = context.getNodeParameter('filters.parentCustomerId', undefined, { extractValue: true });
		if (typeof parent !== 'string' || parent.trim() === '') {
			throw new InputError({ label: 'Filters › Parent Customer', path: 'parentCustomerIds', problem: problems.blank(parent) });
		}
		qs.parentCustomerIds = [parent.trim()];
		if (filters.shallowParent === true) qs.shallowParent = true;
	}
	if (filters.tagIds !== undefined) {
		const tagIds = toTagIds(filters.tagIds, 'Filters › Tags', 'tagIds');
		if (tagIds.length) qs.tagIds = tagIds;
	}
	requestOptions.qs = qs;
	requestOptions.arrayFormat = 'repeat';
	return requestOptions;
});
