import type {
	ICredentialDataDecryptedObject,
	IDataObject,
	IExecuteFunctions,
	IHttpRequestOptions,
	IN8nHttpFullResponse,
	INode,
	IPollFunctions,
	NodeApiError,
} from 'n8n-workflow';
import { sleep } from 'n8n-workflow';

import { ApiResponseError, scrub, toNodeApiError } from './errors';
import { Limiter } from './limiter';
import type { Page } from './paging';
import { requestOptions, type RequestSpec } from './request';
import { retryDelaySeconds, type RetryPolicy } from './retry';
import { secretForms } from './secrets';

/** The n8n contexts that send requests through a client: a node's run, a trigger's poll. */
export type ApiContext = IExecuteFunctions | IPollFunctions;

/** How a client sends: node settings, the same for every request of a run or poll. */
export interface TransportSettings {
	maxInFlight: number;
	retry: RetryPolicy;
	timeoutMs: number;
	/** What every request adds to its options: proxy, certificate checks, timeout. */
	transport: Pick<IHttpRequestOptions, 'proxy' | 'skipSslCertificateValidation' | 'timeout'>;
}

export interface ClientRequest extends RequestSpec {
	/**
	 * Builds the body just before each attempt, once the request holds its slot: a merged body rests
	 * on a read, which must still be the record's state when the write goes out (a resend after a
	 * rate limit waited may have to read again).
	 */
	build?: () => Promise<IDataObject>;
}

/** A sending slot held across several requests: a read and the write that rests on it. */
export class Slot {
	private constructor() {}

	static take(): Slot {
		return new Slot();
	}
}

/**
 * The one way to the API for a run or a poll. It reads the credential once (n8n would decrypt it
 * for every request otherwise), keeps to the in-flight limit, waits out rate limits for the whole
 * run, and turns failures into errors with every form of the secret hidden.
 */
export class Client {
	readonly limiter: Limiter;
	private readonly secrets: string[];
	/** The longest any request of this client took to answer, in ms: how long a write can take to land. */
	slowestMs = 0;
	/** The API this client talks to (the credential's Base URL): records are the same records whoever asks. */
	readonly origin: string;
	/**
	 * The server's clock when it answered this client's first request (its Date header), if it sent
	 * one: a poll's "now" on the clock that dates the records, whatever n8n's clock says.
	 */
	serverTimeMs: number | undefined;

	private constructor(
		private readonly context: ApiContext,
		private readonly credentials: ICredentialDataDecryptedObject,
		private readonly settings: TransportSettings,
	) {
		this.limiter = new Limiter(settings.maxInFlight);
		this.secrets = secretForms(credentials);
		this.origin = String(credentials.baseUrl ?? '').trim().replace(/\/+$/, '').toLowerCase();
	}

	static async open(context: ApiContext, settings: TransportSettings): Promise<Client> {
		return new Client(context, await context.getCredentials('evoVoiceApi'), settings);
	}

	/**
	 * Sends one request, retried as the retry policy allows. With a `slot` the caller already holds
	 * one (see `withSlot`); otherwise each attempt takes its own, and none is held while waiting.
	 */
	async request<T = IDataObject>(spec: ClientRequest, slot?: Slot): Promise<T | undefined> {
		let waited = 0;
		for (let tries = 0; ; tries++) {
			let failure: unknown;
			if (!slot) await this.limiter.acquire();
			try {
				const body = spec.build ? await spec.build() : spec.body;
				return (await this.send({ ...spec, body })) as T | undefined;
			} catch (error) {
				failure = error;
			} finally {
				if (!slot) this.limiter.release();
			}
			const { maxRetries, maxWaitSeconds } = this.settings.retry;
			const delay = tries < maxRetries ? retryDelaySeconds(failure, spec.method, tries) : undefined;
			// Re-thrown as it came: the caller turns it into the error the user sees.
			if (delay === undefined || waited + delay > maxWaitSeconds) throw failure;
			waited += delay;
			if (failure instanceof ApiResponseError && failure.retryAfterSeconds !== undefined) this.limiter.pause(delay);
			await sleep(delay * 1000);
		}
	}

	/**
	 * Holds one slot of the in-flight limit for several requests: a read and the write laid over it
	 * go out back to back, with nothing of this run queued between them.
	 */
	async withSlot<T>(work: (slot: Slot) => Promise<T>): Promise<T> {
		await this.limiter.acquire();
		try {
			return await work(Slot.take());
		} finally {
			this.limiter.release();
		}
	}

	/** A GET whose answer must be an object (an entity, a page, settings). */
	async read<T = IDataObject>(path: string, qs: IDataObject = {}, slot?: Slot): Promise<T> {
		const result = await this.request<T>({ method: 'GET', path, qs }, slot);
		if (result === undefined) throw new ApiResponseError(200, {}, '', 'malformed');
		return result;
	}

	async page<T>(path: string, qs: IDataObject, page: number, countPerPage: number): Promise<Page<T>> {
		return await this.read<Page<T>>(path, { ...qs, page, countPerPage });
	}

	private async send(spec: RequestSpec): Promise<unknown> {
		const started = Date.now();
		const response = (await this.context.helpers.httpRequestWithAuthentication.call(
			this.context,
			'evoVoiceApi',
			requestOptions(spec, { returnFullResponse: true, ignoreHttpStatusErrors: true, ...this.settings.transport }),
			{ credentialsDecrypted: { id: '', name: 'evoVoiceApi', type: 'evoVoiceApi', data: this.credentials } },
		)) as IN8nHttpFullResponse;
		this.slowestMs = Math.max(this.slowestMs, Date.now() - started);
		const { statusCode: status, headers, body } = response;
		if (this.serverTimeMs === undefined) {
			const date = Date.parse(String(headers?.date ?? ''));
			if (Number.isFinite(date)) this.serverTimeMs = date;
		}
		if (status >= 400) throw new ApiResponseError(status, headers, body);
		if (status === 204 || body === undefined || body === null || body === '') return undefined;
		if (typeof body !== 'object' || Buffer.isBuffer(body)) throw new ApiResponseError(status, headers, body, 'malformed');
		return body;
	}

	get node(): INode {
		return this.context.getNode();
	}

	/** The error a user sees for a failed request of item `itemIndex` (or, for a poll, of what `where` names). */
	apiError(error: unknown, itemIndex: number, where?: string): NodeApiError {
		return toNodeApiError(this.context.getNode(), error, itemIndex, this.secrets, this.settings.timeoutMs, where);
	}

	scrub(text: string): string {
		return scrub(text, this.secrets);
	}
}
