// The limiter: at most its limit in flight, tasks started in order, starts of a burst spread over turns of the event loop.
import { eachLimited, Limiter } from '../../nodes/EvoVoice/transport/limiter';

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
