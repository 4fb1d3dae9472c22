// Ties the sandbox to the service's own DTO metadata (test/fixtures/seed-dtos.json): the field tables
// in sandbox/dtos.ts must match it, and every field of every class must survive PATCH + GET.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { DTO_CLASSES, DTO_ENUMS, parseField } from '../../sandbox/dtos';
import { call, useSandbox } from './helpers';

interface SeedDtos {
	classes: Record<string, { base: string | null; fields: { name: string; type: string }[] }>;
	enums: Record<string, string[]>;
}
// The PatchCustomer and PatchAccount metadata pages' DTOs as data, kept in the repository.
const SEED_DTOS = path.resolve(__dirname, '../fixtures/seed-dtos.json');
const dtos = JSON.parse(readFileSync(SEED_DTOS, 'utf8')) as SeedDtos;
const sandbox = useSandbox();

/** Every field a class has, its DTO base class included (CustomerInfo: EntityInfo). */
function fieldsOf(name: string): { name: string; type: string }[] {
	const cls = dtos.classes[name];
	const base = cls.base && dtos.classes[cls.base] ? fieldsOf(cls.base) : [];
	return [...base, ...cls.fields];
}

/**
 * A value for `type` with EVERY field of every class set, built from the JSON (not from the
 * sandbox's tables), so a field the sandbox forgot fails the round trip. `used` records the
 * classes and enums visited, to prove coverage.
 */
function generate(type: string, at: string, used: Set<string>): unknown {
	switch (type) {
		case 'String':
			return `v:${at}`;
		case 'Boolean':
			return false;
		case 'Int':
			return 7;
		case 'Double':
			return 2.5;
	}
	const list = /^ArrayList<(.+)>$/.exec(type);
	if (list) return [generate(list[1], `${at}[0]`, used)];
	used.add(type);
	if (dtos.enums[type]) return dtos.enums[type][dtos.enums[type].length - 1];
	if (type === 'Struct') {
		// One entry per Value kind (a Value sets exactly one); nested Structs stop after two levels.
		used.add('Value');
		if (at.split('.key_').length > 3) return { leaf: { stringValue: `v:${at}` } };
		return Object.fromEntries(
			dtos.classes.Value.fields.map((f) => [`key_${f.name}`, { [f.name]: generate(f.type, `${at}.key_${f.name}`, used) }]),
		);
	}
	const cls = dtos.classes[type];
	if (!cls) throw new Error(`seed-dtos.json: no class ${type}`);
	return Object.fromEntries(fieldsOf(type).map((f) => [f.name, generate(f.type, `${at}.${f.name}`, used)]));
}

describe('sandbox/dtos.ts matches seed-dtos.json', () => {
	it.each(Object.keys(dtos.classes))('class %s has the same base and fields', (name) => {
		const mine = DTO_CLASSES[name];
		expect(mine).toBeDefined();
		expect(mine.base).toBe(dtos.classes[name].base);
		expect(mine.fields.map(parseField)).toEqual(dtos.classes[name].fields.map(({ name: n, type }) => ({ name: n, type })));
	});

	it('has no classes the metadata lacks, and the same enums', () => {
		expect(Object.keys(DTO_CLASSES).sort()).toEqual(Object.keys(dtos.classes).sort());
		expect(DTO_ENUMS).toEqual(dtos.enums);
	});
});

describe('every field round-trips through PATCH + GET', () => {
	const NESTED = ['Schedule', 'SchedulingRule', 'ScheduleDay', 'BillingSettings', 'BillingItem', 'AppSettings', 'Value', 'Struct',
		'SimpleSchedulingRuleTypes', 'SchedulingRuleFrequency', 'DayOfWeek'];

	it('PatchCustomer -> CustomerInfo', async () => {
		const used = new Set<string>();
		const body = generate('PatchCustomer', 'PatchCustomer', used) as Record<string, unknown>;
		expect([...used]).toEqual(expect.arrayContaining(NESTED));
		// Fields with referential rules get values that exist.
		Object.assign(body, { customerId: 'cus-acme', tagIds: ['tag-wholesale', 'tag-vip'], parentCustomerId: 'cus-bluebird' });
		const patched = await call(sandbox(), 'PATCH', '/customers/cus-acme', { body });
		expect(patched.status).toBe(200);
		const got = (await call(sandbox(), 'GET', '/customers/cus-acme')).json;
		for (const { name } of dtos.classes.PatchCustomer.fields) {
			if (name === 'customerId') expect(got.id).toBe('cus-acme');
			else if (name === 'tagIds') expect(got.tags.map((t: { id: string }) => t.id)).toEqual(body.tagIds);
			else expect({ [name]: got[name] }).toEqual({ [name]: body[name] });
		}
		expect(patched.json).toEqual(got);
	});

	it('CustomerInfo carries every one of its fields, and those of Tag, CustomerBreadcrumb, IntegrationData', async () => {
		const got = (await call(sandbox(), 'GET', '/customers/cus-acme-north')).json;
		const acme = (await call(sandbox(), 'GET', '/customers/cus-acme')).json;
		for (const { name } of fieldsOf('CustomerInfo')) {
			const source = name === 'parentCustomerId' ? got : acme;
			expect({ [name]: source[name] }).toEqual({ [name]: expect.anything() });
		}
		for (const { name } of dtos.classes.Tag.fields) expect(acme.tags[0][name]).toEqual(expect.any(String));
		for (const { name } of dtos.classes.CustomerBreadcrumb.fields) expect(got.breadcrumb[0][name]).toEqual(expect.any(String));
		const integration = Object.values(acme.integrationData)[0] as Record<string, unknown>;
		for (const { name } of dtos.classes.IntegrationData.fields) expect(integration[name]).toEqual(expect.any(String));
		expect(dtos.enums.TagColors).toContain(acme.tags[0].color);
	});

	it('PatchAccount -> AccountInfo, which carries every one of its fields', async () => {
		const used = new Set<string>();
		const body = generate('PatchAccount', 'PatchAccount', used) as Record<string, unknown>;
		expect([...used]).toEqual(expect.arrayContaining(['BillingSettings', 'BillingItem']));
		body.accountId = 'acc-reseller';
		expect((await call(sandbox(), 'PATCH', '/accounts/acc-reseller', { body })).status).toBe(200);
		const got = (await call(sandbox(), 'GET', '/accounts/acc-reseller')).json;
		for (const { name } of dtos.classes.PatchAccount.fields) {
			if (name === 'accountId') expect(got.id).toBe('acc-reseller');
			else expect({ [name]: got[name] }).toEqual({ [name]: body[name] });
		}
		for (const { name } of fieldsOf('AccountInfo')) expect({ [name]: got[name] }).toEqual({ [name]: expect.anything() });
	});
});

describe('a wrong JSON type in any field answers 400 naming that field', () => {
	/** [fieldName path, body] for every field reachable from PatchCustomer / PatchAccount, each with a wrong type. */
	function cases(root: string): [string, Record<string, unknown>][] {
		const out: [string, Record<string, unknown>][] = [];
		const wrong = (type: string): unknown =>
			type === 'String' ? 12 : type === 'Boolean' ? 'yes' : type === 'Int' ? 1.5 : type === 'Double' ? '2.5' : type.startsWith('ArrayList<') ? 'not-a-list' : dtos.enums[type] ? 'NotAnEnumValue' : 'not-an-object';
		const walk = (type: string, fieldPath: string, wrap: (v: unknown) => Record<string, unknown>, depth: number) => {
			if (fieldPath) out.push([fieldPath, wrap(wrong(type))]);
			const list = /^ArrayList<(.+)>$/.exec(type);
			if (list) return walk(list[1], `${fieldPath}[0]`, (v) => wrap([v]), depth);
			if (type === 'Struct' && depth < 3) {
				for (const f of dtos.classes.Value.fields) walk(f.type, `${fieldPath}.k.${f.name}`, (v) => wrap({ k: { [f.name]: v } }), depth + 1);
				return;
			}
			const cls = dtos.classes[type];
			if (!cls || cls.base?.startsWith('HashMap')) return;
			for (const f of cls.fields) {
				if (fieldPath === '' && ['customerId', 'accountId'].includes(f.name)) continue; // the path wins over the body
				walk(f.type, fieldPath ? `${fieldPath}.${f.name}` : f.name, (v) => wrap({ [f.name]: v }), depth);
			}
		};
		walk(root, '', (v) => v as Record<string, unknown>, 0);
		return out;
	}

	it.each([
		['PatchCustomer', '/customers/cus-acme'],
		['PatchAccount', '/accounts/acc-reseller'],
	])('%s', async (dto, url) => {
		const all = cases(dto);
		expect(all.length).toBeGreaterThan(dto === 'PatchCustomer' ? 80 : 30);
		const failures: string[] = [];
		for (const [fieldName, body] of all) {
			const r = await call(sandbox(), 'PATCH', url, { body });
			const names = (r.json?.responseStatus?.errors ?? []).map((e: { fieldName: string }) => e.fieldName);
			if (r.status !== 400 || !names.includes(fieldName)) failures.push(`${fieldName}: ${r.status} ${names.join(',')}`);
		}
		expect(failures).toEqual([]);
		expect(sandbox().counters().byRoute[`PATCH ${url.replace(/\/[^/]+$/, '/:id')}`]).toBe(all.length);
		expect(sandbox().log.every((e) => !e.stateChanged)).toBe(true);
	});
});
