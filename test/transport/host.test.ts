// The token goes only to the credential's host: IDs stay path segments, and n8n's credential domain restrictions hold.
import { EvoVoiceApi } from '../../credentials/EvoVoiceApi.credentials';
import { runNode } from '../harness';
import { byId, customerUpdate } from '../fixtures/parameters';
import { useUpdateRecorder } from '../fixtures/recorder';
import { asAdmin, freshSandbox, withBulkCustomers } from '../fixtures/sandbox';

describe('the token goes only to the credential\'s host', () => {
	const { api, credentials } = useUpdateRecorder();

	test.each(['https://evil.example/steal', '//evil.example/x', 'http:evil.example'])('an ID of %j stays a path segment on the base URL', async (id) => {
		const result = await runNode({ parameters: customerUpdate({ name: 'x' }, byId(id), 'replace'), credentials: credentials() });
		expect(result.error).toBeUndefined();
		expect(api.requests).toHaveLength(1);
		expect(api.requests[0].url).toBe(`/customers/${encodeURIComponent(id)}`);
		expect(api.requests[0].headers.host).toBe(new URL(api.url).host);
	});
});

// The credential test (GET /auth through n8n's request helper) is in test/methods/credentialTest.test.ts.

describe("n8n 2.x credential domain restrictions", () => {
	const sandbox = freshSandbox(withBulkCustomers(230));
	const admin = () => asAdmin(sandbox);

	test('n8n adds its restriction fields to this credential, and the node keeps to the credential host under them', async () => {
		const { injectDomainRestrictionFields } = await import('n8n-workflow');
		const properties = injectDomainRestrictionFields(new EvoVoiceApi());
		expect(properties.map((p) => p.name)).toEqual(expect.arrayContaining(['allowedHttpRequestDomains', 'allowedDomains']));
		const { error } = await runNode({
			parameters: customerUpdate({ name: 'Restricted' }),
			credentials: { ...admin(), allowedHttpRequestDomains: 'domains', allowedDomains: '127.0.0.1' },
		});
		expect(error).toBeUndefined();
		expect(sandbox.state.customers['cus-acme'].name).toBe('Restricted');
	});
});
