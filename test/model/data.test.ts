// The data mappers: plain values wrapped into the API's typed values, and no data when nothing is given.
import { toData, toStruct } from '../../nodes/EvoVoice/model/mappers/data';

describe('data mappers', () => {
	test('plain values are wrapped, wrapped values kept, lists hold structs', () => {
		expect(toStruct({ a: 'x', b: 2, c: true, d: { stringValue: 'kept' }, e: [{ f: 1 }], g: { h: 'i' } }, 'l', 'data')).toEqual({
			a: { stringValue: 'x' },
			b: { numberValue: 2 },
			c: { boolValue: true },
			d: { stringValue: 'kept' },
			e: { listValue: [{ f: { numberValue: 1 } }] },
			g: { structValue: { h: { stringValue: 'i' } } },
		});
	});

	test('no JSON and no values means no data at all', () => {
		expect(toData('{}', [])).toBeUndefined();
		expect(toData('', [])).toBeUndefined();
	});
});
