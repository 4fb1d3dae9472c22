import http from 'node:http';
import type { AddressInfo } from 'node:net';

export interface RecordedRequest {
	method: string;
	url: string;
	headers: http.IncomingHttpHeaders;
	body: unknown;
	rawBody: string;
}

export interface Recorder {
	url: string;
	requests: RecordedRequest[];
	close(): Promise<void>;
}

type Reply = (request: RecordedRequest) => { status?: number; body?: unknown; headers?: Record<string, string> };

/**
 * A bare HTTP server that records every request exactly as it arrived (headers included, which
 * the sandbox redacts) and answers with what the test says.
 */
export async function startRecorder(reply: Reply = (r) => ({ body: { id: 'echo', ...(r.body as object) } })): Promise<Recorder> {
	const requests: RecordedRequest[] = [];
	const server = http.createServer((req, res) => {
		const chunks: Buffer[] = [];
		req.on('data', (chunk: Buffer) => chunks.push(chunk));
		req.on('end', () => {
			const rawBody = Buffer.concat(chunks).toString('utf8');
			let body: unknown = undefined;
			try {
				body = rawBody ? JSON.parse(rawBody) : undefined;
			} catch {
				body = rawBody;
			}
			const recorded = { method: req.method ?? '', url: req.url ?? '', headers: req.headers, body, rawBody };
			requests.push(recorded);
			const answer = reply(recorded);
			res.writeHead(answer.status ?? 200, { 'content-type': 'application/json', ...(answer.headers ?? {}) });
			res.end(answer.body === undefined ? '' : JSON.stringify(answer.body));
		});
	});
	await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
	const { port } = server.address() as AddressInfo;
	return {
		url: `http://127.0.0.1:${port}`,
		requests,
		close: () =>
			new Promise<void>((resolve) => {
				server.closeAllConnections();
				server.close(() => resolve());
			}),
	};
}
