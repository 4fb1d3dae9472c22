// What the trigger suites share: a trigger on a sandbox, the IDs it delivered, request counts,
// and a proxy that lets a test act between two page reads of one poll.
import * as http from 'http';
import type { AddressInfo } from 'net';
import type { IDataObject, INodeParameters } from 'n8n-workflow';

import type { Sandbox } from '../../sandbox';
import { asAdmin } from '../fixtures/sandbox';
import { ActiveTrigger, type Execution } from '../harness/trigger';
import { STATE_KEY } from '../../nodes/EvoVoice/trigger/state';

export const trigger = (sb: Sandbox, parameters: INodeParameters, extra: { staticData?: IDataObject; baseUrl?: string } = {}) =>
	new ActiveTrigger({
		parameters,
		credentials: { ...asAdmin(sb), ...(extra.baseUrl ? { baseUrl: extra.baseUrl } : {}) },
		staticData: extra.staticData,
	});

export const ids = (execution: Execution | undefined) => (execution ?? []).map((item) => String(item.id));

/** Every ID delivered so far, execution after execution. */
export const delivered = (t: ActiveTrigger) => t.executions.flatMap(ids);

/** GET requests the sandbox answered for a route since `before` (a counters().byRoute snapshot). */
export function requestsSince(sb: Sandbox, before: Record<string, number>, route: string): number {
	return (sb.counters().byRoute[route] ?? 0) - (before[route] ?? 0);
}

/** The trigger's saved state (in the database n8n keeps), as the poll wrote it. */
export function savedState(t: ActiveTrigger): IDataObject {
	return ((t.database['node:Evo Voice Trigger'] as IDataObject | undefined)?.[STATE_KEY] ?? {}) as IDataObject;
}

/** Sets the sandbox clock (frozen) to an instant, moving it on by `ms` each call of `step`. */
export function clock(sb: Sandbox, at: string) {
	sb.setClock({ at, frozen: true });
	return {
		step: (ms: number) => void sb.setClock({ advanceMs: ms }),
		now: () => sb.now().toISOString(),
	};
}

/**
 * A proxy in front of the sandbox that calls `before(url)` before it forwards each request, so a
 * test can make events happen between two page reads of one poll.
 */
export async function proxy(sb: Sandbox, before: (url: URL) => void): Promise<{ url: string; close(): Promise<void> }> {
	const target = new URL(sb.url);
	const server = http.createServer((req, res) => {
		before(new URL(req.url ?? '/', sb.url));
		const forward = http.request(
			{ host: target.hostname, port: target.port, method: req.method, path: req.url, headers: req.headers },
			(answer) => {
				res.writeHead(answer.statusCode ?? 502, answer.headers);
				answer.pipe(res);
			},
		);
		req.pipe(forward);
	});
	await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
	const { port } = server.address() as AddressInfo;
	return {
		url: `http://127.0.0.1:${port}`,
		close: async () => {
			server.closeAllConnections();
			await new Promise<void>((resolve) => server.close(() => resolve()));
		},
	};
}

/** IDs sorted by the date of their event, as the trigger must deliver them. */
export function byEventDate(sb: Sandbox, sessionIds: string[]): string[] {
	const at = (id: string) => Date.parse(sb.state.sessions[id].dateCompleted ?? '');
	return [...sessionIds].sort((a, b) => at(a) - at(b) || (a < b ? -1 : 1));
}
