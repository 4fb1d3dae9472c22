/** The collections of the API whose records the node addresses by ID. */
export type Collection = 'customers' | 'accounts';

/**
 * The one place a record's path is built: `/{collection}/{id}{subPath}`, the ID percent-encoded
 * so that no ID can reach another route (model/ids.ts checks it first).
 */
export function entityPath(collection: Collection, id: string, subPath = ''): string {
	return `/${collection}/${encodeURIComponent(id)}${subPath}`;
}
