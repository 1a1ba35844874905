import { etagOf, ResponseCache } from './response-cache.ts';

const response = (text: string) => {
  const body = Buffer.from(text);
  return { status: 200, headers: { 'content-type': 'application/json' }, body, etag: etagOf(body) };
};

describe('ResponseCache', () => {
  it('does not keep an answer computed across a mutation', () => {
    // given a query that started before a mutation and finished after it
    const cache = new ResponseCache({ ttlMs: 60_000, maxBytes: 10_000, maxEntryBytes: 1024 });
    const startedAt = cache.generation;
    cache.invalidate();
    // when it tries to store its answer
    cache.set('k', startedAt, response('{"data":{"old":true}}'));
    // then nothing is kept; an answer computed after the mutation is
    expect(cache.get('k')).toBeUndefined();
    cache.set('k', cache.generation, response('{"data":{"new":true}}'));
    expect(cache.get('k')?.body.toString()).toBe('{"data":{"new":true}}');
  });

  it('expires entries after the TTL, evicts the oldest beyond its byte budget, skips large bodies, and can be off', () => {
    const cache = new ResponseCache({ ttlMs: 1000, maxBytes: 4, maxEntryBytes: 10 });
    cache.set('a', 0, response('{}'), 0);
    expect(cache.get('a', 999)).toBeDefined();
    expect(cache.get('a', 1000)).toBeUndefined();
    // two 2-byte bodies fill the 4-byte budget; a third pushes the oldest out
    cache.set('a', 0, response('{}'), 0);
    cache.set('b', 0, response('{}'), 0);
    cache.set('c', 0, response('{}'), 0);
    expect([cache.get('a', 1), cache.get('b', 1), cache.get('c', 1)].map(Boolean)).toEqual([false, true, true]);
    expect(cache.size).toEqual({ entries: 2, bytes: 4 });
    cache.set('big', 0, response('{"data":"0123456789"}'), 0);
    expect(cache.get('big', 1)).toBeUndefined();
    const off = new ResponseCache({ ttlMs: 0, maxBytes: 100, maxEntryBytes: 10 });
    off.set('a', 0, response('{}'));
    expect(off.enabled).toBe(false);
    expect(off.get('a')).toBeUndefined();
  });

  it('frees expired entries without being asked for them, and counts the bytes it keeps', () => {
    // given 100 answers of 1 KiB, stored 10 ms apart
    const cache = new ResponseCache({ ttlMs: 1000, maxBytes: 1 << 20, maxEntryBytes: 4096 });
    for (let i = 0; i < 100; i++) cache.set(`k${i}`, 0, response(`{"data":"${'x'.repeat(1013)}"}`), i * 10);
    expect(cache.size).toEqual({ entries: 100, bytes: 102_400 });
    // when time passes the first half's expiry, then all of it
    cache.sweep(1500);
    expect(cache.size).toEqual({ entries: 49, bytes: 49 * 1024 });
    cache.sweep(2000);
    // then nothing is kept
    expect(cache.size).toEqual({ entries: 0, bytes: 0 });
  });

  it('drops expired entries on its own timer', async () => {
    const cache = new ResponseCache({ ttlMs: 50, maxBytes: 1 << 20, maxEntryBytes: 4096 });
    cache.set('a', 0, response('{}'));
    expect(cache.size.entries).toBe(1);
    await new Promise((r) => setTimeout(r, 400));
    expect(cache.size).toEqual({ entries: 0, bytes: 0 });
  });

  it('keys requests by caller', () => {
    const body = Buffer.from('{"query":"{ me { username } }"}');
    expect(ResponseCache.key('POST', '', 'manager|quality_manager', body)).not.toBe(ResponseCache.key('POST', '', 'auditor|auditor', body));
  });
});
