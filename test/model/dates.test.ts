import { dayWindow, instant, utcDay } from '../../nodes/EvoVoice/model/dates';

const HOUR = 3_600_000;

describe('instant', () => {
	it.each([
		['2024-05-20T09:30:00.000Z', Date.UTC(2024, 4, 20, 9, 30)],
		['2024-05-20T11:30:00.000+02:00', Date.UTC(2024, 4, 20, 9, 30)],
		['2024-05-20T09:30:00.1234567Z', Date.UTC(2024, 4, 20, 9, 30, 0, 123)],
		['2024-05-20T09:30:00.000', Date.UTC(2024, 4, 20, 9, 30)],
		['2024-05-20T09:30:00', Date.UTC(2024, 4, 20, 9, 30)],
		['/Date(1716197400000-0000)/', 1716197400000],
		['/Date(1716197400000+0200)/', 1716197400000],
		['/Date(1716197400000)/', 1716197400000],
	])('reads %s', (text, ms) => {
		expect(instant(text)).toBe(ms);
	});

	it.each([undefined, null, 12, '', 'yesterday', '2024-05-20', '2024-13-40T99:00:00Z'])('refuses %p', (value) => {
		expect(instant(value)).toBeUndefined();
	});
});

describe('dayWindow', () => {
	/** The instants a server in a zone `offsetHours` from UTC admits for startDate/endDate. */
	function admitted(window: { startDate: string; endDate: string }, offsetHours: number, endIncluded: boolean) {
		const start = Date.parse(`${window.startDate}T00:00:00Z`) - offsetHours * HOUR;
		const endDay = Date.parse(`${window.endDate}T00:00:00Z`) + (endIncluded ? 24 * HOUR : 0);
		return { from: start, until: endDay - offsetHours * HOUR };
	}

	it('holds every instant from `from` to `to` for any zone from UTC-12 to UTC+14, whether endDate counts its day or not', () => {
		const base = Date.UTC(2025, 0, 15);
		const failures: string[] = [];
		for (let fromH = 0; fromH < 48; fromH += 0.25) {
			const from = base + fromH * HOUR;
			for (const spanH of [0, 0.1, 5, 23.9, 30]) {
				const to = from + spanH * HOUR;
				const window = dayWindow(from, to);
				for (let offset = -12; offset <= 14; offset += 0.25) {
					for (const endIncluded of [true, false]) {
						const range = admitted(window, offset, endIncluded);
						if (from < range.from || to >= range.until) failures.push(`${new Date(from).toISOString()}+${spanH}h UTC${offset} ${endIncluded}`);
					}
				}
			}
		}
		expect(failures).toEqual([]);
	});

	it('asks one day before and two after', () => {
		expect(dayWindow(Date.UTC(2025, 0, 15, 23, 59), Date.UTC(2025, 0, 16, 0, 1))).toEqual({ startDate: '2025-01-14', endDate: '2025-01-18' });
		expect(utcDay(Date.UTC(2025, 0, 1), -1)).toBe('2024-12-31');
	});
});
