import type { IDataObject, IExecuteFunctions, IHttpRequestMethods, NodeApiError, NodeOperationError } from 'n8n-workflow';

import type { ClearedReference } from '../model/mappers/body';
import type { AutoValue } from '../model/mappers/fieldTypes';
import type { MergePlan } from '../model/mappers/merge';
import type { Client } from '../transport/client';
import type { Collection } from '../transport/paths';
import type { Parameters } from './parameters';
import type { RunSettings } from './settings';

/** The record an item acts on; a reference ID is resolved to its customer before any write. */
export interface Target {
	collection: Collection;
	/** Checked and trimmed, not yet encoded (transport/paths.ts does that). */
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
 * `read` and `list` change nothing; `write`s to one record are applied in input order.
 */
export interface ItemPlan {
	kind: 'read' | 'write' | 'list';
	method: IHttpRequestMethods;
	/** A record's path is /{collection}/{id}{subPath}; a plan without a target uses `path`. */
	target?: Target;
	subPath?: string;
	path?: string;
	qs?: IDataObject;
	body?: IDataObject;
	/** An update: how its body is laid over the record's current state. */
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
	/**
	 * Create or Update: the target's reference ID, when no customer holds it, is created in
	 * `accountId` (the body's name is then required) rather than an error.
	 */
	upsert?: boolean;
	/**
	 * A create that gives a reference ID: if its answer is lost (the request may have landed), the
	 * customer is looked for by it rather than reported as maybe created.
	 */
	findIfLost?: { referenceId: string; accountId: string; name: string };
}

/**
 * One operation: its parameters become a plan (throwing InputError for bad input), and its
 * records may be post-processed on the way out (a Simplify option, for instance).
 */
export interface Operation {
	plan(context: IExecuteFunctions, itemIndex: number, parameters: Parameters): ItemPlan;
	/** `entity` is the record the item acted on, once known (a reference ID resolved to its customer). */
	output?(context: IExecuteFunctions, itemIndex: number, records: IDataObject[], plan: ItemPlan, entity?: EntityRef): IDataObject[];
}

// An item's way through a run: plan → resolve → write. Each stage returns new values; an item that
// failed (or was never sent) passes the later stages unchanged.

export type ItemError = NodeApiError | NodeOperationError;

export interface Failed {
	stage: 'failed';
	index: number;
	error: ItemError;
	/** Bad input (as opposed to a failed request): nothing was sent for it. */
	invalid?: boolean;
}

export interface NotSent {
	stage: 'notSent';
	index: number;
}

export interface Planned {
	stage: 'planned';
	index: number;
	plan: ItemPlan;
}

/** The record an item acts on, known once its reference ID is resolved. */
export interface EntityRef {
	collection: Collection;
	id: string;
	label: string;
	/** Its name, when a look-up saw it (for outputs that say which customer went). */
	name?: string;
	/** "customers/cus-1": writes to one record are applied in input order. */
	key: string;
}

/** Ready to send: the path, the body with every data value typed, and what a merge rests on. */
export interface Resolved {
	stage: 'resolved';
	index: number;
	plan: ItemPlan;
	path: string;
	entity?: EntityRef;
	body?: IDataObject;
	/** Set when the write rests on the record's current state (model/mappers/merge.ts decides). */
	merge?: MergePlan;
	/** Create or Update of a reference ID no customer held when looked up: create.ts creates it, once. */
	creates?: CreateSpec;
}

/** A customer to create for a reference ID, unless one holds it by the time the write runs. */
export interface CreateSpec {
	referenceId: string;
	accountId: string;
	/** Creates of one reference ID in one account form one chain in a run, and one create per process. */
	key: string;
}

export interface Applied {
	stage: 'applied';
	index: number;
	plan: ItemPlan;
	entity?: EntityRef;
	records: IDataObject[];
}

export type Done = Applied | Failed | NotSent;
export type ItemState = Planned | Resolved | Done;

/** What every stage of one run shares: n8n's context, the one client, the run's settings. */
export interface Run {
	context: IExecuteFunctions;
	client: Client;
	settings: RunSettings;
}
