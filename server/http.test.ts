import type { AddressInfo } from 'node:net';
import type { Server } from 'node:http';
import { createHttpServer } from './http.ts';
import { startTestApp, type TestApp } from '../test/harness.ts';
import type { App } from './app.ts';

let t: TestApp;
let server: Server;
let base: string;
let ready: App | null = null;

beforeAll(async () => {
  t = await startTestApp();
  server = createHttpServer(() => ready, 64 * 1024);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(async () => {
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
    const bad = await fetch(`${base}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"query": nope' });
    expect(bad.status).toBe(400);
    expect((await bad.json()).errors[0].message).toMatch(/invalid JSON/i);
    expect((await fetch(`${base}/health`)).status).toBe(200);
  });

  it('refuses a body over the size limit with 413 before reading it all', async () => {
    const big = await fetch(`${base}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ query: '{ me { username } }', variables: { x: 'a'.repeat(100_000) } }) });
    expect(big.status).toBe(413);
    expect((await big.json()).errors[0].extensions.code).toBe('PAYLOAD_TOO_LARGE');
    expect((await fetch(`${base}/health`)).status).toBe(200);
  });

  it('masks unexpected errors', async () => {
    // An unknown field is a GraphQL validation error (shown); a masked one never shows internals.
    const unknown = await fetch(`${base}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ query: '{ nope }' }) });
    expect((await unknown.json()).errors[0].message).toContain('Cannot query field "nope"');
  });
});
