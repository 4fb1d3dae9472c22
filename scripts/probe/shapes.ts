// The shapes of what the server sends against the DTOs of the service's metadata pages (the
// sandbox's tables in sandbox/dtos.ts, which a test keeps equal to the seeds): fields the server
// has that the seeds lack, seed fields never seen, and JSON types that differ. Only paths are
// kept, never values, so the report carries no customer data.
import { DTO_CLASSES, DTO_ENUMS, parseField, type DtoClass } from '../../sandbox/dtos';
import type { Findings, ShapeDiff } from './findings';
import { ok, type Auth, type ProbeClient } from './http';

// No metadata page of GET /system/settings has been seen: this is the sandbox's guess of it.
const GUESSED: Record<string, DtoClass> = {
	SystemSettingsInfo: { base: null, fields: ['accountId: String', 'tags: ArrayList<Tag>', 'customerFields: ArrayList<CustomerFieldInfo>'] },
	CustomerFieldInfo: { base: null, fields: ['name: String', 'type: String', 'possibleValues: ArrayList<String>', 'description: String'] },
};
const CLASSES: Record<string, DtoClass> = { ...DTO_CLASSES, ...GUESSED };

class Walk {
	readonly seen = new Set<string>();
	readonly expected = new Set<string>();
	readonly extra = new Set<string>();
	readonly mismatches = new Set<string>();

	value(v: unknown, type: string, path: string): void {
		if (v === null || v === undefined) return;
		const list = /^ArrayList<(.+)>$/.exec(type);
		if (list) {
			if (!Array.isArray(v)) return void this.mismatches.add(`${path}: ${jsonType(v)}, seeds say ${type}`);
			for (const item of v) this.value(item, list[1], `${path}[]`);
			return;
		}
		const scalar = scalarType(type);
		if (scalar) {
			if (typeof v !== scalar) this.mismatches.add(`${path}: ${jsonType(v)}, seeds say ${type}`);
			return;
		}
		const cls = CLASSES[type];
		if (!cls) return; // a type the seeds do not define: nothing to compare with
		if (typeof v !== 'object' || Array.isArray(v)) return void this.mismatches.add(`${path}: ${jsonType(v)}, seeds say ${type}`);
		const map = /^HashMap<String,(.+)>$/.exec(cls.base ?? '');
		if (map) {
			for (const item of Object.values(v)) this.value(item, map[1], `${path}.*`);
			return;
		}
		const fields = new Map<string, string>();
		for (let c: DtoClass | undefined = cls; c; c = c.base ? CLASSES[c.base] : undefined) {
			for (const line of c.fields) {
				const { name, type: t } = parseField(line);
				fields.set(name, t);
			}
		}
		const at = (name: string) => (path ? `${path}.${name}` : name);
		// A Value sets exactly one of its kinds: the others are always absent, which says nothing.
		if (type !== 'Value') for (const name of fields.keys()) this.expected.add(at(name));
		for (const [name, item] of Object.entries(v)) {
			this.seen.add(at(name));
			const t = fields.get(name);
			if (t === undefined) this.extra.add(`${at(name)} (${jsonType(item)})`);
			else this.value(item, t, at(name));
		}
	}

	diff(what: string, source: string, samples: number): ShapeDiff {
		return {
			what, source, samples,
			extra: [...this.extra].sort(),
			absent: [...this.expected].filter((p) => !this.seen.has(p)).sort(),
			typeMismatches: [...this.mismatches].sort(),
		};
	}
}

function scalarType(type: string): 'string' | 'number' | 'boolean' | undefined {
	if (type === 'String' || DTO_ENUMS[type]) return 'string';
	if (type === 'Int' || type === 'Double' || type === 'Long') return 'number';
	if (type === 'Boolean') return 'boolean';
	return undefined;
}

const jsonType = (v: unknown) => (Array.isArray(v) ? 'array' : v === null ? 'null' : typeof v);

function compare(findings: Findings, what: string, source: string, type: string, samples: unknown[]): void {
	const walk = new Walk();
	for (const s of samples) walk.value(s, type, '');
	findings.shapes.push(walk.diff(what, source, samples.length));
}

/** Reads a few customers and accounts and one account's system settings, and compares their shapes. */
export async function probeShapes(client: ProbeClient, findings: Findings, auth: Auth, accountId?: string): Promise<void> {
	const customers = await client.request('GET', '/customers', { auth, query: { countPerPage: 5 } });
	const customerItems: unknown[] = ok(customers) && Array.isArray(customers.json?.items) ? customers.json.items : [];
	if (customerItems.length) compare(findings, 'CustomerInfo', `GET /customers (#${customers.exchange.n})`, 'CustomerInfo', customerItems);
	const firstCustomer = (customerItems[0] as { id?: string } | undefined)?.id;
	if (firstCustomer) {
		const one = await client.request('GET', `/customers/${encodeURIComponent(firstCustomer)}`, { auth });
		if (ok(one)) compare(findings, 'CustomerInfo', `GET /customers/{id} (#${one.exchange.n})`, 'CustomerInfo', [one.json]);
	}
	const accounts = await client.request('GET', '/accounts', { auth, query: { countPerPage: 5 } });
	const accountItems: unknown[] = ok(accounts) && Array.isArray(accounts.json?.items) ? accounts.json.items : [];
	if (accountItems.length) compare(findings, 'AccountInfo', `GET /accounts (#${accounts.exchange.n})`, 'AccountInfo', accountItems);
	const account = accountId ?? (accountItems[0] as { id?: string } | undefined)?.id;
	if (account) {
		const one = await client.request('GET', `/accounts/${encodeURIComponent(account)}`, { auth });
		if (ok(one)) compare(findings, 'AccountInfo', `GET /accounts/{id} (#${one.exchange.n})`, 'AccountInfo', [one.json]);
		const settings = await client.request('GET', '/system/settings', { auth, query: { accountId: account } });
		if (ok(settings)) {
			compare(findings, 'system settings', `GET /system/settings (#${settings.exchange.n}; compared with the sandbox's guess, no metadata page seen)`, 'SystemSettingsInfo', [settings.json]);
		}
	}
	if (!customerItems.length) findings.notes.push('No customer could be read, so no customer shape was compared.');
}
