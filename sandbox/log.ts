// The request log and counters. The log is a fixed-size ring so a benchmark of a million requests
// costs the same memory as one of ten thousand; entries keep references (no copies) to stay cheap.
import type { Counters, RequestLogEntry } from './types';

export class RequestLog {
	private buf: RequestLogEntry[] = [];
	private next = 0;

	constructor(private readonly limit: number) {}

	push(entry: RequestLogEntry): void {
		if (this.limit <= 0) return;
		if (this.buf.length < this.limit) this.buf.push(entry);
		else {
			this.buf[this.next] = entry;
			this.next = (this.next + 1) % this.limit;
		}
	}

	/** Oldest first. */
	entries(): RequestLogEntry[] {
		return this.next === 0 ? this.buf.slice() : [...this.buf.slice(this.next), ...this.buf.slice(0, this.next)];
	}

	clear(): void {
		this.buf = [];
		this.next = 0;
	}
}

export class CounterSet {
	total = 0;
	inFlight = 0;
	maxInFlight = 0;
	byRoute: Record<string, number> = {};
	faults: Record<string, number> = {};

	request(route: string): void {
		this.total++;
		this.byRoute[route] = (this.byRoute[route] ?? 0) + 1;
		if (++this.inFlight > this.maxInFlight) this.maxInFlight = this.inFlight;
	}

	fault(label: string): void {
		this.faults[label] = (this.faults[label] ?? 0) + 1;
	}

	/** Requests still in flight stay counted: a reset does not pretend they finished. */
	clear(): void {
		this.total = 0;
		this.byRoute = {};
		this.faults = {};
		this.maxInFlight = this.inFlight;
	}

	snapshot(): Counters {
		return { total: this.total, byRoute: { ...this.byRoute }, maxInFlight: this.maxInFlight, inFlight: this.inFlight, faults: { ...this.faults } };
	}
}
