// --write: one throwaway customer in the account the user names, each PATCH behaviour the node
// relies on tried on it, and the customer deleted afterwards whatever happened (an interrupt
// included: the steps' requests abort, the cleanup's do not). A create whose answer was lost is
// found again by its unique name, so no customer is left behind unknown.
import type { Findings } from './findings';
import { ok, type Auth, type ProbeClient, type Reply } from './http';
import { STEPS, type StepContext } from './writeSteps';

export interface WriteResult {
	customerIds: string[];
	/** Customers the probe created and could not delete: the user must delete them by hand. */
	leftBehind: string[];
}

export async function probeWrites(client: ProbeClient, findings: Findings, auth: Auth, accountId: string): Promise<WriteResult> {
	const runTag = `n8n-probe-${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 8)}`;
	const name = `n8n probe ${runTag} (safe to delete)`;
	const result: WriteResult = { customerIds: [], leftBehind: [] };
	try {
		const settings = await client.request('GET', '/system/settings', { auth, query: { accountId } });
		const created = await client.request('POST', '/customers', { auth, body: { accountId, name, referenceId: runTag } });
		const id: string | undefined = ok(created) && typeof created.json?.id === 'string' ? created.json.id : undefined;
		if (!id) {
			findings.add({ topic: 'write.create', title: 'Create the test customer', guess: 'POST /customers answers the new CustomerInfo', observed: `answered ${created.status}${created.exchange.error ? ` (${created.exchange.error})` : ''}; no write test ran`, verdict: 'unclear', evidence: [created.exchange.n] });
			return result;
		}
		result.customerIds.push(id);
		findings.notes.push(`Test customer ${id} ("${name}") created in account ${accountId} (exchange ${created.exchange.n}).`);
		const ctx: StepContext = { client, findings, auth, id, name, runTag, settings: ok(settings) ? settings.json : undefined };
		for (const step of STEPS) {
			try {
				await step(ctx);
			} catch (err) {
				const interrupted = client.aborted;
				findings.add({ topic: `write.${step.name}`, title: `Step ${step.name}`, guess: 'runs to the end', observed: `${interrupted ? 'interrupted' : 'failed'}: ${client.secrets.scrub((err as Error).message)}`, verdict: 'unclear', evidence: [client.exchanges.length] });
				if (interrupted) throw err;
			}
		}
	} finally {
		await cleanUp(client, findings, auth, accountId, name, runTag, result);
	}
	return result;
}

/** Deletes every customer of this run (the known ID, and any by the run's name), then checks each is gone. */
async function cleanUp(
	client: ProbeClient, findings: Findings, auth: Auth, accountId: string, name: string, runTag: string, result: WriteResult,
): Promise<void> {
	const req = (method: string, path: string, query?: Record<string, string | number>) => retrying(() => client.request(method, path, { auth, query, unabortable: true }));
	const evidence: number[] = [];
	const ids = new Set(result.customerIds);
	try {
		// The run's tag alone: plain letters and digits survive any name filter; the exact name is compared below.
		const found = await req('GET', '/customers', { accountIds: accountId, nameFilter: runTag, countPerPage: 100 });
		evidence.push(found.exchange.n);
		for (const c of (found.json?.items ?? []) as { id?: string; name?: string }[]) if (c.name === name && c.id) ids.add(c.id);
	} catch {
		// The known ID is still deleted below; the report says the search failed.
	}
	const lines: string[] = [];
	for (const id of ids) {
		if (!result.customerIds.includes(id)) result.customerIds.push(id);
		let gone = false;
		try {
			const del = await req('DELETE', `/customers/${encodeURIComponent(id)}`);
			const check = await req('GET', `/customers/${encodeURIComponent(id)}`);
			evidence.push(del.exchange.n, check.exchange.n);
			gone = check.status === 404;
			lines.push(`${id}: DELETE ${del.status}, then GET ${check.status}`);
		} catch (err) {
			lines.push(`${id}: ${client.secrets.scrub((err as Error).message)}`);
		}
		if (!gone) result.leftBehind.push(id);
	}
	findings.add({
		topic: 'write.cleanup', title: 'Delete the test customer',
		guess: 'DELETE /customers/{id} removes it (GET answers 404 after)',
		observed: result.leftBehind.length
			? `NOT DELETED: ${result.leftBehind.join(', ')}. Delete by hand. (${lines.join('; ')})`
			: ids.size ? `deleted: ${lines.join('; ')}` : 'no customer had been created',
		verdict: result.leftBehind.length ? 'differs' : 'as guessed',
		evidence,
	});
}

/** Cleanup must get through a passing 429, 5xx or dropped connection: three tries, a second apart. */
async function retrying(send: () => Promise<Reply>): Promise<Reply> {
	for (let attempt = 1; ; attempt++) {
		try {
			const res = await send();
			if ((res.status === 429 || res.status >= 500) && attempt < 3) throw new Error(`HTTP ${res.status}`);
			return res;
		} catch (err) {
			if (attempt >= 3) throw err;
			await new Promise((r) => setTimeout(r, 1000));
		}
	}
}
