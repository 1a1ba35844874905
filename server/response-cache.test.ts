import { etagOf, ResponseCache } from './response-cache.ts';

const response = (text: string) => {
  const body = Buffer.from(text);
  return { status: 200, headers: { 'content-type': 'application/json' }, body, etag: etagOf(body) };
};

describe('ResponseCache', () => {
  it('does not keep an answer computed across a mutation', () => {
    // given a query that started before a mutation and finished after it
    const cache = new ResponseCache({ ttlMs: 60_000, maxEntries: 10, maxEntryBytes: 1024 });
    const startedAt = cache.generation;
    cache.invalidate();
    // when it tries to store its answer
    cache.set('k', startedAt, response('{"data":{"old":true}}'));
    // then nothing is kept; an answer computed after the mutation is
    expect(cache.get('k')).toBeUndefined();
    cache.set('k', cache.generation, response('{"data":{"new":true}}'));
    expect(cache.get('k')?.body.toString()).toBe('{"data":{"new":true}}');
  });

  it('expires entries after the TTL, evicts the oldest beyond its size, skips large bodies, and can be off', () => {
    const cache = new ResponseCache({ ttlMs: 1000, maxEntries: 2, maxEntryBytes: 10 });
    cache.set('a', 0, response('{}'), 0);
    expect(cache.get('a', 999)).toBeDefined();
    expect(cache.get('a', 1000)).toBeUndefined();
    cache.set('a', 0, response('{}'), 0);
    cache.set('b', 0, response('{}'), 0);
    cache.set('c', 0, response('{}'), 0);
    expect([cache.get('a', 1), cache.get('b', 1), cache.get('c', 1)].map(Boolean)).toEqual([false, true, true]);
    cache.set('big', 0, response('{"data":"0123456789"}'), 0);
    expect(cache.get('big', 1)).toBeUndefined();
    const off = new ResponseCache({ ttlMs: 0, maxEntries: 2, maxEntryBytes: 10 });
    off.set('a', 0, response('{}'));
    expect(off.enabled).toBe(false);
    expect(off.get('a')).toBeUndefined();
  });

  it('tells queries, sign-ins and other mutations apart', () => {
    const cache = new ResponseCache({ ttlMs: 1000, maxEntries: 2, maxEntryBytes: 10 });
    expect(cache.operationKind('{ me { username } }', undefined)).toBe('query');
    expect(cache.operationKind('mutation { login(username: "a", password: "b") { __typename } }', undefined)).toBe('sign-in');
    expect(cache.operationKind('mutation { publish(code: "M01") { __typename } }', undefined)).toBe('mutation');
    expect(cache.operationKind('query A { me { username } } mutation B { publish(code: "M01") { __typename } }', 'B')).toBe('mutation');
    expect(cache.operationKind('query A { a } query B { b }', undefined)).toBeNull();
    expect(cache.operationKind('{ not graphql', undefined)).toBeNull();
  });

  it('keys requests by caller', () => {
    const body = Buffer.from('{"query":"{ me { username } }"}');
    expect(ResponseCache.key('POST', '', 'manager|quality_manager', body)).not.toBe(ResponseCache.key('POST', '', 'auditor|auditor', body));
  });
});
