import type {
	ICredentialDataDecryptedObject,
	ICredentialType,
	IHttpRequestOptions,
	INodeProperties,
	Icon,
} from 'n8n-workflow';

export type EvoVoiceAuthType = 'apiToken' | 'basicAuth';

/**
 * How the API token travels: the ways a ServiceStack host's API-key, JWT and session providers
 * take a token. `npm run probe` reports which one a server accepts. Credentials saved before this
 * option existed have no value for it and keep sending Bearer.
 */
export type EvoVoiceTokenTransport = 'bearer' | 'basicToken' | 'tokenCookie' | 'tokenSessionHeader' | 'apiKeyQuery' | 'tokenQuery';

function sendToken(token: string, transport: EvoVoiceTokenTransport, requestOptions: IHttpRequestOptions): void {
	const headers = { ...(requestOptions.headers ?? {}) };
	if (transport === 'basicToken') headers.Authorization = `Basic ${Buffer.from(`${token}:`).toString('base64')}`;
	else if (transport === 'tokenCookie') headers.Cookie = `ss-tok=${token}`;
	else if (transport === 'tokenSessionHeader') headers['X-ss-id'] = token;
	else if (transport === 'apiKeyQuery' || transport === 'tokenQuery') {
		requestOptions.qs = { ...(requestOptions.qs ?? {}), [transport === 'apiKeyQuery' ? 'apikey' : 'ss-tok']: token };
	} else headers.Authorization = `Bearer ${token}`;
	requestOptions.headers = headers;
}

// A function rather than a generic `authenticate` object: the credential offers several schemes and
// a function chooses one without squeezing base64 and a branch into an expression string.
export async function authenticateEvoVoice(
	credentials: ICredentialDataDecryptedObject,
	requestOptions: IHttpRequestOptions,
): Promise<IHttpRequestOptions> {
	const authType = (credentials.authType ?? 'apiToken') as EvoVoiceAuthType;
	if (authType === 'basicAuth') {
		const basic = Buffer.from(`${String(credentials.email ?? '')}:${String(credentials.password ?? '')}`).toString('base64');
		requestOptions.headers = { ...(requestOptions.headers ?? {}), Authorization: `Basic ${basic}` };
	} else {
		const transport = (credentials.sendAs || 'bearer') as EvoVoiceTokenTransport;
		sendToken(String(credentials.apiToken ?? '').trim(), transport, requestOptions);
	}
	// The node's requests are relative paths: they go to this credential's host and nowhere else.
	// Setting it here, not in the node's requestDefaults, also spares n8n's routing engine an
	// expression it would evaluate twice for every item.
	if (!/^https?:\/\//i.test(String(requestOptions.url ?? ''))) {
		requestOptions.baseURL = String(credentials.baseUrl ?? 'https://evovoice.io').replace(/\/+$/, '');
	}
	return requestOptions;
}

export class EvoVoiceApi implements ICredentialType {
	name = 'evoVoiceApi';

	displayName = 'Evo Voice API';

	icon: Icon = { light: 'file:../icons/evovoice.svg', dark: 'file:../icons/evovoice.dark.svg' };

	documentationUrl = 'https://github.com/evovoice/n8n-nodes-evovoice/blob/main/README.md';

	properties: INodeProperties[] = [
		{
			displayName: 'Base URL',
			name: 'baseUrl',
			type: 'string',
			default: 'https://evovoice.io',
			placeholder: 'https://evovoice.io',
			description:
				'Address of the Evo Voice API. Use https://team.evovoice.io for staging, or your own host.',
			required: true,
		},
		{
			displayName: 'Authentication',
			name: 'authType',
			type: 'options',
			options: [
				{
					name: 'API Token',
					value: 'apiToken',
					description: 'Sends the token as "Authorization: Bearer …"',
				},
				{
					name: 'Email and Password',
					value: 'basicAuth',
					description: 'Sends your Evo Voice login with HTTP Basic authentication',
				},
			],
			default: 'apiToken',
		},
		{
			displayName: 'API Token',
			name: 'apiToken',
			type: 'string',
			typeOptions: { password: true },
			default: '',
			required: true,
			description:
				'A token Evo Voice issues for your user: ask your Evo Voice administrator (a system administrator or manager issues tokens) and paste it whole. Or choose Email and Password above.',
			displayOptions: { show: { authType: ['apiToken'] } },
		},
		{
			displayName: 'Send Token As',
			name: 'sendAs',
			type: 'options',
			options: [
				{
					name: 'Authorization: Bearer (Default)',
					value: 'bearer',
					description: 'Sends "Authorization: Bearer <token>", as most Evo Voice hosts expect',
				},
				{
					name: 'Basic, Token as User Name',
					value: 'basicToken',
					description: 'Sends the token as the HTTP Basic user name with an empty password',
				},
				{
					name: 'Ss-Tok Cookie',
					value: 'tokenCookie',
					description: 'Sends the token in the ss-tok cookie',
				},
				{
					name: 'X-Ss-ID Header',
					value: 'tokenSessionHeader',
					description: 'Sends the token as a session ID in the X-ss-id header',
				},
				{
					name: 'Apikey Query Parameter',
					value: 'apiKeyQuery',
					description: 'Adds ?apikey=<token> to every request. The token then appears in URLs and server logs.',
				},
				{
					name: 'Ss-Tok Query Parameter',
					value: 'tokenQuery',
					description: 'Adds ?ss-tok=<token> to every request. The token then appears in URLs and server logs.',
				},
			],
			default: 'bearer',
			description:
				'How the token travels. Keep Bearer unless `npm run probe` showed your host takes the token another way.',
			displayOptions: { show: { authType: ['apiToken'] } },
		},
		{
			displayName: 'Email',
			name: 'email',
			type: 'string',
			placeholder: 'name@email.com',
			default: '',
			required: true,
			displayOptions: { show: { authType: ['basicAuth'] } },
		},
		{
			displayName: 'Password',
			name: 'password',
			type: 'string',
			typeOptions: { password: true },
			default: '',
			required: true,
			displayOptions: { show: { authType: ['basicAuth'] } },
		},
	];

	authenticate = authenticateEvoVoice;

	// No declarative `test`: n8n would run it instead of the node's `testedBy` (see
	// nodes/EvoVoice/methods/credentialTest.ts), and say no more than ECONNREFUSED when nothing answers.
}
