import { startTestApp, serveHttp, type TestApp } from '../../test/harness.ts';
import { SYSTEM_ACTOR } from '../../domain/shared/access.ts';
import { importLibraryPackage } from '../../domain/editions/library.service.ts';
import { readLibraryPackage } from '../../domain/editions/library-files.ts';
import { ensureSampleProjects } from '../../domain/projects/project.service.ts';
import { SHIPPED_LIBRARY } from '../bootstrap.ts';
import { ImmutableResults } from './immutable-results.ts';
import { directParamsOf, regularMediaType } from './direct-queries.ts';
import { OPERATION_HEADER } from './response-meta.ts';

/**
 * The direct query path against Yoga itself: every request is sent through the HTTP front (response
 * cache and memo off, so each one executes) and, the same headers and body, to `yoga.fetch`; status,
 * content type and body must be the same bytes. A spy on `yoga.fetch` tells which requests the front
 * answered without Yoga's HTTP layer.
 */
let t: TestApp;
let http: { base: string; close(): Promise<void> };
const tokens: Record<string, string> = {};
const counts = { direct: 0, yoga: 0 };

beforeAll(async () => {
  t = await startTestApp();
  await importLibraryPackage(t.em(), SYSTEM_ACTOR, readLibraryPackage(SHIPPED_LIBRARY), t.app.limits);
  await ensureSampleProjects(t.em());
  for (const name of ['manager', 'inspector', 'auditor']) tokens[name] = await t.login(name);
  http = await serveHttp(() => t.app, { maxBodyBytes: 1024 * 1024, responseCacheTtlMs: 0, immutableResults: new ImmutableResults(0), collectWhenIdle: false, counts });
}, 180_000);
afterAll(async () => {
  await http?.close();
  await t?.close();
});

interface Call {
  body: unknown;
  headers?: Record<string, string>;
  who?: string;
}

/** A response's headers by lower-case name, without those of the connection (node:http's own) and the operation kind Yoga tells the front (which removes it). */
function headersOf(response: Response): Record<string, string> {
  const skip = new Set(['date', 'connection', 'keep-alive', 'transfer-encoding', 'content-length', OPERATION_HEADER]);
  return Object.fromEntries([...response.headers].map(([name, value]) => [name.toLowerCase(), value] as const).filter(([name]) => !skip.has(name)));
}

type Answer = { status: number; headers: Record<string, string>; text: string };

async function both(call: Call): Promise<{ front: Answer; yoga: Answer; direct: boolean }> {
  const headers: Record<string, string> = { 'content-type': 'application/json', 'accept-language': 'en', ...(call.who ? { authorization: `Bearer ${tokens[call.who]}` } : {}), ...call.headers };
  const body = typeof call.body === 'string' ? call.body : JSON.stringify(call.body);
  const before = { ...counts };
  const viaFront = await fetch(`${http.base}/graphql`, { method: 'POST', headers, body });
  const front = { status: viaFront.status, headers: headersOf(viaFront), text: await viaFront.text() };
  const direct = counts.direct === before.direct + 1 && counts.yoga === before.yoga;
  const viaYoga = await t.app.yoga.fetch('http://localhost/graphql', { method: 'POST', headers, body });
  return { front, yoga: { status: viaYoga.status, headers: headersOf(viaYoga), text: await viaYoga.text() }, direct };
}

const STANDARD = '{ standard(code: "M03.P01.W002") { __typename ... on Standard { code title current { version contentHash schema } } ... on Error { message } } }';

describe(`queries answered without Yoga's HTTP layer (${process.env.TEST_DATABASE_URL ? 'PostgreSQL' : 'embedded PGlite'})`, () => {
  it('answers plain queries with the bytes Yoga would send, for every Accept Yoga answers with one JSON document', async () => {
    const queries: Call[] = [
      { body: { query: STANDARD }, who: 'inspector' },
      { body: { query: STANDARD } },
      { body: { query: '{ standard(code: "M99.P99.W999") { __typename ... on Error { message } } }' }, who: 'inspector' },
      { body: { query: 'query ($c: String!) { standard(code: $c) { ... on Standard { code versions { version status } } } }', variables: { c: 'M01.P01.W001' } }, who: 'auditor' },
      { body: { query: 'query A { me { username } } query B { me { roles permissions } }', operationName: 'B' }, who: 'manager' },
      { body: { query: '{ me { username displayName } projects(first: 3) { ... on ProjectConnection { totalCount nodes { code name } } } }' }, who: 'manager' },
      { body: { query: '{ standards(first: 5) { ... on StandardConnection { totalCount pageInfo { hasNextPage endCursor } nodes { code title } } } }', variables: null }, who: 'manager', headers: { 'accept-language': 'zh-CN' } },
    ];
    const accepts = [undefined, '*/*', 'application/json', 'application/graphql-response+json', 'application/graphql-response+json, application/json', 'application/json;q=0.9, application/graphql-response+json;q=1', 'application/*'];
    for (const call of queries) {
      for (const accept of accepts) {
        const { front, yoga, direct } = await both({ ...call, headers: { ...call.headers, ...(accept ? { accept } : {}) } });
        expect({ call, accept, direct, front }).toEqual({ call, accept, direct: true, front: yoga });
        expect(front.status).toBe(200);
        expect(JSON.parse(front.text).errors).toBeUndefined();
      }
    }
  });

  it('leaves to Yoga, with Yoga\'s answer, everything that is not a plain query answered without errors', async () => {
    const others: Call[] = [
      // errors: a field refused, validation, parsing, the request limits, variables
      { body: { query: '{ rectificationKpis(groupBy: month) { period } }' } },
      { body: { query: '{ executionRates(groupBy: month, from: "not a date") { period } }' }, who: 'manager' },
      { body: { query: '{ me { nope } }' }, who: 'manager' },
      { body: { query: '{ me { username ' }, who: 'manager' },
      { body: { query: `{ ${Array.from({ length: 60 }, (_, i) => `a${i}: me { username }`).join(' ')} }` }, who: 'manager' },
      { body: { query: 'query ($c: String!) { standard(code: $c) { __typename } }', variables: { c: 5 } }, who: 'manager' },
      { body: { query: 'query A { me { username } } query B { me { roles } }' }, who: 'manager' },
      // not a plain query: a mutation, a batch, extra keys, a body that is not an object
      { body: { query: 'mutation { login(username: "manager", password: "wrong") { __typename } }' } },
      { body: [{ query: '{ me { username } }' }], who: 'manager' },
      { body: { query: '{ me { username } }', extensions: { persistedQuery: { version: 1 } } }, who: 'manager' },
      { body: { query: '{ me { username } }', variables: [1] }, who: 'manager' },
      { body: '"{ me { username } }"', who: 'manager' },
      // answered as a stream, or not acceptable
      { body: { query: '{ me { username } }' }, who: 'manager', headers: { accept: 'text/event-stream' } },
      { body: { query: '{ me { username } }' }, who: 'manager', headers: { accept: 'multipart/mixed' } },
      { body: { query: '{ me { username } }' }, who: 'manager', headers: { accept: 'text/plain' } },
    ];
    for (const [i, call] of others.entries()) {
      const { front, yoga, direct } = await both(call);
      // the first seven are requests Yoga answers with errors
      if (i < 7) expect(JSON.parse(yoga.text)).toHaveProperty('errors');
      expect({ call, direct, yoga: yoga.text.slice(0, 300) }).toEqual({ call, direct: false, yoga: yoga.text.slice(0, 300) });
      if (!(Array.isArray(call.body) || (call.headers?.accept ?? '').includes('text/event-stream'))) expect(front).toEqual(yoga);
    }
  });

  it.each([true, false])('keeps the response cache right (direct path %s): a query is cached per caller and a mutation clears it', async (directQueries) => {
    const cached = await serveHttp(() => t.app, { maxBodyBytes: 1024 * 1024, responseCacheTtlMs: 60_000, collectWhenIdle: false, directQueries });
    try {
      const post = (who: string, query: string) => fetch(`${cached.base}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json', authorization: `Bearer ${tokens[who]}` }, body: JSON.stringify({ query }) });
      const first = await post('manager', '{ me { username } }');
      expect(first.headers.get('x-pinzhi-cache')).toBe('miss');
      expect(await first.json()).toEqual({ data: { me: { username: 'manager' } } });
      const again = await post('manager', '{ me { username } }');
      expect(again.headers.get('x-pinzhi-cache')).toBe('hit');
      expect(await (await post('auditor', '{ me { username } }')).json()).toEqual({ data: { me: { username: 'auditor' } } });
      await post('manager', 'mutation { submitForReview(code: "M99.P99.W999") { __typename } }');
      expect((await post('manager', '{ me { username } }')).headers.get('x-pinzhi-cache')).toBe('miss');
    } finally {
      await cached.close();
    }
  });
});

describe('the direct path\'s rules', () => {
  it('chooses the media type Yoga chooses', () => {
    expect(regularMediaType(undefined)).toBe('application/json');
    expect(regularMediaType('*/*')).toBe('application/json');
    expect(regularMediaType('application/graphql-response+json')).toBe('application/graphql-response+json');
    expect(regularMediaType('application/graphql-response+json, application/json')).toBe('application/graphql-response+json');
    expect(regularMediaType('application/json, application/graphql-response+json')).toBe('application/json');
    expect(regularMediaType('text/event-stream')).toBeNull();
    expect(regularMediaType('application/json; charset=latin1')).toBeNull();
  });

  it('takes only { query, variables?, operationName? }', () => {
    expect(directParamsOf({ query: '{ a }' })).toEqual({ query: '{ a }' });
    expect(directParamsOf({ query: '{ a }', variables: { x: 1 }, operationName: 'A' })).toEqual({ query: '{ a }', variables: { x: 1 }, operationName: 'A' });
    expect(directParamsOf({ query: '{ a }', variables: null, operationName: null })).toEqual({ query: '{ a }' });
    for (const body of [null, [], 'q', { query: 1 }, { query: '{ a }', variables: 'x' }, { query: '{ a }', operationName: 2 }, { query: '{ a }', extensions: {} }]) expect(directParamsOf(body)).toBeNull();
  });
});
