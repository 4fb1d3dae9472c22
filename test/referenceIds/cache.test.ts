// The reference cache: what is remembered, how it survives n8n's static data, its age, size and eviction.
import { Workflow } from 'n8n-workflow';

import { CACHE_VERSION, ReferenceCache, cacheKey } from '../../nodes/EvoVoice/referenceIds/cache';
import { NodeTypes, evoVoiceNode } from '../harness';

const HOUR = 3_600_000;

function clock(start = Date.parse('2026-12-01T00:00:00Z')) {
	const time = { now: start };
	return { time, now: () => time.now };
}

describe('reference cache', () => {
	it('remembers a customer per reference ID and account scope', () => {
		const data: Record<string, unknown> = {};
		const cache = new ReferenceCache(data, { namespace: 'cred-1' });
		cache.set('crm-1', undefined, 'cus-a');
		cache.set('crm-1', ['acc-2', 'acc-1'], 'cus-b');
		expect(cache.get('crm-1')?.customerId).toBe('cus-a');
		expect(cache.get('crm-1', ['acc-1', 'acc-2'])?.customerId).toBe('cus-b');
		expect(cache.get('crm-1', ['acc-1'])).toBeUndefined();
		expect(cache.size).toBe(2);
		// What n8n saves is plain JSON of one small object.
		const saved = JSON.parse(JSON.stringify(data));
		expect(saved.referenceCache.v).toBe(CACHE_VERSION);
		expect(Object.keys(saved.referenceCache.e)).toEqual(['[]crm-1', '["acc-1","acc-2"]crm-1']);
	});

	it('survives a save and load through n8n static data, and marks it changed', () => {
		const node = evoVoiceNode({});
		const first = new Workflow({ id: 'w', nodes: [node], connections: {}, nodeTypes: new NodeTypes(), active: true });
		const staticData = first.getStaticData('node', node) as Record<string, unknown>;
		new ReferenceCache(staticData, { namespace: 'cred-1' }).set('crm-1', undefined, 'cus-a');
		expect(first.staticData.__dataChanged).toBe(true);

		const saved = JSON.parse(JSON.stringify(first.staticData));
		const second = new Workflow({ id: 'w', nodes: [node], connections: {}, nodeTypes: new NodeTypes(), active: true, staticData: saved });
		expect(second.staticData.__dataChanged).toBe(false);
		const cache = new ReferenceCache(second.getStaticData('node', node) as Record<string, unknown>, { namespace: 'cred-1' });
		expect(cache.get('crm-1')?.customerId).toBe('cus-a');
		// A read changes nothing, so n8n does not write the workflow back.
		cache.touch('crm-1');
		expect(second.staticData.__dataChanged).toBe(false);
		cache.delete('crm-1');
		expect(second.staticData.__dataChanged).toBe(true);
	});

	it.each([
		['nothing', undefined],
		['a text', 'garbage'],
		['an old version', { v: 0, ns: 'cred-1', e: { '[]crm-1': 'x' } }],
		['another credential', { v: CACHE_VERSION, ns: 'cred-2', e: { '[]crm-1': '0 0 cus-a' } }],
		['a list of entries', { v: CACHE_VERSION, ns: 'cred-1', e: [['crm-1', 'cus-a']] }],
	])('treats %s as empty and replaces it at the next write', (_, stored) => {
		const data: Record<string, unknown> = { referenceCache: stored };
		const cache = new ReferenceCache(data, { namespace: 'cred-1' });
		expect(cache.get('crm-1')).toBeUndefined();
		expect(cache.size).toBe(0);
		cache.set('crm-9', undefined, 'cus-9');
		expect(cache.get('crm-9')?.customerId).toBe('cus-9');
		expect(Object.keys((data.referenceCache as { e: object }).e)).toEqual(['[]crm-9']);
	});

	it('drops an unreadable entry and keeps the others', () => {
		const { now } = clock();
		const good = `${now().toString(36)} ${now().toString(36)} cus-a b`;
		const data = { referenceCache: { v: CACHE_VERSION, ns: 'n', e: { '[]crm-1': good, '[]crm-2': 42, '[]crm-3': 'zz', '[]crm-4': 'a b ' } } };
		const cache = new ReferenceCache(data, { namespace: 'n', now });
		expect(cache.get('crm-1')?.customerId).toBe('cus-a b');
		for (const id of ['crm-2', 'crm-3', 'crm-4']) expect(cache.get(id)).toBeUndefined();
		expect(Object.keys(data.referenceCache.e)).toEqual(['[]crm-1']);
	});

	it('is not fooled by reference IDs that name object internals', () => {
		const cache = new ReferenceCache({}, { namespace: 'n' });
		for (const id of ['__proto__', 'constructor', 'toString', 'hasOwnProperty']) expect(cache.get(id)).toBeUndefined();
		cache.set('__proto__', undefined, 'cus-p');
		expect(cache.get('__proto__')?.customerId).toBe('cus-p');
		expect(cacheKey('b', ['a'])).not.toBe(cacheKey('"]b', []));
	});

	it('stops serving an entry whose uniqueness was proved longer ago than the maximum age', () => {
		const { time, now } = clock();
		const cache = new ReferenceCache({}, { namespace: 'n', now, maxAgeMs: 24 * HOUR });
		cache.set('crm-1', undefined, 'cus-a');
		time.now += 24 * HOUR;
		expect(cache.get('crm-1')).toBeDefined();
		time.now += 1;
		expect(cache.get('crm-1')).toBeUndefined();
	});

	it('records use at most once an hour', () => {
		const { time, now } = clock();
		const data: Record<string, unknown> = {};
		const cache = new ReferenceCache(data, { namespace: 'n', now, maxAgeMs: Infinity });
		cache.set('crm-1', undefined, 'cus-a');
		const written = JSON.stringify(data);
		time.now += HOUR - 1;
		cache.touch('crm-1');
		expect(JSON.stringify(data)).toBe(written);
		time.now += 1;
		cache.touch('crm-1');
		expect(cache.get('crm-1')?.usedAt).toBe(time.now);
	});

	it('evicts the least recently used tenth when full', () => {
		const { time, now } = clock();
		const cache = new ReferenceCache({}, { namespace: 'n', now, maxEntries: 20, maxAgeMs: Infinity });
		for (let i = 0; i < 20; i++) {
			time.now += HOUR;
			cache.set(`crm-${i}`, undefined, `cus-${i}`);
		}
		time.now += HOUR;
		cache.touch('crm-0'); // used again: no longer among the oldest
		time.now += HOUR;
		cache.set('crm-new', undefined, 'cus-new');
		expect(cache.size).toBe(18);
		expect(cache.get('crm-0')).toBeDefined();
		expect(cache.get('crm-new')).toBeDefined();
		for (const gone of ['crm-1', 'crm-2', 'crm-3']) expect(cache.get(gone)).toBeUndefined();
		expect(cache.get('crm-4')).toBeDefined();
	});

	it('fills only free room with what a scan came across, never evicting for it', () => {
		const cache = new ReferenceCache({}, { namespace: 'n', maxEntries: 3 });
		cache.set('crm-asked', undefined, 'cus-asked');
		expect(cache.offer('crm-a', undefined, 'cus-a')).toBe(true);
		expect(cache.offer('crm-b', undefined, 'cus-b')).toBe(true);
		expect(cache.offer('crm-c', undefined, 'cus-c')).toBe(false);
		// An entry already there is refreshed even when full.
		expect(cache.offer('crm-a', undefined, 'cus-a2')).toBe(true);
		expect(cache.get('crm-a')?.customerId).toBe('cus-a2');
		expect(cache.size).toBe(3);
	});
});

