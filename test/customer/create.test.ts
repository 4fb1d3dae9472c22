// Customer › Create against the sandbox: data values typed by the fields of the account it names.
import { runNode } from '../harness';
import { byId } from '../fixtures/parameters';
import { asAdmin, freshSandbox, withBulkCustomers } from '../fixtures/sandbox';

const sandbox = freshSandbox(withBulkCustomers(230));
const admin = () => asAdmin(sandbox);

describe("data values typed from the field's definition", () => {
	const auto = (name: string, value: string) => ({ name, type: 'auto', value });

	test('a create wraps them by the account it names', async () => {
		const { items, error } = await runNode({
			parameters: { resource: 'customer', operation: 'create', accountId: byId('acc-reseller'), name: 'Echo Dental', additionalFields: { data: { values: [auto('Seats', '3')] } } },
			credentials: admin(),
		});
		expect(error).toBeUndefined();
		expect(sandbox.state.customers[String(items[0].json.id)].data).toEqual({ Seats: { numberValue: 3 } });
	});
});
