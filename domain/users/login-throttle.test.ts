import { serveHttp, startTestApp, type TestApp } from '../../test/harness.ts';
import { DEMO_PASSWORD } from './user.service.ts';
import { LOGIN_THROTTLE } from './login-throttle.service.ts';

let t: TestApp;
let http: Awaited<ReturnType<typeof serveHttp>>;

beforeAll(async () => {
  t = await startTestApp();
  // behind a proxy the operator trusts, the client's address comes from X-Forwarded-For
  t.app.config.trustProxy = true;
  http = await serveHttp(() => t.app, { maxBodyBytes: 64 * 1024, responseCacheTtlMs: 1000 });
});
afterAll(async () => {
  await http.close();
  await t.close();
});

async function login(username: string, password: string, from: string) {
  const response = await fetch(`${http.base}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-forwarded-for': from },
    body: JSON.stringify({ query: 'mutation ($u: String!, $p: String!) { login(username: $u, password: $p) { __typename ... on RateLimitedError { message retryAfterSeconds } } }', variables: { u: username, p: password } }),
  });
  return { result: (await response.json()).data.login as { __typename: string; retryAfterSeconds?: number }, retryAfter: response.headers.get('retry-after') };
}

describe('sign-in throttling', () => {
  it('locks a username after repeated wrong passwords: 60 guesses get through 5 checks, the right password waits too', async () => {
    // given 60 wrong passwords for one user, from one address
    const outcomes: string[] = [];
    for (let i = 0; i < 60; i++) outcomes.push((await login('manager', `guess-${i}`, '203.0.113.7')).result.__typename);
    // then only the first ones were checked; every later one was refused unchecked
    expect(outcomes.slice(0, LOGIN_THROTTLE.userFailures)).toEqual(Array(LOGIN_THROTTLE.userFailures).fill('InvalidCredentialsError'));
    expect(outcomes.slice(LOGIN_THROTTLE.userFailures)).toEqual(Array(60 - LOGIN_THROTTLE.userFailures).fill('RateLimitedError'));
    // and the right password is refused while the lock lasts, with Retry-After
    const locked = await login('manager', DEMO_PASSWORD, '203.0.113.7');
    expect(locked.result.__typename).toBe('RateLimitedError');
    expect(Number(locked.retryAfter)).toBeGreaterThan(0);
    expect(Number(locked.retryAfter)).toBe(locked.result.retryAfterSeconds);
    // while another user signs in from elsewhere
    expect((await login('auditor', DEMO_PASSWORD, '198.51.100.2')).result.__typename).toBe('LoginSuccess');
  });

  it('locks an address that guesses many usernames', async () => {
    const outcomes: string[] = [];
    for (let i = 0; i < LOGIN_THROTTLE.addressFailures + 3; i++) outcomes.push((await login(`user${i}`, 'wrong-password', '192.0.2.99')).result.__typename);
    expect(outcomes.slice(0, LOGIN_THROTTLE.addressFailures)).toEqual(Array(LOGIN_THROTTLE.addressFailures).fill('InvalidCredentialsError'));
    expect(outcomes.slice(LOGIN_THROTTLE.addressFailures)).toEqual(['RateLimitedError', 'RateLimitedError', 'RateLimitedError']);
    // a real user from that address waits too; from another address, not
    expect((await login('pm', DEMO_PASSWORD, '192.0.2.99')).result.__typename).toBe('RateLimitedError');
    expect((await login('pm', DEMO_PASSWORD, '192.0.2.100')).result.__typename).toBe('LoginSuccess');
  });

  it('counts anew after the lock, and a success clears the username\'s count', async () => {
    // given a username one failure short of its lock
    for (let i = 0; i < LOGIN_THROTTLE.userFailures - 1; i++) await login('inspector', 'wrong', '203.0.113.50');
    // when the right password comes, then another wrong one
    expect((await login('inspector', DEMO_PASSWORD, '203.0.113.50')).result.__typename).toBe('LoginSuccess');
    // then the count started again: four more wrong passwords are still checked
    for (let i = 0; i < LOGIN_THROTTLE.userFailures - 1; i++) expect((await login('inspector', 'wrong', '203.0.113.51')).result.__typename).toBe('InvalidCredentialsError');
    // and once a lock has passed (moved into the past here), the user signs in again
    await t.em().execute(`update login_throttle set locked_until = now() - interval '1 second' where key = 'user:manager'`);
    expect((await login('manager', DEMO_PASSWORD, '203.0.113.60')).result.__typename).toBe('LoginSuccess');
  });
});
