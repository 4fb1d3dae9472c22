import { loadState, MAX_SEEN, remember, saveState, STATE_KEY, type TriggerState } from '../../nodes/EvoVoice/trigger/state';

const state = (over: Partial<TriggerState> = {}): TriggerState => ({ v: 1, event: 'sessionEnded', from: 1_000, skew: -5, seen: { a: 1_000 }, ...over });

describe('loadState', () => {
	it('reads what saveState wrote', () => {
		const data = {};
		saveState(data, state({ unsorted: true }));
		expect(loadState(JSON.parse(JSON.stringify(data)), 'sessionEnded')).toEqual(state({ unsorted: true }));
	});

	it.each([
		['nothing', undefined],
		['another event', state({ event: 'notification' })],
		['another format', { ...state(), v: 2 }],
		['a cursor that is not a number', { ...state(), from: '1000' }],
		['no memory', { ...state(), seen: [] }],
		['text', 'cursor'],
	])('ignores %s', (_what, saved) => {
		expect(loadState({ [STATE_KEY]: saved as never }, 'sessionEnded')).toBeUndefined();
	});

	it('drops remembered entries that are not dates', () => {
		expect(loadState({ [STATE_KEY]: { ...state(), seen: { a: 5, b: 'x', c: null } } as never }, 'sessionEnded')?.seen).toEqual({ a: 5 });
	});
});

describe('remember', () => {
	it('keeps what is dated from the cursor on, and adds what was delivered', () => {
		const result = remember({ old: 10, kept: 20 }, [{ key: 'new', at: 30 }, { key: 'stale', at: 5 }], 15);
		expect(result).toEqual({ seen: { kept: 20, new: 30 }, from: 15 });
	});

	it(`past ${MAX_SEEN}, forgets the oldest and moves the cursor past them, so none of them can come back`, () => {
		const delivered = Array.from({ length: MAX_SEEN + 250 }, (_, i) => ({ key: `k${i}`, at: 1_000 + Math.floor(i / 2) }));
		const result = remember({}, delivered, 0);
		expect(Object.keys(result.seen).length).toBeLessThanOrEqual(MAX_SEEN);
		expect(result.from).toBe(1_000 + 125);
		expect(Math.min(...Object.values(result.seen))).toBe(result.from);
		expect(Object.keys(result.seen)).toHaveLength(MAX_SEEN);
	});

	it('never moves the cursor past the first event still to deliver', () => {
		const delivered = Array.from({ length: MAX_SEEN + 10 }, (_, i) => ({ key: `k${i}`, at: 1_000 }));
		expect(remember({}, delivered, 0, 1_000).from).toBe(1_000);
	});

	it('at its bound, with 24-character IDs and today\'s dates, the saved state stays under 250 KB', () => {
		const at = Date.UTC(2025, 5, 2);
		const delivered = Array.from({ length: MAX_SEEN }, (_, i) => ({ key: i.toString(16).padStart(24, '5f3c9a2b7d1e'), at: at + i }));
		const data = {};
		saveState(data, state({ from: at, seen: remember({}, delivered, at).seen }));
		const bytes = Buffer.byteLength(JSON.stringify(data));
		expect(bytes).toBeLessThan(250_000);
		expect(bytes).toBeGreaterThan(MAX_SEEN * 24);
	});
});
