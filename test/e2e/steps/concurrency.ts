import { concurrencyBurst } from '../concurrency/burst';
import type { Target } from '../concurrency/accounting';
import type { ServerContext, Step } from './types';

/** `n8n start` as the concurrency checks see it: one process runs every execution. */
export function regularTarget(ctx: ServerContext): Target {
	return {
		mode: 'regular',
		baseUrl: ctx.server.baseUrl,
		rest: ctx.rest,
		sb: ctx.sandbox,
		checks: ctx.checks,
		measure: (key, value) => (ctx.checks.measured[key] = value),
	};
}

/** Issue #20 in one process: 300 CRM events for 20 customers, 20 at once; nothing n8n reports done may be lost. */
export const concurrencyStep: Step = {
	name: 'concurrent CRM events (300 for 20 customers, 20 at once): nothing a successful execution did is lost',
	needsServer: true,
	run: (ctx) => concurrencyBurst(regularTarget(ctx)),
};
