/**
 * Bench section: issue #20's CRM burst, timed — 300 CRM events for 20 customers (each adds a tag
 * and sets a billing value), 20 senders at once, every API route answering 50 ms late, through
 * production webhooks of `n8n start` (regular mode: one process runs every execution). The burst
 * itself is the end-to-end suite's (test/e2e/concurrency/: traffic, workflows, accounting): this
 * runs it per variant and reads its figures from what it measures — wall time (first POST to last
 * answer), requests per event by route (the 36 workflows' first look-ups included), and events
 * lost (executions that succeeded whose tag or billing value is missing in the end). Its checks
 * are reported, not counted as bench failures: `before` is expected to lose events.
 *
 * Variants whose node has Confirm Changes run the burst once more with it off (the same
 * workflows, Request Options › Confirm Changes off).
 */
import { defaultSeed, startSandbox } from '../../sandbox';
import { importCredentials, N8nRest, startServer } from '../../scripts/n8n';
import { OWNER, sandboxCredentials } from '../../scripts/n8n/project';
import { Checks } from '../../test/e2e/checks';
import type { Target } from '../../test/e2e/concurrency/accounting';
import { concurrencyBurst } from '../../test/e2e/concurrency/burst';
import { CUSTOMERS, EVENTS_PER_CUSTOMER, LATENCY_MS, SENDERS } from '../../test/e2e/concurrency/traffic';
import type { BenchContext } from '../context';
import { SETTINGS, say } from '../settings';
import { table } from '../stats';
import { packageKnows } from './merge-latency';

export interface BurstResult {
	variant: string;
	confirm: 'default' | 'off';
	/** What the burst measured, as it words it (key without its "burst (regular): " label). */
	measured: Record<string, string | number>;
	seconds: number;
	requestsPerEvent: number;
	requestsByRoute: string;
	lost: number;
	succeeded: number;
	answered200: string;
	checksFailed: string[];
}

/** "3.42 (GET /customers/:id 1.40, …)" → 3.42 and the part in brackets. */
function parsePerEvent(text: string): { total: number; routes: string } {
	const match = /^([\d.]+)\s*\((.*)\)$/.exec(text.trim());
	return { total: match ? Number(match[1]) : NaN, routes: match?.[2] ?? text };
}

export async function burstScenario(ctx: BenchContext): Promise<string[][]> {
	if (SETTINGS.skip.has('burst')) return [];
	const all: BurstResult[] = [];
	const sb = await startSandbox({ host: '127.0.0.1', port: 0, seed: defaultSeed(), logLimit: 50 });
	try {
		for (const variant of ctx.variants) {
			const instance = variant.instance!;
			await importCredentials(instance, sandboxCredentials(sb.url));
			const server = await startServer(instance);
			try {
				const rest = new N8nRest(server.baseUrl);
				await rest.signIn(OWNER);
				const settings: Array<{ confirm: BurstResult['confirm']; requestOptions?: Record<string, unknown> }> = [{ confirm: 'default' }];
				if (packageKnows(variant, 'confirmChanges')) settings.push({ confirm: 'off', requestOptions: { confirmChanges: false } });
				for (const setting of settings) {
					say(`[bench] burst: ${CUSTOMERS * EVENTS_PER_CUSTOMER} CRM events for ${CUSTOMERS} customers, ${SENDERS} at once, API latency ${LATENCY_MS} ms, Confirm Changes ${setting.confirm} [${variant.label}]`);
					sb.reset();
					const checks = new Checks(`bench burst ${variant.label}`);
					const measured: Record<string, string | number> = {};
					const target: Target = {
						mode: 'regular',
						baseUrl: server.baseUrl,
						rest,
						requestOptions: setting.requestOptions,
						sb,
						checks,
						measure: (key, value) => (measured[key.replace(/^burst \([a-z]+\): /, '')] = value),
					};
					try {
						await concurrencyBurst(target);
					} catch (error) {
						ctx.failures.push(`burst [${variant.label}, confirm ${setting.confirm}]: ${error instanceof Error ? error.message : String(error)}`);
						continue;
					}
					const perEvent = parsePerEvent(String(measured['requests per event'] ?? ''));
					const lost = /^(\d+)\/(\d+)/.exec(String(measured['lost (succeeded, change missing)'] ?? ''));
					const result: BurstResult = {
						variant: variant.label,
						confirm: setting.confirm,
						measured,
						seconds: Number.parseFloat(String(measured['wall time'] ?? 'NaN')),
						requestsPerEvent: perEvent.total,
						requestsByRoute: perEvent.routes,
						lost: lost ? Number(lost[1]) : NaN,
						succeeded: lost ? Number(lost[2]) : NaN,
						answered200: String(measured['events answered 200'] ?? ''),
						checksFailed: [...checks.failures],
					};
					say(`[bench]   ${result.seconds} s, ${result.requestsPerEvent} requests per event (${result.requestsByRoute}), lost ${result.lost} of ${result.succeeded} successful; ${checks.failed} check(s) failed`);
					all.push(result);
				}
			} finally {
				await server.stop();
			}
		}
	} finally {
		await sb.close();
	}
	ctx.results.burst = all;
	return all.map((r) => [
		`${r.variant}${r.confirm === 'off' ? ', Confirm Changes off' : ''}`,
		r.seconds.toFixed(1),
		r.requestsPerEvent.toFixed(2),
		r.requestsByRoute,
		r.answered200,
		`${r.lost} of ${r.succeeded}`,
		r.checksFailed.length ? r.checksFailed.map((f) => f.replace(/^burst \(regular\): /, '')).join('; ') : 'all passed',
	]);
}

export function burstTable(rows: string[][]): string {
	return (
		`### 6. CRM burst (test/e2e/concurrency): ${CUSTOMERS * EVENTS_PER_CUSTOMER} events for ${CUSTOMERS} customers, ${SENDERS} senders, ` +
		`every route answered after ${LATENCY_MS} ms, n8n regular mode\n\n` +
		table(['variant', 'wall s', 'requests/event', 'requests/event by route', 'answered 200', 'events lost (of successful)', "the suite's checks"], rows)
	);
}
