// The outcomes of a run: the summary of a stopped run, item ranges as people count them, and the error that names what was applied.
import { describeItems, summarize } from '../../nodes/EvoVoice/executor/outcomes';
import { runNode } from '../harness';
import { byId, customerUpdate } from '../fixtures/parameters';
import { asAdmin, freshSandbox, withBulkCustomers } from '../fixtures/sandbox';

test('the summary of a stopped run', () => {
	expect(summarize([{ stage: 'applied' }, { stage: 'applied' }, { stage: 'failed' }, { stage: 'notSent' }, { stage: 'resolved' }])).toBe(
		'Applied (2): items 1–2. Failed (1): item 3. Not sent (2): items 4–5.',
	);
});

test('item ranges read as people count', () => {
	expect(describeItems([0, 1, 2, 4, 6, 7])).toBe('items 1–3, 5, 7–8');
	expect(describeItems([9])).toBe('item 10');
});

describe('API errors read clearly', () => {
	const sandbox = freshSandbox(withBulkCustomers(230));
	const admin = () => asAdmin(sandbox);

	test('without "continue on fail" the error says which items were applied and which were not sent', async () => {
		const ids = ['cus-acme', 'cus-bluebird', 'cus-missing', ...Array.from({ length: 20 }, (_, i) => `cus-bulk-${String(i + 1).padStart(5, '0')}`)];
		const { error } = await runNode({
			parameters: { ...customerUpdate({ referenceId: '={{ "n8n-" + $json.id }}' }, byId('={{ $json.id }}')), requestOptions: { maxConcurrency: 1 } },
			items: ids.map((id) => ({ id })),
			credentials: admin(),
		});
		expect(error?.message).toContain('Not found');
		expect(error?.description).toContain('Item 3, HTTP 404.');
		expect(error?.description).toContain('Applied (2): items 1–2.');
		expect(error?.description).toContain('Failed (1): item 3.');
		expect(error?.description).toContain('Not sent (20): items 4–23.');
		expect(sandbox.log.filter((e) => e.method === 'PATCH')).toHaveLength(3);
	});
});
