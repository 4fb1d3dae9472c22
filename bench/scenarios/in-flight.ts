import type { BenchContext } from '../context';
import { PATCH } from '../context';
import { executeMeasured, getFaults, runRaw, setFaults } from '../execute';
import { SETTINGS } from '../settings';
import { s2 } from '../stats';
import { NODE, workflowId } from '../workflows';

/**
 * In-flight check: at zero latency the sandbox answers each request before it reads the next, so
 * its maxInFlight says nothing; with a small delay it shows what each client keeps in flight.
 */
export async function inFlightScenario(ctx: BenchContext): Promise<string[][]> {
	const { host, sandbox, variants, first, c, results, check } = ctx;
	const probeRows: string[][] = [];
	if (SETTINGS.skip.has('probe')) return probeRows;
	const n = SETTINGS.probeN;
	const ideal = (n * SETTINGS.probeLatencyMs) / c;
	setFaults([{ route: PATCH, latencyMs: SETTINGS.probeLatencyMs }]);
	const probe: Array<Record<string, unknown>> = [];
	for (const variant of variants) {
		const run = await executeMeasured(variant.instance!, workflowId({ kind: 'evo', n, concurrency: c, tag: 'probe' }), sandbox);
		check(`in-flight check Evo Voice [${variant.label}]`, run, NODE.evo, n, PATCH);
		probeRows.push([`(a) Evo Voice [${variant.label}], maxConcurrency ${c}`, String(run.maxInFlight), s2(run.nodes[NODE.evo]?.ms ?? NaN), s2(ideal)]);
		probe.push({ run: `evo [${variant.label}]`, maxInFlight: run.maxInFlight, nodeMs: run.nodes[NODE.evo]?.ms });
	}
	if (!SETTINGS.skip.has('http')) {
		const run = await executeMeasured(first, workflowId({ kind: 'http', n, concurrency: c, sandboxUrl: sandbox.url, tag: 'probe' }), sandbox);
		check('in-flight check HTTP Request', run, NODE.http, n, PATCH);
		probeRows.push([`(b) HTTP Request, batch size ${c}, interval 1 ms`, String(run.maxInFlight), s2(run.nodes[NODE.http]?.ms ?? NaN), s2(ideal)]);
		probe.push({ run: 'http', maxInFlight: run.maxInFlight, nodeMs: run.nodes[NODE.http]?.ms });
	}
	if (!SETTINGS.skip.has('raw')) {
		const raw = await runRaw(host, sandbox, n, c, first.logDir, getFaults());
		probeRows.push([`(c) raw client, ${c} workers`, String(raw.maxInFlight), s2(raw.wallMs), s2(ideal)]);
		probe.push({ run: 'raw', maxInFlight: raw.maxInFlight, wallMs: raw.wallMs });
	}
	setFaults([]);
	results.inFlightCheck = { n, latencyMs: SETTINGS.probeLatencyMs, idealMs: ideal, runs: probe };
	return probeRows;
}
