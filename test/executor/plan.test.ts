// The plan stage: bad input (the corpus, and one bad item in a batch) is refused before any request, naming the field and the value.
import { runNode } from '../harness';
import { startRecorder, type Recorder } from '../harness/recorder';
import { TOKEN, accountUpdate, byId, customerUpdate } from '../fixtures/parameters';

/**
 * The bad-input corpus: each case must be refused before any request, with a message that names
 * the field (as the user sees it and as the API calls it) and the value.
 */
type Case = [title: string, parameters: ReturnType<typeof customerUpdate>, expected: string[]];

const rule = (fields: object) => ({ schedule: { rules: { rule: [{ name: 'R', state: 'Open', simpleRuleType: 'Time', fields }] } } });
const c = (fields: object, id?: unknown) => customerUpdate(fields as never, id ?? byId('cus-acme'));
const a = (fields: object, id?: unknown) => accountUpdate(fields as never, id ?? byId('acc-reseller'));
const billing = (item: string, value: string, v: unknown) => ({ billingSettings: { [item]: { [value]: v } } });

const cases: Case[] = [
	['empty customer ID', c({ name: 'x' }, byId('')), ['Parameter "Customer" is required']],
	['blank customer ID', c({ name: 'x' }, byId('   ')), ['Customer (customerId)', 'a blank text']],
	['whitespace customer ID', c({ name: 'x' }, byId('\t\n ')), ['Customer (customerId)', 'a blank text']],
	['customer ID from an expression giving an object', c({ name: 'x' }, byId('={{ { "id": 1 } }}')), ['Customer (customerId)', 'must be text', 'an object']],
	['customer ID of 300 characters', c({ name: 'x' }, byId('x'.repeat(300))), ['Customer (customerId)', '300 characters', 'at most 256']],
	['customer ID ".."', c({ name: 'x' }, byId('..')), ['Customer (customerId)', '".."']],
	['empty account ID', a({ name: 'x' }, byId('')), ['Parameter "Account" is required']],
	['cost as a numeric string', c(billing('localNumbers', 'unitCost', '={{ "12.5" }}')), ['Billing Settings › Local Numbers › Unit Cost', 'billingSettings.localNumbers.unitCost', 'the text "12.5"']],
	['cost as NaN', c(billing('base', 'baseCost', '={{ NaN }}')), ['billingSettings.base.baseCost', 'NaN']],
	['cost as Infinity', c(billing('base', 'baseCost', '={{ Infinity }}')), ['billingSettings.base.baseCost', 'finite', 'Infinity']],
	['negative cost', c(billing('tollFreeNumbers', 'baseCost', -1)), ['Toll-Free Numbers › Base Cost', 'must be 0 or more, not -1']],
	['a billing value added and left empty', c(billing('base', 'rawUnitMultiplier', null)), ['Billing Settings › Base › Raw Unit Multiplier', 'billingSettings.base.rawUnitMultiplier', 'is empty: type a number']],
	['a negative price typed', c(billing('localNumbers', 'unitCost', -5)), ['billingSettings.localNumbers.unitCost', 'must be 0 or more, not -5']],
	['negative multiplier on an account', a(billing('outboundFaxes', 'rawUnitMultiplier', -0.5)), ['billingSettings.outboundFaxes.rawUnitMultiplier', '-0.5']],
	['non-integer allowance', c(billing('inboundSmsMessages', 'allowance', 2.5)), ['Inbound SMS Messages › Allowance', 'whole number', '2.5']],
	['multiplier as a boolean', c(billing('base', 'rawUnitMultiplier', '={{ true }}')), ['billingSettings.base.rawUnitMultiplier', 'must be a number, not true']],
	['non-integer max phone numbers', a({ maxPhoneNumbers: 10.5 }), ['Max Phone Numbers (maxPhoneNumbers)', 'whole number', '10.5']],
	['negative max phone numbers', a({ maxPhoneNumbers: -1 }), ['maxPhoneNumbers', 'not -1']],
	['max phone numbers as text', a({ maxPhoneNumbers: '={{ "ten" }}' }), ['maxPhoneNumbers', 'the text "ten"']],
	['start time 9am', c(rule({ startTime: '9am' })), ['Start Time (schedule.rules[0].startTime)', 'HH:mm', '"9am"']],
	['start time 24:00', c(rule({ startTime: '24:00' })), ['schedule.rules[0].startTime', '"24:00"']],
	['end time 17:60', c(rule({ endTime: '17:60' })), ['schedule.rules[0].endTime', '"17:60"']],
	['start date in US format', c(rule({ startDate: '12/25/2026' })), ['Start Date (schedule.rules[0].startDate)', 'YYYY-MM-DD', '"12/25/2026"']],
	['start date that does not exist', c(rule({ startDate: '2026-02-30' })), ['schedule.rules[0].startDate', '"2026-02-30"']],
	['until date as a word', c(rule({ untilDate: 'tomorrow' })), ['schedule.rules[0].untilDate', '"tomorrow"']],
	['month 13', c(rule({ byMonth: '1, 13' })), ['By Month (schedule.rules[0].byMonth[1])', 'must be 12 or less, not 13']],
	['month 0', c(rule({ byMonth: '0' })), ['schedule.rules[0].byMonth[0]', 'must be 1 or more, not 0']],
	['hour 24', c(rule({ byHour: '24' })), ['By Hour (schedule.rules[0].byHour[0])', 'not 24']],
	['minute 60', c(rule({ byMinute: '60' })), ['schedule.rules[0].byMinute[0]', 'not 60']],
	['month day 32', c(rule({ byMonthDay: '32' })), ['schedule.rules[0].byMonthDay[0]', 'not 32']],
	['week number 54', c(rule({ byWeekNo: '54' })), ['schedule.rules[0].byWeekNo[0]', 'not 54']],
	['month as 1.5', c(rule({ byMonth: '1.5' })), ['schedule.rules[0].byMonth[0]', 'whole number, not 1.5']],
	['byDay offset 54', c(rule({ byDay: '54MO' })), ['By Day › Offset (schedule.rules[0].byDay[0].offset)', 'not 54']],
	['byDay offset -54', c(rule({ byDay: '-54FR' })), ['schedule.rules[0].byDay[0].offset', 'not -54']],
	['byDay with an unknown day', c(rule({ byDay: 'MO, XX' })), ['By Day (schedule.rules[0].byDay)', '"XX"']],
	['byDay day name from an expression list', c(rule({ byDay: '={{ [{ "dayOfWeek": "Funday" }] }}' })), ['schedule.rules[0].byDay[0].dayOfWeek', 'Funday']],
	['unknown frequency', c(rule({ frequency: '={{ "Fortnightly" }}' })), ['Frequency (schedule.rules[0].frequency)', 'must be one of None', '"Fortnightly"']],
	['unknown rule type', c({ schedule: { rules: { rule: [{ name: 'R', state: 'Open', simpleRuleType: '={{ "Sometimes" }}' }] } } }), ['Rule Type (schedule.rules[0].simpleRuleType)', '"Sometimes"']],
	['interval 0', c(rule({ interval: 0 })), ['schedule.rules[0].interval', 'must be 1 or more, not 0']],
	['negative count', c(rule({ count: -3 })), ['schedule.rules[0].count', 'not -3']],
	['flow parameters that are not JSON', c(rule({ flowParams: '{nope' })), ['Flow Parameters (schedule.rules[0].flowParams)', 'not valid JSON']],
	['blank time zone', c({ schedule: { timeZoneId: '   ' } }), ['Schedule › Time Zone (schedule.timeZoneId)', 'a blank text']],
	['data JSON that does not parse', c({ dataJson: '{"Plan": }' }), ['Data (JSON) (data)', 'not valid JSON']],
	['data JSON that is a list', c({ dataJson: '[1, 2]' }), ['Data (JSON) (data)', 'must be an object', 'a list']],
	['data list of non-objects', c({ dataJson: '{"Locations": [1, 2]}' }), ['data.Locations.listValue[0]', 'must be an object, not 1']],
	['data JSON value that is text', c({ data: { values: [{ name: 'Address', type: 'json', jsonValue: '"Main St"' }] } }), ['Data Values › Address (data.Address)', 'object']],
	['data value with a blank name', c({ data: { values: [{ name: ' ', type: 'string', stringValue: 'x' }] } }), ['Field Name', 'a blank text']],
	['number data value given as text', c({ data: { values: [{ name: 'Seats', type: 'number', numberValue: '={{ "12" }}' }] } }), ['data.Seats.numberValue', 'the text "12"']],
	['name of 2,000 characters', c({ name: 'n'.repeat(2000) }), ['Name (name)', '2000 characters', 'at most 1000']],
	['name from an expression giving an object', c({ name: '={{ { "first": "Ann" } }}' }), ['Name (name)', 'must be text', 'an object']],
	['blank name', c({ name: '   ' }), ['Name (name)', 'a blank text']],
	['reference ID as a number', c({ referenceId: '={{ 42 }}' }), ['Reference ID (referenceId)', 'must be text, not 42']],
	['custom CSS of 200,000 characters', c({ appSettings: { customCss: 'a'.repeat(200_000) } }), ['App Settings › Custom CSS (appSettings.customCss)', '200000 characters']],
	['boolean setting as text', c({ overrideBillingSettings: '={{ "yes" }}' }), ['Override Billing Settings (overrideBillingSettings)', 'true or false', '"yes"']],
	['tag objects without IDs', c({ tagIds: '={{ [{ "name": "VIP" }] }}' }), ['Tags (tagIds[0])', 'must be text', 'an object']],
	['an empty tag list', c({ tagIds: [] }), ['"Tag Names or IDs" is empty', 'Remove All Tags']],
	['tags and remove-all together', c({ tagIds: ['tag-vip'], clearTags: true }), ['either "Tag Names or IDs" or "Remove All Tags"']],
	['nothing to update', c({}), ['Nothing to update', 'Update Fields']],
	['parent customer ID blank', c({ parentCustomerId: byId('  ') }), ['Parent Customer (parentCustomerId)', 'a blank text']],
];

let api: Recorder;
let tried = 0;
let sentByCorpus = 0;
beforeAll(async () => (api = await startRecorder()));
afterAll(async () => {
	await api.close();
	process.stdout.write(`bad-input corpus: ${tried} cases tried, ${sentByCorpus} requests sent\n`);
});

describe('bad input is refused before any request, naming the field and the value', () => {
	test.each(cases)('%s', async (_title, parameters, expected) => {
		tried++;
		const before = api.requests.length;
		const result = await runNode({ parameters, credentials: { baseUrl: api.url, authType: 'apiToken', apiToken: TOKEN } });
		expect(result.error).toBeDefined();
		for (const text of expected) expect(result.error?.message).toContain(text);
		expect(result.error?.message).not.toContain(TOKEN);
		sentByCorpus += api.requests.length - before;
		expect(api.requests.length).toBe(before);
	});

	test('the corpus is large enough', () => expect(cases.length).toBeGreaterThanOrEqual(40));
});

describe('one bad item in a batch', () => {
	const items = [{ id: 'c1' }, { id: '' }, { id: 'c3' }];
	const parameters = customerUpdate({ name: 'x' }, byId('={{ $json.id }}'));

	test('without "continue on fail" nothing is sent for any item', async () => {
		const before = api.requests.length;
		const result = await runNode({ parameters, items, credentials: { baseUrl: api.url, apiToken: TOKEN } });
		expect(result.error?.message).toContain('item 2 has invalid input');
		expect(result.error?.message).toContain('Customer (customerId)');
		expect(api.requests.length).toBe(before);
	});

	test('with "continue on fail" the bad item becomes an error item and the others are sent', async () => {
		const before = api.requests.length;
		const result = await runNode({ parameters, items, continueOnFail: true, credentials: { baseUrl: api.url, apiToken: TOKEN } });
		expect(result.error).toBeUndefined();
		expect(result.items).toHaveLength(3);
		expect(result.items[1].json.error).toContain('Customer (customerId) must not be empty');
		expect(result.items.map((i) => i.pairedItem)).toEqual([{ item: 0 }, { item: 1 }, { item: 2 }]);
		expect(api.requests.slice(before).map((r) => r.url).sort()).toEqual(['/customers/c1', '/customers/c3']);
	});
});
