import { hasNextPage, readPages } from '../../nodes/EvoVoice/transport/paging';
import { secretForms } from '../../nodes/EvoVoice/transport/secrets';
import { scrub } from '../../nodes/EvoVoice/transport/errors';
import { isEntity } from '../../nodes/EvoVoice/executor/entity';
import { summarize } from '../../nodes/EvoVoice/executor/outcomes';
import { eachLimited } from '../../nodes/EvoVoice/executor/pool';
import { Limiter } from '../../nodes/EvoVoice/transport/limiter';

describe('paging by what the API says', () => {
	const page = (items: number, rest: object = {}) => ({ items: Array.from({ length: items }, (_, i) => i), ...rest });
	test('a short page does not end a list the API says goes on', () => {
		expect(hasNextPage(page(25, { hasMorePages: true }), 0, 25)).toBe(true);
		expect(hasNextPage(page(25, { totalPages: 3, hasMorePages: false }), 0, 25)).toBe(true);
		expect(hasNextPage(page(25, { totalPages: 3 }), 2, 75)).toBe(false);
		expect(hasNextPage(page(25, { totalCount: 60 }), 1, 50)).toBe(true);
		expect(hasNextPage(page(10, { totalCount: 60 }), 2, 60)).toBe(false);
	});
	test('without totals (simplified paging) only an empty page ends it', () => {
		expect(hasNextPage(page(7, { totalCount: 0, totalPages: 0, hasMorePages: false }), 0, 7)).toBe(true);
		expect(hasNextPage(page(0), 1, 7)).toBe(false);
	});
	test('readPages keeps to the limit and reads a capped server to its end', async () => {
		const records = Array.from({ length: 130 }, (_, i) => i);
		const asked: number[] = [];
		const read = async (p: number, count: number) => {
			asked.push(count);
			const cap = Math.min(count, 20);
			return { items: records.slice(p * cap, p * cap + cap), totalCount: 130, totalPages: Math.ceil(130 / cap), hasMorePages: (p + 1) * cap < 130 };
		};
		expect(await readPages(read)).toEqual(records);
		expect(asked[0]).toBe(100);
		expect(await readPages(read, 45)).toEqual(records.slice(0, 45));
	});
});

describe('secret forms', () => {
	test('a token with whitespace: as saved, trimmed, Bearer, base64, JSON-escaped', () => {
		const forms = secretForms({ apiToken: ' tok-1234\n' });
		for (const form of ['tok-1234', ' tok-1234\n', 'Bearer tok-1234', Buffer.from('tok-1234').toString('base64'), ' tok-1234\\n']) {
			expect(forms).toContain(form);
		}
		expect(scrub('echo: Bearer tok-1234 and " tok-1234\\n"', forms)).toBe('echo: **hidden** and "**hidden**"');
	});
	test('email and password: the pair, its base64, the Basic value, the password', () => {
		const forms = secretForms({ authType: 'basicAuth', email: 'a@b.example', password: 'pw:secret' });
		const basic = Buffer.from('a@b.example:pw:secret').toString('base64');
		for (const form of ['pw:secret', 'a@b.example:pw:secret', basic, `Basic ${basic}`, encodeURIComponent('pw:secret')]) expect(forms).toContain(form);
		expect(forms).not.toContain('a@b.example');
		// Longest first: a header value is hidden whole.
		expect(scrub(`Authorization: Basic ${basic}`, forms)).toBe('Authorization: **hidden**');
	});
});

test('a merge base must be the record asked for', () => {
	expect(isEntity({ id: 'cus-1', name: 'x' }, 'cus-1')).toBe(true);
	expect(isEntity({}, 'cus-1')).toBe(false);
	expect(isEntity({ id: 'cus-2' }, 'cus-1')).toBe(false);
	expect(isEntity([{ id: 'cus-1' }], 'cus-1')).toBe(false);
	expect(isEntity('cus-1', 'cus-1')).toBe(false);
});

test('the summary of a stopped run', () => {
	expect(summarize([{ stage: 'applied' }, { stage: 'applied' }, { stage: 'failed' }, { stage: 'notSent' }, { stage: 'resolved' }])).toBe(
		'Applied (2): items 1–2. Failed (1): item 3. Not sent (2): items 4–5.',
	);
});

test('the limiter keeps to its limit and runs tasks in order', async () => {
	const limiter = new Limiter(3);
	const started: number[] = [];
	let open = 0;
	let most = 0;
	await eachLimited(Array.from({ length: 12 }, (_, i) => i), 5, async (i) => {
		await limiter.acquire();
		started.push(i);
		most = Math.max(most, ++open);
		await new Promise((r) => setTimeout(r, 5));
		open--;
		limiter.release();
	});
	expect(most).toBe(3);
	expect(limiter.peak).toBe(3);
	expect(started).toEqual(Array.from({ length: 12 }, (_, i) => i));
});

describe('starts spread over turns of the event loop', () => {
	// A turn boundary: what a timer callback sees has run in an earlier turn than it.
	const turnsOf = async (starts: number, limit: number) => {
		const limiter = new Limiter(limit);
		let turn = 0;
		let ticking = true;
		const tick = async () => {
			while (ticking) {
				await new Promise((r) => setTimeout(r, 0));
				turn++;
			}
		};
		const ticker = tick();
		const seen: number[] = [];
		await Promise.all(
			Array.from({ length: starts }, async () => {
				await limiter.acquire();
				seen.push(turn);
				limiter.release();
			}),
		);
		ticking = false;
		await ticker;
		return seen;
	};

	test('a burst of starts (answers that came back together) gets one start per turn', async () => {
		const seen = await turnsOf(5, 5);
		expect(new Set(seen).size).toBe(5);
		expect(seen).toEqual([...seen].sort((a, b) => a - b));
	});

	test('a lone start does not wait for a turn', async () => {
		const limiter = new Limiter(5);
		let timerRan = false;
		setTimeout(() => (timerRan = true), 0);
		await limiter.acquire();
		expect(timerRan).toBe(false);
		limiter.release();
	});
});
