// Building live state from a seed, and the optional state file.
import { existsSync, readFileSync } from 'node:fs';
import { rename, writeFile } from 'node:fs/promises';
import { mapRecord } from './record';
import type { CustomerInfo, SandboxState, SeedData } from './types';

/** Deep-copies a seed into keyed records; derived customer fields are dropped (recomputed on read). */
export function stateFromSeed(seed: SeedData): SandboxState {
	const copy = structuredClone(seed);
	const state: SandboxState = {
		accounts: mapRecord(), customers: mapRecord(), users: copy.users, systemSettings: copy.systemSettings, nextId: 1,
		sessions: mapRecord(), notifications: mapRecord(), nextSessionId: 1, nextNotificationId: 1,
	};
	for (const a of copy.accounts) state.accounts[a.id] = a;
	for (const c of copy.customers) state.customers[c.id] = stripDerived(c);
	for (const s of copy.sessions ?? []) state.sessions[s.id] = stripOwner(s);
	for (const n of copy.notifications ?? []) state.notifications[n.id] = stripOwner(n);
	return state;
}

function stripDerived(c: CustomerInfo): CustomerInfo {
	delete c.breadcrumb;
	delete c.accountName;
	return c;
}

function stripOwner<T extends { accountName?: string; customerName?: string; customerBreadcrumb?: unknown }>(r: T): T {
	delete r.accountName;
	delete r.customerName;
	delete r.customerBreadcrumb;
	return r;
}

/** State as GET /__sandbox/state shows it: no passwords or tokens, ever. */
export function redactedState(state: SandboxState): unknown {
	return {
		...state,
		users: state.users.map(({ password, token, ...rest }) => ({ ...rest, hasPassword: !!password, hasToken: !!token })),
	};
}

/**
 * Persists state to a JSON file: loaded at start when present, written (debounced) after writes
 * and at close. Writes go to a temp file then rename, so a crash never leaves half a file.
 */
export class StateFile {
	private timer: NodeJS.Timeout | undefined;
	private chain: Promise<void> = Promise.resolve();

	constructor(
		private readonly file: string,
		private readonly current: () => SandboxState,
		private readonly debounceMs = 250,
	) {}

	load(): SandboxState | undefined {
		if (!existsSync(this.file)) return undefined;
		const parsed = JSON.parse(readFileSync(this.file, 'utf8')) as Partial<SandboxState>;
		if (!parsed || typeof parsed !== 'object' || !parsed.accounts || !parsed.customers || !parsed.users) {
			throw new Error(`sandbox: ${this.file} is not a sandbox state file`);
		}
		// Files written before sessions and notifications existed load with none.
		return {
			systemSettings: {},
			nextId: 1,
			nextSessionId: 1,
			nextNotificationId: 1,
			...parsed,
			accounts: mapRecord(parsed.accounts),
			customers: mapRecord(parsed.customers),
			sessions: mapRecord(parsed.sessions ?? {}),
			notifications: mapRecord(parsed.notifications ?? {}),
		} as SandboxState;
	}

	schedule(): void {
		if (this.timer) return;
		this.timer = setTimeout(() => {
			this.timer = undefined;
			void this.write();
		}, this.debounceMs);
		this.timer.unref();
	}

	async flush(): Promise<void> {
		if (this.timer) clearTimeout(this.timer);
		this.timer = undefined;
		await this.write();
	}

	private write(): Promise<void> {
		const text = JSON.stringify(this.current(), null, 1);
		const tmp = `${this.file}.${process.pid}.tmp`;
		// Chained so two writes never race on the temp file.
		this.chain = this.chain.then(async () => {
			await writeFile(tmp, text);
			await rename(tmp, this.file);
		}).catch((err) => {
			process.emitWarning(`sandbox: could not save state to ${this.file}: ${String(err)}`);
		});
		return this.chain;
	}
}
