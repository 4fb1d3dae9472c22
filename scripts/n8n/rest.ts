/** n8n's REST API as the editor calls it: owner set-up, login, credentials, workflows, executions. */
import { randomUUID } from 'crypto';

import type { CredentialImport } from './cli';
import { parseFlatted, type IRunLike } from './run-data';

export interface RestResponse<T = unknown> {
	status: number;
	body: T;
	text: string;
}

/** An execution as n8n's executions list gives it. */
export interface ListedExecution {
	id: string;
	status?: string;
	finished?: boolean;
	mode?: string;
}

const EXECUTION_STATUSES = ['canceled', 'crashed', 'error', 'new', 'running', 'success', 'unknown', 'waiting'];

export class N8nRest {
	private cookie = '';

	/** n8n binds the session to the browser that logged in; the editor sends this header. */
	private readonly browserId = randomUUID();

	constructor(readonly baseUrl: string) {}

	async request<T = unknown>(method: string, urlPath: string, body?: unknown): Promise<RestResponse<T>> {
		const headers: Record<string, string> = { accept: 'application/json', 'browser-id': this.browserId };
		if (body !== undefined) headers['content-type'] = 'application/json';
		if (this.cookie) headers.cookie = this.cookie;
		const response = await fetch(`${this.baseUrl}${urlPath}`, {
			method,
			headers,
			body: body === undefined ? undefined : JSON.stringify(body),
			signal: AbortSignal.timeout(60_000),
		});
		const setCookie = response.headers.getSetCookie?.() ?? [];
		for (const cookie of setCookie) {
			const [pair] = cookie.split(';');
			if (pair.startsWith('n8n-auth=')) this.cookie = pair;
		}
		const text = await response.text();
		let parsed: unknown = text;
		try {
			parsed = text ? JSON.parse(text) : undefined;
		} catch {
			// not JSON
		}
		return { status: response.status, body: parsed as T, text };
	}

	/** Like request, but throws unless 2xx, and unwraps n8n's `{ data }` envelope. */
	async call<T = unknown>(method: string, urlPath: string, body?: unknown): Promise<T> {
		const response = await this.request<{ data?: T }>(method, urlPath, body);
		if (response.status < 200 || response.status >= 300) {
			throw new Error(`${method} ${urlPath} → HTTP ${response.status}: ${response.text.slice(0, 800)}`);
		}
		const envelope = response.body as { data?: T } | undefined;
		return (envelope && typeof envelope === 'object' && 'data' in envelope ? envelope.data : envelope) as T;
	}

	async setupOwner(owner: OwnerAccount): Promise<void> {
		await this.call('POST', '/rest/owner/setup', {
			email: owner.email,
			firstName: owner.firstName,
			lastName: owner.lastName,
			password: owner.password,
		});
	}

	/** Logs in as the owner, setting the owner up first if the instance has none yet (one that has refuses it). */
	async signIn(owner: OwnerAccount): Promise<void> {
		await this.request('POST', '/rest/owner/setup', owner);
		await this.login(owner);
	}

	async login(owner: Pick<OwnerAccount, 'email' | 'password'>): Promise<void> {
		// 1.x and 2.x name the login field differently.
		const response = await this.request('POST', '/rest/login', {
			emailOrLdapLoginId: owner.email,
			email: owner.email,
			password: owner.password,
		});
		if (response.status !== 200) throw new Error(`login failed: HTTP ${response.status} ${response.text.slice(0, 400)}`);
	}

	/**
	 * POST /rest/credentials/test as the editor's "Retry"/"Save" does. Returns n8n's verdict
	 * (`status: 'OK' | 'Error'`, message).
	 */
	async testCredential(credential: CredentialImport): Promise<{ status: string; message: string }> {
		return await this.call('POST', '/rest/credentials/test', { credentials: credential });
	}

	async getWorkflow(id: string): Promise<{ id: string; versionId?: string; active?: boolean; name: string }> {
		return await this.call('GET', `/rest/workflows/${id}`);
	}

	/** Activates (2.x: publishes) a workflow so its production webhook listens. */
	async activateWorkflow(id: string): Promise<void> {
		const workflow = await this.getWorkflow(id);
		const response = await this.request('POST', `/rest/workflows/${id}/activate`, {
			versionId: workflow.versionId,
		});
		if (response.status >= 200 && response.status < 300) return;
		if (response.status !== 404) {
			throw new Error(`activating workflow ${id} failed: HTTP ${response.status} ${response.text.slice(0, 800)}`);
		}
		// n8n 1.x: activation is a PATCH of the workflow.
		await this.call('PATCH', `/rest/workflows/${id}`, { active: true, versionId: workflow.versionId });
	}

	async deactivateWorkflow(id: string): Promise<void> {
		const response = await this.request('POST', `/rest/workflows/${id}/deactivate`, {});
		if (response.status >= 200 && response.status < 300) return;
		const workflow = await this.getWorkflow(id);
		await this.call('PATCH', `/rest/workflows/${id}`, { active: false, versionId: workflow.versionId });
	}

	async listWorkflows(): Promise<Array<{ id: string; name: string; active?: boolean }>> {
		return await this.call('GET', '/rest/workflows');
	}

	/** The newest executions of a workflow, newest first (as the editor's Executions tab lists them). */
	async listExecutions(workflowId: string, limit = 20): Promise<Array<{ id: string; status?: string; finished?: boolean }>> {
		const filter = encodeURIComponent(JSON.stringify({ workflowId }));
		const result = await this.call<{ results?: Array<{ id: string; status?: string; finished?: boolean }> }>(
			'GET',
			`/rest/executions?filter=${filter}&limit=${limit}`,
		);
		return result?.results ?? [];
	}

	/**
	 * Every execution of the given workflows, newest first, 100 a page (n8n's cap). n8n 2.41 pages by
	 * the `nextCursor` it answers (and refuses `lastId`); older releases page by `lastId`, and only when
	 * the filter names statuses (else they answer the latest page again).
	 */
	async allExecutions(workflowIds: string[]): Promise<Array<ListedExecution & { workflowId: string }>> {
		const all = new Map<string, ListedExecution & { workflowId: string }>();
		for (const workflowId of workflowIds) {
			const filter = encodeURIComponent(JSON.stringify({ workflowId, status: EXECUTION_STATUSES }));
			let next = '';
			for (;;) {
				const page = await this.call<{ results?: ListedExecution[]; nextCursor?: string | null }>('GET', `/rest/executions?filter=${filter}&limit=100${next}`);
				const results = (page?.results ?? []).filter((r) => !all.has(r.id));
				for (const r of results) all.set(r.id, { ...r, workflowId });
				if (results.length === 0) break;
				if (page && 'nextCursor' in page) {
					if (!page.nextCursor) break;
					next = `&cursor=${encodeURIComponent(page.nextCursor)}`;
				} else {
					next = `&lastId=${results.reduce((min, r) => (Number(r.id) < Number(min) ? r.id : min), results[0].id)}`;
				}
			}
		}
		return [...all.values()];
	}

	/** One execution with its run data (n8n sends it in the `flatted` format; decoded here). */
	async getExecution(id: string): Promise<{ id: string; status?: string; run: IRunLike }> {
		const execution = await this.call<{ id: string; status?: string; data: string | IRunLike['data'] }>(
			'GET',
			`/rest/executions/${id}`,
		);
		const data = typeof execution.data === 'string' ? (parseFlatted(execution.data) as IRunLike['data']) : execution.data;
		return { id: execution.id, status: execution.status, run: { data } };
	}
}

export interface OwnerAccount {
	email: string;
	firstName: string;
	lastName: string;
	password: string;
}

