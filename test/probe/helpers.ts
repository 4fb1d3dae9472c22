// Shared helpers for the probe's tests: the probe runs against a real sandbox over HTTP, and
// what it reports is compared with the settings the sandbox had in force.
import { defaultSeed, makeCustomers, SANDBOX_CREDENTIALS, startSandbox, type Sandbox, type SandboxSemantics } from '../../sandbox';
import type { Observed } from '../../scripts/probe/findings';
import { renderOutputs } from '../../scripts/probe/report';
import { runProbe, type ProbeOptions, type ProbeRun } from '../../scripts/probe/run';

export const C = SANDBOX_CREDENTIALS;
export const ADMIN_LOGIN = { token: C.adminToken, email: C.admin.email, password: C.admin.password };

/** A sandbox with enough customers for page sizes up to 1,000 to mean something. */
export function bigSandbox(): Promise<Sandbox> {
	const seed = defaultSeed();
	seed.customers.push(...makeCustomers(1_100, 'acc-reseller'));
	return startSandbox({ seed });
}

export function probe(sb: Sandbox, options: Partial<ProbeOptions> = {}): Promise<ProbeRun> {
	return runProbe({ baseUrl: sb.url, login: ADMIN_LOGIN, writeAccountId: 'acc-reseller', ...options });
}

/**
 * The settings the sandbox had, in the probe's shape, for the parts a probe can settle. The
 * timeline parts (date format, sort, day filter) are all settled on the default seed, whose
 * sessions and notifications lie a few minutes either side of a UTC midnight.
 */
export function expectedObserved(s: SandboxSemantics, opts: { auth?: boolean; cap?: boolean } = {}): Observed {
	// schedule and appSettings hold no nested objects: a deep merge looks like a merge there.
	const flat = (m: string) => (m === 'deepMerge' ? 'merge' : m);
	return {
		auth: opts.auth === false ? {} : { ...s.auth },
		nested: {
			billingSettings: s.nested.billingSettings,
			appSettings: flat(s.nested.appSettings) as Observed['nested']['appSettings'],
			schedule: flat(s.nested.schedule) as Observed['nested']['schedule'],
			data: s.nested.data,
		},
		emptyTagIds: s.emptyTagIds,
		blankString: s.blankString,
		...(opts.cap ? { maxCountPerPage: s.maxCountPerPage } : {}),
		specificIds: s.specificIds,
		dateFormat: s.dateFormat,
		dayZone: s.dayZone,
		endDateInclusive: s.endDateInclusive,
		sessionDayField: s.sessionDayField,
		sort: { ...s.sort },
	};
}

/** Customers the probe made (by its name pattern) that are still in the sandbox. */
export function probeCustomers(sb: Sandbox): string[] {
	return Object.values(sb.state.customers).filter((c) => c.name.startsWith('n8n probe ')).map((c) => c.id);
}

export function outputs(run: ProbeRun): { report: string; observed: string } {
	return renderOutputs(run, 'test');
}

export const finding = (run: ProbeRun, topic: string) => run.findings.list.find((f) => f.topic === topic);
