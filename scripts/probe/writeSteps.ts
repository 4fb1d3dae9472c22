// The write tests, one function each, run in order on the probe's own customer. Each nested
// object is written whole, then sent with one member only: what survives tells replace from
// merge (and merge from deep merge where the object nests further).
import type { NestedMode, NestedObject } from '../../sandbox/modes';
import type { Findings } from './findings';
import { ok, type Auth, type ProbeClient, type Reply } from './http';

export interface StepContext {
	client: ProbeClient;
	findings: Findings;
	auth: Auth;
	id: string;
	name: string;
	runTag: string;
	/** GET /system/settings of the account (tags, customerFields), if it could be read. */
	settings?: { tags?: { id?: string }[]; customerFields?: { name?: string; type?: string }[] };
}

export const BILLING_ITEMS = [
	'base', 'localNumbers', 'tollFreeNumbers', 'inboundVoiceCalls', 'outboundVoiceCalls',
	'inboundFaxes', 'outboundFaxes', 'inboundSmsMessages', 'outboundSmsMessages',
] as const;

const path = (ctx: StepContext) => `/customers/${encodeURIComponent(ctx.id)}`;

/** PATCH that must succeed for the step to mean anything. */
async function patch(ctx: StepContext, body: Record<string, unknown>): Promise<Reply> {
	const res = await ctx.client.request('PATCH', path(ctx), { auth: ctx.auth, body });
	if (!ok(res)) throw new Error(`PATCH ${Object.keys(body).join(', ')} answered ${res.status} ${res.exchange.error ?? ''} (exchange ${res.exchange.n})`.trim());
	return res;
}

async function read(ctx: StepContext): Promise<Reply> {
	const res = await ctx.client.request('GET', path(ctx), { auth: ctx.auth });
	if (!ok(res)) throw new Error(`GET the test customer answered ${res.status} (exchange ${res.exchange.n})`);
	return res;
}

interface Classified {
	applied: boolean;
	mode: NestedMode;
	detail: string;
}

const NESTED_GUESS = 'replaced whole: what is not sent is lost (so the node reads, merges and writes the whole object)';

/** Writes `first`, then `partial`, reads back, and records how `key` was treated. */
export async function nestedFinding(
	ctx: StepContext, key: NestedObject, first: Record<string, unknown>, partial: Record<string, unknown>, classify: (stored: any) => Classified,
): Promise<void> {
	const a = await patch(ctx, first);
	const b = await patch(ctx, partial);
	const after = await read(ctx);
	const c = classify(after.json?.[key]);
	const evidence = [a.exchange.n, b.exchange.n, after.exchange.n];
	if (!c.applied) {
		ctx.findings.add({ topic: `nested.${key}`, title: `PATCH ${key} with one member`, guess: NESTED_GUESS, observed: `unclear: the sent member was not stored (${c.detail})`, verdict: 'unclear', evidence });
		return;
	}
	ctx.findings.observed.nested[key] = c.mode;
	const words = { replace: 'replaced whole', merge: 'merged one level deep', deepMerge: 'merged at every depth' }[c.mode];
	ctx.findings.add({ topic: `nested.${key}`, title: `PATCH ${key} with one member`, guess: NESTED_GUESS, observed: `${words} (${c.detail})`, verdict: c.mode === 'replace' ? 'as guessed' : 'differs', evidence });
}

async function billing(ctx: StepContext): Promise<void> {
	const full = Object.fromEntries(BILLING_ITEMS.map((item, i) => [item, { baseCost: i + 1, rawUnitMultiplier: 1, unitCost: (i + 1) / 100, allowance: 10 * (i + 1) }]));
	await nestedFinding(ctx, 'billingSettings', { overrideBillingSettings: true, billingSettings: full }, { billingSettings: { localNumbers: { unitCost: 0.77 } } }, (bs) => {
		const applied = bs?.localNumbers?.unitCost === 0.77;
		const siblingsKept = bs?.tollFreeNumbers?.baseCost === full.tollFreeNumbers.baseCost;
		const innerKept = bs?.localNumbers?.baseCost === full.localNumbers.baseCost;
		return {
			applied,
			mode: !siblingsKept ? 'replace' : innerKept ? 'deepMerge' : 'merge',
			detail: `sent {localNumbers: {unitCost}} only; after: tollFreeNumbers ${JSON.stringify(bs?.tollFreeNumbers ?? null)}, localNumbers ${JSON.stringify(bs?.localNumbers ?? null)}`,
		};
	});
}

async function appSettings(ctx: StepContext): Promise<void> {
	await nestedFinding(ctx, 'appSettings', { overrideAppSettings: true, appSettings: { pageTitle: 'Probe A', enableDialer: true } }, { appSettings: { pageTitle: 'Probe B' } }, (as) => ({
		applied: as?.pageTitle === 'Probe B',
		mode: as?.enableDialer === true ? 'merge' : 'replace',
		detail: `sent {pageTitle} only; after: enableDialer ${JSON.stringify(as?.enableDialer ?? null)}`,
	}));
}

async function schedule(ctx: StepContext): Promise<void> {
	const first = { timeZoneId: 'America/Chicago', inherit: false, forceClosed: false, defaultState: 'Probe Closed', rules: [{ name: 'Probe always', priority: 1, state: 'Probe Open', simpleRuleType: 'Always' }] };
	await nestedFinding(ctx, 'schedule', { schedule: first }, { schedule: { defaultState: 'Probe After' } }, (s) => ({
		applied: s?.defaultState === 'Probe After',
		mode: s?.timeZoneId === first.timeZoneId && Array.isArray(s?.rules) && s.rules.length === 1 ? 'merge' : 'replace',
		detail: `sent {defaultState} only; after: timeZoneId ${JSON.stringify(s?.timeZoneId ?? null)}, ${Array.isArray(s?.rules) ? s.rules.length : 0} rules`,
	}));
}

async function data(ctx: StepContext): Promise<void> {
	const fields = (ctx.settings?.customerFields ?? []) as { name?: string; type?: string }[];
	const text = fields.find((f) => f.type === 'String')?.name ?? 'ProbeText';
	const struct = fields.find((f) => f.type === 'Struct')?.name ?? 'ProbeStruct';
	const firstData = { [text]: { stringValue: 'probe one' }, [struct]: { structValue: { x: { stringValue: '1' }, y: { stringValue: '2' } } } };
	await nestedFinding(ctx, 'data', { data: firstData }, { data: { [struct]: { structValue: { x: { stringValue: '3' } } } } }, (d) => {
		const inner = d?.[struct]?.structValue;
		return {
			applied: inner?.x?.stringValue === '3',
			mode: d?.[text]?.stringValue !== 'probe one' ? 'replace' : inner?.y?.stringValue === '2' ? 'deepMerge' : 'merge',
			detail: `fields ${text} and ${struct}; sent {${struct}: {structValue: {x}}} only; after: ${text} ${JSON.stringify(d?.[text] ?? null)}, ${struct}.y ${JSON.stringify(inner?.y ?? null)}`,
		};
	});
}


async function tags(ctx: StepContext): Promise<void> {
	const topic = 'tags.empty';
	const title = 'PATCH tagIds: []';
	const guess = 'clears every tag (the node sends it only for Remove All Tags)';
	const tagId = ctx.settings?.tags?.find((t) => typeof t.id === 'string')?.id;
	if (!tagId) return void ctx.findings.notTested(topic, title, guess, 'the account has no tags in GET /system/settings');
	const ids = (r: Reply) => ((r.json?.tags ?? []) as { id?: string }[]).map((t) => t.id);
	const set = await patch(ctx, { tagIds: [tagId] });
	const other = await patch(ctx, { name: ctx.name });
	const kept = await read(ctx);
	const keptOk = ids(kept).includes(tagId);
	ctx.findings.add({
		topic: 'tags.absent', title: 'PATCH without tagIds', guess: 'leaves the tags as they are',
		observed: keptOk ? 'tags kept' : `tags became ${JSON.stringify(ids(kept))}`, verdict: keptOk ? 'as guessed' : 'differs',
		evidence: [set.exchange.n, other.exchange.n, kept.exchange.n],
	});
	const empty = await ctx.client.request('PATCH', path(ctx), { auth: ctx.auth, body: { tagIds: [] } });
	const after = await read(ctx);
	const evidence = [empty.exchange.n, after.exchange.n];
	let mode: 'clear' | 'ignore' | 'reject' | undefined;
	if (empty.status >= 400 && empty.status < 500) mode = 'reject';
	else if (ok(empty)) mode = ids(after).length === 0 ? 'clear' : ids(after).includes(tagId) ? 'ignore' : undefined;
	if (mode) ctx.findings.observed.emptyTagIds = mode;
	const words = { clear: 'cleared every tag', ignore: 'ignored: the tags stayed', reject: `refused with ${empty.status} (${empty.exchange.error ?? ''})` };
	ctx.findings.add({
		topic, title, guess, evidence,
		observed: mode ? words[mode] : `unclear: answered ${empty.status}, tags then ${JSON.stringify(ids(after))}`,
		verdict: mode === 'clear' ? 'as guessed' : mode ? 'differs' : 'unclear',
	});
}

async function blankString(ctx: StepContext): Promise<void> {
	const blank = await ctx.client.request('PATCH', path(ctx), { auth: ctx.auth, body: { referenceId: '' } });
	const after = await read(ctx);
	const ref = after.json?.referenceId;
	let mode: 'store' | 'clear' | 'ignore' | 'reject' | undefined;
	if (blank.status >= 400 && blank.status < 500) mode = 'reject';
	else if (ok(blank)) mode = ref === '' ? 'store' : ref === undefined || ref === null ? 'clear' : ref === ctx.runTag ? 'ignore' : undefined;
	if (mode) ctx.findings.observed.blankString = mode;
	const words = { store: "stored as ''", clear: 'cleared: referenceId no longer sent back', ignore: 'ignored: the old value stayed', reject: `refused with ${blank.status} (${blank.exchange.error ?? ''})` };
	ctx.findings.add({
		topic: 'blank.referenceId', title: "PATCH referenceId: '' (and so parentCustomerId, logoId: '')",
		guess: "stored as '' (what the sandbox does). The sandbox's blankString mode governs every blank reference: a blank referenceId when the user sets one, and the '' that Remove Parent Customer and Remove Logo send, which the node checks in the answer",
		observed: mode ? words[mode] : `unclear: answered ${blank.status}, referenceId then ${JSON.stringify(ref)}`,
		verdict: mode === 'store' ? 'as guessed' : mode ? 'differs' : 'unclear', evidence: [blank.exchange.n, after.exchange.n],
	});
	const set = await patch(ctx, { referenceId: ctx.runTag });
	const nul = await ctx.client.request('PATCH', path(ctx), { auth: ctx.auth, body: { referenceId: null } });
	const again = await read(ctx);
	const kept = again.json?.referenceId === ctx.runTag;
	ctx.findings.add({
		topic: 'null.referenceId', title: 'PATCH referenceId: null', guess: 'null means not sent: the value stays',
		observed: ok(nul) ? (kept ? 'the value stayed' : `referenceId became ${JSON.stringify(again.json?.referenceId ?? null)}`) : `answered ${nul.status}`,
		verdict: ok(nul) && kept ? 'as guessed' : 'differs', evidence: [set.exchange.n, nul.exchange.n, again.exchange.n],
	});
}

async function testSchedule(ctx: StepContext): Promise<void> {
	const before = await read(ctx);
	const url = `${path(ctx)}/test-schedule`;
	const schedule = { timeZoneId: 'UTC', inherit: false, forceClosed: false, defaultState: 'Probe Closed', rules: [{ name: 'Probe always', priority: 1, state: 'Probe Open', simpleRuleType: 'Always' }] };
	const dateTime = '2026-06-01T12:00:00';
	const open = await ctx.client.request('POST', url, { auth: ctx.auth, body: { schedule, dateTime } });
	const closed = await ctx.client.request('POST', url, { auth: ctx.auth, body: { schedule: { ...schedule, forceClosed: true }, dateTime } });
	const saved = await ctx.client.request('POST', url, { auth: ctx.auth, body: { dateTime } });
	const after = await read(ctx);
	const state = (r: Reply) => (ok(r) ? `stateName ${JSON.stringify(r.json?.stateName ?? null)}, timeZoneId ${JSON.stringify(r.json?.timeZoneId ?? null)}` : `answered ${r.status} ${r.exchange.error ?? ''}`.trim());
	const asGuessed = ok(open) && open.json?.stateName === 'Probe Open' && ok(closed) && closed.json?.stateName === 'Closed';
	ctx.findings.add({
		topic: 'testSchedule.inline', title: 'POST test-schedule with a schedule',
		guess: 'answers {stateName, timeZoneId}: an Always rule gives its state; forceClosed gives "Closed"',
		observed: `Always rule: ${state(open)}; forceClosed: ${state(closed)}`, verdict: asGuessed ? 'as guessed' : 'differs', evidence: [open.exchange.n, closed.exchange.n],
	});
	ctx.findings.add({
		topic: 'testSchedule.saved', title: 'POST test-schedule without a schedule', guess: 'tests the saved schedule',
		observed: state(saved), verdict: ok(saved) ? 'learned' : 'differs', evidence: [saved.exchange.n],
	});
	const untouched = before.json?.dateLastModified === after.json?.dateLastModified && JSON.stringify(before.json?.schedule) === JSON.stringify(after.json?.schedule);
	ctx.findings.add({
		topic: 'testSchedule.readOnly', title: 'test-schedule changes nothing', guess: 'the customer is unchanged after it',
		observed: untouched ? 'unchanged' : 'the customer changed (dateLastModified or schedule)', verdict: untouched ? 'as guessed' : 'differs', evidence: [before.exchange.n, after.exchange.n],
	});
}

type Step = (ctx: StepContext) => Promise<void>;

export const STEPS: Step[] = [billing, appSettings, schedule, data, tags, blankString, testSchedule];
