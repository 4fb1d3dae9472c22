import type { ICredentialDataDecryptedObject } from 'n8n-workflow';

const base64 = (text: string) => Buffer.from(text).toString('base64');

/** The ways a secret can be echoed back: as sent, JSON-escaped, or URL-encoded. */
function spellings(secret: string): string[] {
	return [secret, JSON.stringify(secret).slice(1, -1), encodeURIComponent(secret)];
}

/**
 * Every form of the credential's secrets that a request can carry, so that none of them reaches an
 * output, an error or a log however the API echoes it: the token as saved (a trailing newline
 * included) and trimmed, the Bearer and Basic header values, email:password and its base64, the
 * password alone, and each other way the credential's Send Token As sends the token (the Basic user
 * name, the cookie, the query value). A new way of sending the token is one more line here. Longest first, so that a
 * header value is hidden whole rather than around a hidden token inside it.
 */
export function secretForms(credentials: ICredentialDataDecryptedObject): string[] {
	const text = (value: unknown) => (typeof value === 'string' ? value : '');
	const token = text(credentials.apiToken);
	const email = text(credentials.email);
	const password = text(credentials.password);
	const forms: string[] = [];
	for (const t of new Set([token, token.trim()])) {
		if (!t) continue;
		forms.push(t, `Bearer ${t}`, base64(t));
		forms.push(base64(`${t}:`), `Basic ${base64(`${t}:`)}`, `ss-tok=${t}`, new URLSearchParams({ t }).toString().slice(2));
	}
	if (password) {
		for (const p of new Set([password, password.trim()])) {
			const pair = `${email}:${p}`;
			forms.push(p, pair, base64(pair), `Basic ${base64(pair)}`);
		}
	}
	const all = new Set(forms.flatMap(spellings).filter((form) => form.trim().length >= 4));
	return [...all].sort((a, b) => b.length - a.length);
}
