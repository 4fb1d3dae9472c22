import { say, short } from '../checks';
import { sandboxCredentials } from '../fixtures';
import type { Step } from './types';

/** The credential test as the editor runs it: good secrets pass, wrong ones fail, at the sandbox. */
export const credentialTestStep: Step = {
	name: 'credential test through n8n (POST /rest/credentials/test)',
	needsServer: true,
	async run({ rest, sandbox: sb, checks }) {
		const [token, basic] = sandboxCredentials(sb.url);
		const authCount = () => sb.log.filter((entry) => entry.route.startsWith('GET /auth')).length;
		const authBefore = authCount();
		const good = await rest.testCredential(token);
		checks.equal('credential test: good token passes', good?.status, 'OK');
		const wrong = await rest.testCredential({ ...token, data: { ...token.data, apiToken: 'not-a-valid-token' } });
		checks.ok('credential test: wrong token fails', wrong?.status === 'Error', () => `got ${short(wrong)}`);
		say(`    good token: ${good?.status} ${good?.message ?? ''}; wrong token: ${wrong?.status} ${wrong?.message ?? ''}`);
		const basicGood = await rest.testCredential(basic);
		checks.equal('credential test: email and password pass', basicGood?.status, 'OK');
		const basicWrong = await rest.testCredential({ ...basic, data: { ...basic.data, password: 'wrong-password' } });
		checks.ok('credential test: wrong password fails', basicWrong?.status === 'Error', () => `got ${short(basicWrong)}`);
		const authAfter = authCount();
		checks.ok('credential test reached the sandbox', authAfter - authBefore >= 4, () => `${authAfter - authBefore} auth requests`);
	},
};
