// The sandbox's notion of "now": every stamp (dateCreated, dateLastModified, dateCompleted), the
// archive's age and generated events read it, so tests can put the service at 23:59:59.900 in any
// zone and step past midnight without waiting. Real time plus an offset, or frozen at one instant.

/**
 * What setClock() / PUT /__sandbox/clock take, one of:
 * `{ real: true }` back to real time; `{ at, frozen? }` now is `at` (an ISO string with a zone, or
 * epoch ms), running on from there unless frozen; `{ offsetMs }` real time plus the offset;
 * `{ advanceMs }` moves the clock on (frozen or running) by that much.
 */
export interface ClockSpec {
	real?: true;
	at?: string | number;
	frozen?: boolean;
	offsetMs?: number;
	advanceMs?: number;
}

/** What GET /__sandbox/clock answers. */
export interface ClockState {
	now: string;
	frozen: boolean;
	/** Sandbox time minus real time, in ms (at the moment of asking, for a frozen clock). */
	offsetMs: number;
}

const KEYS = ['real', 'at', 'frozen', 'offsetMs', 'advanceMs'];

function fail(spec: unknown, why: string): never {
	throw new Error(`Invalid clock ${JSON.stringify(spec)}: ${why}`);
}

/** Epoch ms of `at`; a string must carry its zone (Z or ±hh:mm), or "23:59" would mean the host's zone. */
export function instantOf(at: unknown, where = 'at'): number {
	if (typeof at === 'number' && Number.isFinite(at)) return at;
	if (typeof at === 'string' && /(Z|[+-]\d\d:?\d\d)$/i.test(at.trim())) {
		const ms = Date.parse(at);
		if (Number.isFinite(ms)) return ms;
	}
	throw new Error(`${where} is ${JSON.stringify(at)}; expected an ISO 8601 time with a zone (e.g. 2025-03-09T23:59:59.900-05:00) or epoch milliseconds`);
}

export class Clock {
	private offset = 0;
	private frozenAt: number | undefined;

	constructor(private readonly realNow: () => number = Date.now) {}

	nowMs(): number {
		return this.frozenAt ?? this.realNow() + this.offset;
	}

	now(): Date {
		return new Date(this.nowMs());
	}

	/** Applies a ClockSpec; throws a message naming the bad field. */
	set(spec: ClockSpec): ClockState {
		if (typeof spec !== 'object' || spec === null || Array.isArray(spec)) fail(spec, 'not an object');
		const unknown = Object.keys(spec).find((k) => !KEYS.includes(k));
		if (unknown) fail(spec, `unknown field '${unknown}'; known: ${KEYS.join(', ')}`);
		const kinds = (['real', 'at', 'offsetMs', 'advanceMs'] as const).filter((k) => spec[k] !== undefined);
		if (kinds.length !== 1) fail(spec, 'give exactly one of real, at, offsetMs, advanceMs');
		if (spec.frozen !== undefined && (typeof spec.frozen !== 'boolean' || kinds[0] !== 'at')) fail(spec, 'frozen is true or false, and goes with at');
		const number = (key: 'offsetMs' | 'advanceMs') => {
			const v = spec[key];
			if (typeof v !== 'number' || !Number.isFinite(v)) fail(spec, `${key} must be a number of milliseconds`);
			return v;
		};
		switch (kinds[0]) {
			case 'real':
				if (spec.real !== true) fail(spec, 'real must be true');
				this.reset();
				break;
			case 'at': {
				let at: number;
				try {
					at = instantOf(spec.at);
				} catch (err) {
					fail(spec, (err as Error).message);
				}
				this.frozenAt = spec.frozen ? at : undefined;
				this.offset = at - this.realNow();
				break;
			}
			case 'offsetMs':
				this.frozenAt = undefined;
				this.offset = number('offsetMs');
				break;
			case 'advanceMs': {
				const by = number('advanceMs');
				if (this.frozenAt !== undefined) this.frozenAt += by;
				else this.offset += by;
				break;
			}
		}
		return this.state();
	}

	reset(): void {
		this.offset = 0;
		this.frozenAt = undefined;
	}

	state(): ClockState {
		const now = this.nowMs();
		return { now: new Date(now).toISOString(), frozen: this.frozenAt !== undefined, offsetMs: now - this.realNow() };
	}
}
