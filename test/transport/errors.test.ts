// API errors read clearly (401, 403, 404, 400 with field errors), against the sandbox.
import { runNode } from '../harness';
import { accountUpdate, byId, customerUpdate } from '../fixtures/parameters';
import { asAdmin, asManager, freshSandbox, withBulkCustomers } from '../fixtures/sandbox';

const sandbox = freshSandbox(withBulkCustomers(230));
const admin = () => asAdmin(sandbox);
const manager = () => asManager(sandbox);

describe('API errors read clearly', () => {
	test('401: a wrong token, never shown', async () => {
		const { error } = await runNode({ parameters: customerUpdate({ name: 'x' }), credentials: { baseUrl: sandbox.url, apiToken: 'wrong-token-123' } });
		expect(error?.message).toContain('Not authenticated');
		expect(error?.message).toContain('Not Authenticated');
		expect(JSON.stringify(error)).not.toContain('wrong-token-123');
	});

	test('403: an account update needs the SystemAdministrator role', async () => {
		const { error } = await runNode({ parameters: accountUpdate({ name: 'x' }), credentials: manager() });
		expect(error?.message).toContain('SystemAdministrator');
		expect(error?.message).toContain('Invalid Role');
		expect(error?.httpCode).toBe('403');
	});

	test('404 and 400 with field errors, as error items with "continue on fail"', async () => {
		const { items, error } = await runNode({
			parameters: customerUpdate({ tagIds: '={{ $json.tags }}' }, byId('={{ $json.id }}'), 'replace'),
			items: [{ id: 'cus-acme', tags: 'tag-vip' }, { id: 'cus-missing', tags: 'tag-vip' }, { id: 'cus-bluebird', tags: 'tag-unknown' }],
			continueOnFail: true,
			credentials: admin(),
		});
		expect(error).toBeUndefined();
		expect(items).toHaveLength(3);
		expect(items[0].json.id).toBe('cus-acme');
		expect(items[1].json.error).toContain('Not found');
		expect(items[2].json.error).toContain('refused the request as invalid');
		expect(String(items[2].json.error) + JSON.stringify(items[2].json)).toContain('tag');
	});
});
