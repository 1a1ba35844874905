import { jest } from '@jest/globals';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { AddressInfo } from 'node:net';
import type { Server } from 'node:http';
import { createHttpServer } from './http.ts';
import { startTestApp, type TestApp } from '../test/harness.ts';
import type { App } from './app.ts';
import { organisationRepository } from '../domain/organisations/organisation.repository.ts';

let t: TestApp;
let server: Server;
let base: string;
let ready: App | null = null;

beforeAll(async () => {
  t = await startTestApp();
  server = createHttpServer(() => ready, { maxBodyBytes: 64 * 1024, responseCacheTtlMs: 60_000 });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(async () => {
  server.closeAllConnections();
  await new Promise((resolve) => server.close(resolve));
  await t.close();
});

describe('HTTP', () => {
  it('answers /health with 503 while starting and 200 once migrations ran', async () => {
    expect((await fetch(`${base}/health`)).status).toBe(503);
    ready = t.app;
    const health = await fetch(`${base}/health`);
    expect(health.status).toBe(200);
    expect(await health.json()).toEqual({ status: 'ok' });
  });

  it('serves GraphiQL without any CDN', async () => {
    const page = await fetch(`${base}/graphql`, { headers: { accept: 'text/html' } });
    const html = await page.text();
    expect(page.status).toBe(200);
    expect(html).toContain('GraphiQL');
    expect(html).not.toMatch(/unpkg\.com|jsdelivr|cdnjs/);
  });

  it('answers a non-JSON body with 400 and stays up', async () => {
    const bad = await fetch(`${base}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json', 'accept-language': 'en' }, body: '{"query": nope' });
    expect(bad.status).toBe(400);
    expect((await bad.json()).errors[0]).toMatchObject({ message: "The request body is not valid JSON: unexpected token 'o'", extensions: { code: 'BAD_REQUEST', messageCode: 'request.body_not_json' } });
    expect((await fetch(`${base}/health`)).status).toBe(200);
  });

  it('refuses a body over the size limit with 413 before reading it all', async () => {
    const big = await fetch(`${base}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ query: '{ me { username } }', variables: { x: 'a'.repeat(100_000) } }) });
    expect(big.status).toBe(413);
    expect((await big.json()).errors[0].extensions.code).toBe('PAYLOAD_TOO_LARGE');
    expect((await fetch(`${base}/health`)).status).toBe(200);
  });

  it('reuses query responses per caller, revalidates them by ETag, and forgets them after a mutation', async () => {
    // given two signed-in users and a query
    const [manager, auditor] = await Promise.all([t.login('manager'), t.login('auditor')]);
    const post = (query: string, token: string, headers: Record<string, string> = {}) =>
      fetch(`${base}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json', authorization: `Bearer ${token}`, ...headers }, body: JSON.stringify({ query }) });
    const list = '{ standards(workingCopy: true) { ... on StandardConnection { totalCount } } }';
    // when the same query is asked twice
    const first = await post(list, manager);
    const second = await post(list, manager);
    // then the second is served from the cache with the same ETag, and a revalidation is a 304
    expect(first.headers.get('x-pinzhi-cache')).toBe('miss');
    expect(second.headers.get('x-pinzhi-cache')).toBe('hit');
    expect(second.headers.get('etag')).toBe(first.headers.get('etag'));
    expect(await second.json()).toEqual(await first.json());
    expect((await post(list, manager, { 'if-none-match': first.headers.get('etag')! })).status).toBe(304);
    // and signing in (a mutation that changes nothing cached) keeps the cache
    await t.login('inspector');
    await fetch(`${base}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ query: 'mutation { login(username: "pm", password: "x") { __typename } }' }) });
    expect((await post(list, manager)).headers.get('x-pinzhi-cache')).toBe('hit');
    // and callers never share answers
    expect((await (await post('{ me { username } }', manager)).json()).data.me.username).toBe('manager');
    expect((await (await post('{ me { username } }', auditor)).json()).data.me.username).toBe('auditor');
    // when a mutation changes the store, the next read is fresh
    const before = (await (await post(list, manager)).json()).data.standards.totalCount;
    const schema = { $schema: 'https://json-schema.org/draft/2020-12/schema', $id: 'urn:pinzhi:std:M05', title: '绿化养护', 'x-standard': { kind: 'module', code: 'M05' }, type: 'object', properties: {} };
    const created = await fetch(`${base}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json', authorization: `Bearer ${manager}` }, body: JSON.stringify({ query: 'mutation($s: JSON) { createDraft(code: "M05", schema: $s) { __typename } }', variables: { s: schema } }) });
    expect((await created.json()).data.createDraft.__typename).toBe('StandardVersion');
    const after = await post(list, manager);
    expect(after.headers.get('x-pinzhi-cache')).toBe('miss');
    expect((await after.json()).data.standards.totalCount).toBe(before + 1);
  });

  it('reads the caller\'s memberships once per request, for the cache key and the resolvers alike', async () => {
    // given a signed-in user and a query no one asked yet
    const manager = await t.login('manager');
    const reads = jest.spyOn(organisationRepository, 'accessOf');
    try {
      // when it is asked (a cache miss: the cache key and the resolvers both need the caller)
      const response = await fetch(`${base}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json', authorization: `Bearer ${manager}` }, body: JSON.stringify({ query: '{ me { username roles } }' }) });
      // then it is answered for that caller from one read of their memberships
      expect(response.headers.get('x-pinzhi-cache')).toBe('miss');
      expect((await response.json()).data.me).toEqual({ username: 'manager', roles: ['quality_manager'] });
      expect(reads).toHaveBeenCalledTimes(1);
    } finally {
      reads.mockRestore();
    }
  });

  it('forgets cached answers after a mutation of any content type', async () => {
    // given a cached answer
    const manager = await t.login('manager');
    const list = JSON.stringify({ query: '{ editions { ... on EditionConnection { nodes { name } } } }' });
    const read = () => fetch(`${base}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json', authorization: `Bearer ${manager}` }, body: list });
    await read();
    expect((await read()).headers.get('x-pinzhi-cache')).toBe('hit');
    // when a mutation arrives as application/graphql (the body is the document itself)
    const mutation = await fetch(`${base}/graphql`, { method: 'POST', headers: { 'content-type': 'application/graphql', authorization: `Bearer ${manager}` }, body: 'mutation { createDraft(code: "M06") { __typename } }' });
    expect((await mutation.json()).data.createDraft.__typename).toBe('ValidationError');
    // then the next read is executed again
    expect((await read()).headers.get('x-pinzhi-cache')).toBe('miss');
    // and a multipart request (an upload) clears it too
    await read();
    const form = new FormData();
    form.append('operations', JSON.stringify({ query: 'mutation ($f: File!) { uploadPhoto(file: $f) { __typename } }', variables: { f: null } }));
    form.append('map', JSON.stringify({ 0: ['variables.f'] }));
    form.append('0', new Blob([new Uint8Array([1, 2, 3])], { type: 'image/png' }), 'x.png');
    await fetch(`${base}/graphql`, { method: 'POST', headers: { authorization: `Bearer ${manager}` }, body: form });
    expect((await read()).headers.get('x-pinzhi-cache')).toBe('miss');
  });

  it('sends no CORS headers to other sites', async () => {
    const preflight = await fetch(`${base}/graphql`, { method: 'OPTIONS', headers: { origin: 'https://evil.example', 'access-control-request-method': 'POST', 'access-control-request-headers': 'authorization' } });
    expect(preflight.headers.get('access-control-allow-origin')).toBeNull();
    expect(preflight.headers.get('access-control-allow-credentials')).toBeNull();
  });

  it('masks unexpected errors and keeps serving', async () => {
    // given a database fault the API does not expect (a table gone)
    const token = await t.login('auditor');
    await t.em().execute('alter table edition rename to edition_away');
    try {
      // when
      const response = await fetch(`${base}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` }, body: JSON.stringify({ query: '{ editions { ... on EditionConnection { nodes { name } } } }' }) });
      const body = await response.json();
      // then nothing internal leaks
      expect(body.errors).toEqual([{ message: '意外错误', extensions: { code: 'INTERNAL_SERVER_ERROR', messageCode: 'request.unexpected', params: {} } }]);
      expect(JSON.stringify(body)).not.toMatch(/edition_away|relation|select/i);
    } finally {
      await t.em().execute('alter table edition_away rename to edition');
    }
    expect((await fetch(`${base}/health`)).status).toBe(200);
  });

  it('shows GraphQL validation errors as they are', async () => {
    // An unknown field is a GraphQL validation error (shown); a masked one never shows internals.
    const unknown = await fetch(`${base}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ query: '{ nope }' }) });
    expect((await unknown.json()).errors[0].message).toContain('Cannot query field "nope"');
  });
});

describe('the admin UI', () => {
  let ui: Server;
  let uiBase: string;
  const parent = mkdtempSync(join(tmpdir(), 'pinzhi-ui-'));
  const dist = join(parent, 'dist');
  const listen = async (dir: string) => {
    const s = createHttpServer(() => null, { maxBodyBytes: 1024, responseCacheTtlMs: 0, adminUiDir: dir });
    await new Promise<void>((resolve) => s.listen(0, '127.0.0.1', resolve));
    return { s, url: `http://127.0.0.1:${(s.address() as AddressInfo).port}` };
  };

  beforeAll(async () => {
    mkdirSync(join(dist, 'assets'), { recursive: true });
    writeFileSync(join(dist, 'index.html'), '<!doctype html><title>品质</title><script type="module" src="/admin/assets/app-1a2b.js"></script>');
    writeFileSync(join(dist, 'assets', 'app-1a2b.js'), `console.log(${JSON.stringify('x'.repeat(4000))});`);
    ({ s: ui, url: uiBase } = await listen(dist));
  });
  afterAll(async () => {
    ui.closeAllConnections();
    await new Promise((resolve) => ui.close(resolve));
    rmSync(parent, { recursive: true, force: true });
  });

  it('serves the app at /admin (also while the database is starting), its own routes included, and sends / there', async () => {
    const root = await fetch(`${uiBase}/`, { redirect: 'manual' });
    expect([root.status, root.headers.get('location')]).toEqual([302, '/admin/']);
    expect((await fetch(`${uiBase}/admin`, { redirect: 'manual' })).headers.get('location')).toBe('/admin/');
    for (const path of ['/admin/', '/admin/standards/M03.P01.W002/edit', '/admin/tasks?task=3']) {
      const page = await fetch(`${uiBase}${path}`);
      expect(page.status).toBe(200);
      expect(page.headers.get('content-type')).toBe('text/html; charset=utf-8');
      expect(page.headers.get('cache-control')).toBe('no-cache');
      expect(page.headers.get('content-security-policy')).toContain("script-src 'self'");
      expect(await page.text()).toContain('<title>品质</title>');
    }
    // the API still says it is starting
    expect((await fetch(`${uiBase}/graphql?query={me{username}}`)).status).toBe(503);
  });

  it('serves hashed assets for a year, gzipped when asked, revalidated by ETag; missing ones and other methods are refused', async () => {
    const asset = await fetch(`${uiBase}/admin/assets/app-1a2b.js`, { headers: { 'accept-encoding': 'gzip' } });
    expect(asset.status).toBe(200);
    expect(asset.headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
    expect(asset.headers.get('content-type')).toBe('text/javascript; charset=utf-8');
    expect(asset.headers.get('content-encoding')).toBe('gzip');
    expect((await asset.text()).length).toBeGreaterThan(4000);
    const again = await fetch(`${uiBase}/admin/assets/app-1a2b.js`, { headers: { 'if-none-match': asset.headers.get('etag')! } });
    expect(again.status).toBe(304);
    expect((await fetch(`${uiBase}/admin/assets/missing-0000.js`)).status).toBe(404);
    expect((await fetch(`${uiBase}/admin/`, { method: 'POST' })).status).toBe(405);
  });

  it('never serves a file outside its folder', async () => {
    writeFileSync(join(parent, 'secret.txt'), 'not for you');
    for (const path of ['/admin/..%2Fsecret.txt', '/admin/%2e%2e/secret.txt', '/admin/assets/..%2F..%2Fsecret.txt', '/admin/%E0%A4%A']) {
      const response = await fetch(`${uiBase}${path}`);
      expect(await response.text()).not.toContain('not for you');
    }
    // one file, however it is spelled, and the app's page never cached as an asset
    const roundabout = await fetch(`${uiBase}/admin/x1%2F..%2Fassets%2Fapp-1a2b.js`);
    expect(roundabout.headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
    expect((await fetch(`${uiBase}/admin/assets/..%2Findex.html`)).headers.get('cache-control')).toBe('no-cache');
  });

  it('answers 503 with what to do when the UI is not built', async () => {
    const empty = mkdtempSync(join(tmpdir(), 'pinzhi-no-ui-'));
    const { s, url } = await listen(empty);
    const response = await fetch(`${url}/admin/`);
    expect(response.status).toBe(503);
    expect(await response.text()).toContain('npm run build:ui');
    s.closeAllConnections();
    await new Promise((resolve) => s.close(resolve));
    rmSync(empty, { recursive: true, force: true });
  });
});
