// Whether a list answers only the records `specificIds` names. The node reads many records that way
// (a bulk run's check before its writes, and the read-backs that confirm merged changes); a server
// that ignores it costs the node one read per record instead, never a wrong answer.
import type { Findings } from './findings';
import { ok, type Auth, type ProbeClient } from './http';

export async function probeSpecificIds(client: ProbeClient, findings: Findings, auth: Auth, path = '/customers'): Promise<void> {
	const title = `specificIds (GET ${path}?specificIds=…)`;
	const guess = 'honoured: the list answers only the records named';
	const first = await client.request('GET', path, { auth, query: { countPerPage: 3, page: 0 } });
	const known = ok(first) && Array.isArray(first.json?.items) ? (first.json.items as Array<{ id?: unknown }>).map((r) => String(r.id ?? '')).filter(Boolean) : [];
	if (known.length < 3) {
		findings.add({ topic: 'paging.specificIds', title, guess, observed: `not settled: fewer than 3 records to ask for (${known.length})`, verdict: 'unclear', evidence: [first.exchange.n] });
		return;
	}
	// Two of three records, asked by ID in one request (comma-joined, as ServiceStack reads a list): honoured means exactly those two come back.
	const asked = [known[0], known[2]];
	const res = await client.request('GET', path, { auth, query: { specificIds: asked.join(','), countPerPage: 3, page: 0 } });
	const got = ok(res) && Array.isArray(res.json?.items) ? (res.json.items as Array<{ id?: unknown }>).map((r) => String(r.id ?? '')) : undefined;
	const evidence = [first.exchange.n, res.exchange.n];
	if (!got) {
		findings.add({ topic: 'paging.specificIds', title, guess, observed: `refused (HTTP ${res.status})`, verdict: 'differs', evidence });
		findings.observed.specificIds = 'ignored';
		return;
	}
	const honoured = got.length === asked.length && asked.every((id) => got.includes(id));
	findings.observed.specificIds = honoured ? 'honoured' : 'ignored';
	findings.add({
		topic: 'paging.specificIds',
		title,
		guess,
		observed: honoured ? `honoured: asked ${asked.join(', ')}, got exactly those` : `ignored: asked ${asked.join(', ')}, got ${got.join(', ') || 'nothing'}`,
		verdict: honoured ? 'as guessed' : 'differs',
		evidence,
	});
}
