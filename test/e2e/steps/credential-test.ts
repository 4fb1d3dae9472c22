import { CREDENTIAL_TEST_MESSAGES as M, tlsReasons } from '../../../nodes/EvoVoice/model/messages';
import { say, short } from '../checks';
import { sandboxCredentials } from '../../../scripts/n8n/project';
import { freePort } from '../../../scripts/n8n/processes';
import type { Step } from './types';

/**
 * The credential test as the editor runs it: good secrets pass, wrong ones fail, at the sandbox,
 * each failure saying what to fix; so does a Base URL where nothing answers. n8n runs the node's
 * `testedBy` function here only because the credential has no declarative `test` of its own.
 */
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
		checks.equal('credential test: a wrong token says to check the API Token', wrong?.message, M.refused);
		say(`    good token: ${good?.status} ${good?.message ?? ''}; wrong token: ${wrong?.status} ${wrong?.message ?? ''}`);
		const basicGood = await rest.testCredential(basic);
		checks.equal('credential test: email and password pass', basicGood?.status, 'OK');
		const basicWrong = await rest.testCredential({ ...basic, data: { ...basic.data, password: 'wrong-password' } });
		checks.ok('credential test: wrong password fails', basicWrong?.status === 'Error', () => `got ${short(basicWrong)}`);
		const notApi = await rest.testCredential({ ...token, data: { ...token.data, baseUrl: `${sb.url}/not-the-api` } });
		checks.equal('credential test: a Base URL that is not the API (404) says to check it', notApi?.message, M.notEvoVoice);
		// A port bound, then released: nothing listens there.
		const at = `http://127.0.0.1:${await freePort()}`;
		const closed = await rest.testCredential({ ...token, data: { ...token.data, baseUrl: at } });
		checks.equal('credential test: a closed port says nothing answers there and to check the Base URL', closed?.message, M.connectionRefused(at));
		say(`    closed port: ${closed?.status} ${closed?.message ?? ''}`);
		// https:// where the host speaks plain HTTP: the TLS handshake fails (n8n's own client, its TLS settings).
		const secure = sb.url.replace(/^http:/, 'https:');
		const tls = await rest.testCredential({ ...token, data: { ...token.data, baseUrl: secure } });
		const tlsMessages = [M.tls(secure, tlsReasons.EPROTO), M.tls(secure, tlsReasons.ERR_SSL_WRONG_VERSION_NUMBER)];
		checks.ok('credential test: https:// to a plain-HTTP host says the TLS connection failed and to check the Base URL', tlsMessages.includes(tls?.message ?? ''), () => `got ${short(tls)}`);
		say(`    https to http: ${tls?.status} ${tls?.message ?? ''}`);
		const authAfter = authCount();
		checks.ok('credential test reached the sandbox', authAfter - authBefore >= 4, () => `${authAfter - authBefore} auth requests`);
		// Send Token As, in real n8n: a host that refuses Bearer and takes the token in the ss-tok cookie.
		sb.setSemantics({ auth: { bearer: false, tokenCookie: true } });
		try {
			const cookie = await rest.testCredential({ ...token, data: { ...token.data, sendAs: 'tokenCookie' } });
			checks.equal('credential test: the token as ss-tok cookie passes where Bearer is refused', cookie?.status, 'OK');
			const bearer = await rest.testCredential(token);
			checks.ok('credential test: Bearer fails on that host', bearer?.status === 'Error', () => `got ${short(bearer)}`);
		} finally {
			sb.setSemantics({});
		}
	},
};
