// Customer › Update's data values: wrapped by type into the body, and typed from the field definitions of the account (sandbox).
import { runNode } from '../harness';
import { byId, customerUpdate } from '../fixtures/parameters';
import { useUpdateRecorder } from '../fixtures/recorder';
import { asAdmin, sandboxView, startEach, withBulkCustomers } from '../fixtures/sandbox';

const sandbox = sandboxView();
const admin = () => asAdmin(sandbox);

describe('Customer › Update', () => {
	const { api, credentials, update } = useUpdateRecorder();

	test('data values are wrapped by type; JSON values become lists or structs', async () => {
		const { request } = await update({
			data: {
				values: [
					{ name: 'Plan', type: 'string', stringValue: 'Pro' },
					{ name: 'Seats', type: 'number', numberValue: 12 },
					{ name: 'Vip', type: 'boolean', boolValue: true },
					{ name: 'Locations', type: 'json', jsonValue: '[{"city": "Austin"}, {"city": "Boston"}]' },
					{ name: 'Address', type: 'json', jsonValue: '{"street": "1 Main St", "zip": 73301}' },
				],
			},
		});
		expect(request.body).toEqual({
			data: {
				Plan: { stringValue: 'Pro' },
				Seats: { numberValue: 12 },
				Vip: { boolValue: true },
				Locations: { listValue: [{ city: { stringValue: 'Austin' } }, { city: { stringValue: 'Boston' } }] },
				Address: { structValue: { street: { stringValue: '1 Main St' }, zip: { numberValue: 73301 } } },
			},
		});
	});

	test('a whole data object from JSON: plain values wrapped, wrapped values kept, typed values win', async () => {
		const { request } = await update({
			dataJson: '{"Plan": "Basic", "Seats": {"numberValue": 3}, "Vip": false}',
			data: { values: [{ name: 'Plan', type: 'string', stringValue: 'Enterprise' }] },
		});
		expect(request.body).toEqual({
			data: { Plan: { stringValue: 'Enterprise' }, Seats: { numberValue: 3 }, Vip: { boolValue: false } },
		});
	});

	test('a data object from an expression', async () => {
		const result = await runNode({
			parameters: customerUpdate({ dataJson: '={{ $json.crm }}' }, byId('cus-acme'), 'replace'),
			items: [{ crm: { Plan: 'Pro', Seats: 4 } }],
			credentials: credentials(),
		});
		expect(result.error).toBeUndefined();
		expect(api.requests[0].body).toEqual({ data: { Plan: { stringValue: 'Pro' }, Seats: { numberValue: 4 } } });
	});
});

describe("data values typed from the field's definition", () => {
	startEach(sandbox, withBulkCustomers(230));
	const auto = (name: string, value: string) => ({ name, type: 'auto', value });

	test('text from a webhook is wrapped as each field is defined on the account', async () => {
		const { error } = await runNode({
			parameters: customerUpdate(
				{ data: { values: [auto('Plan', 'Pro'), auto('Seats', '={{ $json.seats }}'), auto('Vip', 'yes'), auto('Locations', '[{"city": "Austin"}]')] } },
				byId('cus-bluebird'),
				'replace',
			),
			items: [{ seats: '40' }],
			credentials: admin(),
		});
		expect(error).toBeUndefined();
		expect(sandbox.state.customers['cus-bluebird'].data).toEqual({
			Plan: { stringValue: 'Pro' },
			Seats: { numberValue: 40 },
			Vip: { boolValue: true },
			Locations: { listValue: [{ city: { stringValue: 'Austin' } }] },
		});
		// The definitions are read once per run, not once per item.
		expect(sandbox.log.filter((e) => e.path === '/system/settings')).toHaveLength(1);
	});

	test.each([
		[auto('Seats', 'forty'), 'Data Values › Seats (data.Seats) is a Number field; the text "forty" is not a number'],
		[auto('Vip', 'maybe'), 'is a Boolean field; the text "maybe" is not true or false'],
		[auto('Colour', 'red'), 'is not a customer data field of this customer\'s account (its fields: Plan, Seats, Vip, Locations, Address)'],
	])('%j is refused, naming the field and the value, and nothing is patched', async (entry, message) => {
		const { error } = await runNode({ parameters: customerUpdate({ data: { values: [entry] } }), credentials: admin() });
		expect(error?.message).toContain(message);
		expect(sandbox.log.filter((e) => e.method === 'PATCH')).toHaveLength(0);
	});
});
