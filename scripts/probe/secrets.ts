// Every secret the probe holds or is handed (token, password, session IDs, tokens the server
// returns), in every form it may travel in. Anything the probe keeps for its report passes
// through scrub(), and the report and JSON are scrubbed once more as whole texts before writing.

export const REDACTED = '[redacted]';

export class Secrets {
	private readonly forms = new Set<string>();

	/** Registers a secret; values too short to be secrets are refused rather than over-scrubbing. */
	add(secret: string | undefined, partner?: string): void {
		if (!secret || secret.length < 4) return;
		const add = (form: string) => form.length >= 4 && this.forms.add(form);
		add(secret);
		add(encodeURIComponent(secret));
		add(JSON.stringify(secret).slice(1, -1));
		add(Buffer.from(`${secret}:`).toString('base64'));
		if (partner !== undefined) add(Buffer.from(`${partner}:${secret}`).toString('base64'));
	}

	/** Base64 of `user:password`: the form HTTP Basic sends. */
	addLogin(email: string | undefined, password: string | undefined): void {
		if (!password) return;
		this.add(password, email ?? '');
	}

	scrub(text: string): string {
		let out = text;
		// Longest first, so a form that contains another is replaced whole.
		for (const form of [...this.forms].sort((a, b) => b.length - a.length)) out = out.split(form).join(REDACTED);
		return out;
	}

	/** A deep copy of a JSON value with every string scrubbed. */
	scrubValue<T>(value: T): T {
		return JSON.parse(this.scrub(JSON.stringify(value ?? null))) as T;
	}

	/** True if `text` holds any form of any secret (the tests' and the writer's last check). */
	leaks(text: string): boolean {
		for (const form of this.forms) if (text.includes(form)) return true;
		return false;
	}
}
