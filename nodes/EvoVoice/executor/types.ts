import type { IDataObject, IExecuteFunctions, IHttpRequestMethods } from 'n8n-workflow';

import type { ClearedReference } from '../model/mappers/body';
import type { AutoValue } from '../model/mappers/fieldTypes';
import type { MergePlan } from '../model/mappers/merge';
import type { Parameters } from './parameters';

/** The entity an item acts on; a reference ID is resolved to its customer before any write. */
export interface Target {
	collection: 'customers' | 'accounts';
	id?: string;
	referenceId?: string;
	/** A reference ID counts only among customers of these accounts. */
	accountIds?: string[];
	/** How errors name it: the parameter's label and name. */
	label: string;
	parameter: string;
}

/**
 * What one input item asks for, mapped and checked from its parameters before anything is sent.
 * `read` and `list` change nothing; `write`s to one entity are applied in input order.
 */
export interface ItemPlan {
	kind: 'read' | 'write' | 'list';
	method: IHttpRequestMethods;
	/** An entity's path is /{collection}/{id}{subPath}; a plan without a target uses `path`. */
	target?: Target;
	subPath?: string;
	path?: string;
	qs?: IDataObject;
	body?: IDataObject;
	/** An update: how its body is laid over the entity's current state. */
	merge?: MergePlan;
	/** Data values to wrap by their field's type, once the account's definitions are read. */
	autoData?: AutoValue[];
	/** The account, when the request itself names it (a create); else read from the customer. */
	accountId?: string;
	/** A list: the most records to return. */
	limit?: number;
	/** References this write clears: its answer must no longer hold them, or the item fails. */
	clears?: ClearedReference[];
	/** The Simplify switch, where the operation has one. */
	simplify?: boolean;
}

/**
 * One operation: its parameters become a plan (throwing InputError for bad input), and its
 * records may be post-processed on the way out (a Simplify option, for instance).
 */
export interface Operation {
	plan(context: IExecuteFunctions, itemIndex: number, parameters: Parameters): ItemPlan;
	output?(context: IExecuteFunctions, itemIndex: number, records: IDataObject[], plan: ItemPlan): IDataObject[];
}
