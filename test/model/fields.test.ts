// The field tables against the seeds: a maximal update sends every field of PatchCustomer and PatchAccount.
import { readFileSync } from 'node:fs';
import path from 'node:path';

import { runNode } from '../harness';
import { startRecorder } from '../harness/recorder';
import { TOKEN, accountUpdate, customerUpdate, fullAppSettings, fullBilling, fullRuleParameters } from '../fixtures/parameters';

/**
 * Every field of the API's own PatchCustomer and PatchAccount DTOs (the seeds, as listed in
 * test/fixtures/seed-dtos.json, the metadata pages' DTOs as data) must be settable: a maximal update must send each of them.
 */
interface Dtos {
	classes: Record<string, { fields: Array<{ name: string; type: string }> }>;
}
const dtos = JSON.parse(
	readFileSync(path.resolve(__dirname, '../fixtures/seed-dtos.json'), 'utf8'),
) as Dtos;

const fieldsOf = (cls: string) => dtos.classes[cls].fields.map((f) => f.name);

/** Every dotted path the DTO tree defines below a class, lists looked into through their first entry. */
function pathsOf(cls: string, prefix = ''): string[] {
	const out: string[] = [];
	for (const field of dtos.classes[cls]?.fields ?? []) {
		const full = `${prefix}${field.name}`;
		out.push(full);
		const inner = /^ArrayList<(\w+)>$/.exec(field.type)?.[1] ?? field.type;
		if (['Schedule', 'SchedulingRule', 'ScheduleDay', 'BillingSettings', 'BillingItem', 'AppSettings'].includes(inner)) {
			const listed = inner !== field.type ? `${full}.0.` : `${full}.`;
			out.push(...pathsOf(inner, listed));
		}
	}
	return out;
}

function has(body: unknown, dotted: string): boolean {
	let value: unknown = body;
	for (const key of dotted.split('.')) {
		if (value === null || typeof value !== 'object') return false;
		value = (value as Record<string, unknown>)[key];
		if (value === undefined) return false;
	}
	return true;
}

async function sentBody(parameters: object): Promise<unknown> {
	const api = await startRecorder();
	const result = await runNode({ parameters: parameters as never, credentials: { baseUrl: api.url, apiToken: TOKEN } });
	await api.close();
	expect(result.error).toBeUndefined();
	return api.requests[0].body;
}

test('a maximal customer update sends every field of PatchCustomer, nested DTOs included', async () => {
	const body = await sentBody(
		customerUpdate(
			{
				name: 'Acme',
				parentCustomerId: { __rl: true, mode: 'id', value: 'cus-parent' },
				referenceId: 'crm-1',
				tagIds: ['tag-vip'],
				overrideBillingSettings: true,
				billingSettings: fullBilling().parameters,
				overrideAppSettings: true,
				appSettings: fullAppSettings(),
				data: { values: [{ name: 'Plan', type: 'string', stringValue: 'Pro' }] },
				schedule: { timeZoneId: 'Europe/Paris', inherit: false, forceClosed: false, defaultState: 'Closed', rules: { rule: [fullRuleParameters] } },
			},
			undefined,
			'replace',
		),
	);
	const expected = pathsOf('PatchCustomer').filter((p) => p !== 'customerId');
	expect(expected.length).toBeGreaterThan(60);
	expect(expected.filter((p) => !has(body, p))).toEqual([]);
	for (const kind of fieldsOf('Value').filter((k) => k !== 'listValue' && k !== 'structValue')) {
		expect(JSON.stringify(body)).toContain(`"${kind}"`);
	}
});

test('a maximal account update sends every field of PatchAccount', async () => {
	const body = await sentBody(accountUpdate({ name: 'N', maxPhoneNumbers: 9, logoId: 'l', billingSettings: fullBilling().parameters }, undefined, 'replace'));
	const expected = pathsOf('PatchAccount').filter((p) => p !== 'accountId');
	expect(expected.filter((p) => !has(body, p))).toEqual([]);
});

test('parameters that map to one API property carry its name', async () => {
	const { loadEvoVoice } = await import('../harness');
	const names = loadEvoVoice()
		.description.properties.filter((p) => p.name === 'updateFields')
		.flatMap((p) => (p.options ?? []).map((o) => (o as { name: string }).name));
	for (const name of ['name', 'parentCustomerId', 'referenceId', 'tagIds', 'overrideBillingSettings', 'overrideAppSettings', 'maxPhoneNumbers', 'logoId']) {
		expect(names).toContain(name);
	}
});

