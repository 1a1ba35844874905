import { findingKeys } from '../../domain/findings/finding-keys.service.ts';
import { startTestApp, type TestApp } from '../../test/harness.ts';
import { createPinzhiYoga } from '../yoga.ts';

let t: TestApp;
beforeAll(async () => {
  t = await startTestApp();
});
afterAll(() => t.close());

const deps = () => ({ orm: t.app.orm, tokens: t.app.tokens, limits: t.app.limits, photos: t.app.photos, jobs: t.app.jobs, keys: findingKeys });
const post = (yoga: ReturnType<typeof createPinzhiYoga>, query: string, headers: Record<string, string> = {}) =>
  yoga.fetch('http://localhost/graphql', { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: JSON.stringify({ query }) });

describe('with NODE_ENV=production', () => {
  let yoga: ReturnType<typeof createPinzhiYoga>;
  beforeAll(() => {
    const was = process.env.NODE_ENV;
    process.env.NODE_ENV = 'production';
    try {
      yoga = createPinzhiYoga(deps());
    } finally {
      process.env.NODE_ENV = was;
    }
  });

  it('refuses introspection and serves no GraphiQL, and answers queries as usual', async () => {
    const schema = await (await post(yoga, '{ __schema { types { name } } }')).json();
    expect(schema.errors[0].message).toMatch(/introspection has been disabled/);
    const type = await (await post(yoga, '{ __type(name: "Query") { name } }')).json();
    expect(type.errors[0].message).toMatch(/introspection has been disabled/);
    const page = await yoga.fetch('http://localhost/graphql', { headers: { accept: 'text/html' } });
    expect(await page.text()).not.toContain('GraphiQL');
    expect(await (await post(yoga, '{ __typename me { username } }')).json()).toEqual({ data: { __typename: 'Query', me: null } });
  });
});

describe('CORS', () => {
  it('answers only the origins the operator allows (CORS_ORIGINS), without credentials', async () => {
    const yoga = createPinzhiYoga({ ...deps(), corsOrigins: ['https://quality.example.com', 'https://m.example.com'] });
    const preflight = (origin: string) => yoga.fetch('http://localhost/graphql', { method: 'OPTIONS', headers: { origin, 'access-control-request-method': 'POST', 'access-control-request-headers': 'authorization, content-type' } });
    const allowed = await preflight('https://quality.example.com');
    expect(allowed.headers.get('access-control-allow-origin')).toBe('https://quality.example.com');
    expect(allowed.headers.get('access-control-allow-credentials')).toBeNull();
    const other = await preflight('https://evil.example');
    expect(other.headers.get('access-control-allow-origin')).not.toBe('https://evil.example');
    // without the setting, nobody else gets CORS headers
    const closed = await createPinzhiYoga(deps()).fetch('http://localhost/graphql', { method: 'OPTIONS', headers: { origin: 'https://quality.example.com', 'access-control-request-method': 'POST' } });
    expect(closed.headers.get('access-control-allow-origin')).toBeNull();
  });
});
