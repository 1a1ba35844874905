import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DEMO_PASSWORD } from '../../domain/users/user.service.ts';
import { freePort, scratchDatabase } from '../harness.ts';

const ROOT = new URL('../../', import.meta.url).pathname;

/**
 * The command `npm start` runs, read from package.json so the tests start the server exactly as
 * a user does (the same Node.js that runs the tests: the one npm scripts pin).
 */
function startCommand(): string[] {
  const start = (JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { scripts: { start: string } }).scripts.start;
  const [program, ...args] = start.split(/\s+/);
  if (program !== 'node') throw new Error(`npm start runs "${start}"; the product tests expect "node …"`);
  return args;
}

/**
 * A fresh store for a server: a new data folder for the embedded PGlite, or a new database on the
 * PostgreSQL server of TEST_DATABASE_URL (seeded like a first start, so the demo users exist).
 */
export interface Store {
  env: Record<string, string>;
  backend: 'pglite' | 'postgresql';
  drop(): Promise<void>;
}

export async function freshStore(): Promise<Store> {
  const serverUrl = process.env.TEST_DATABASE_URL;
  const photos = mkdtempSync(join(tmpdir(), 'pinzhi-product-photos-'));
  if (!serverUrl) {
    const dir = mkdtempSync(join(tmpdir(), 'pinzhi-product-'));
    return { backend: 'pglite', env: { DATA_DIR: dir, PHOTO_DIR: photos, DATABASE_URL: '' }, drop: async () => { rmSync(dir, { recursive: true, force: true }); rmSync(photos, { recursive: true, force: true }); } };
  }
  const database = await scratchDatabase(serverUrl, 'pinzhi_product');
  return {
    backend: 'postgresql',
    env: { DATABASE_URL: database.url, SEED: 'true', PHOTO_DIR: photos },
    drop: async () => {
      await database.drop();
      rmSync(photos, { recursive: true, force: true });
    },
  };
}

export interface ServerProcess {
  base: string;
  child: ChildProcess;
  /** what the server printed so far */
  output(): string;
  /** Resolves with the exit code (or signal) once the process has ended. */
  exited: Promise<number | string>;
  /** Waits until /health answers 200. */
  ready(timeoutMs?: number): Promise<void>;
  /** Waits until the server has printed a line matching `pattern`. */
  printed(pattern: RegExp, timeoutMs?: number): Promise<void>;
}

/** Starts `npm start`'s command on `store` at a free port; the queue and timers run as in production. */
export async function startServer(store: Store, env: Record<string, string> = {}): Promise<ServerProcess> {
  const port = await freePort();
  const child = spawn(process.execPath, startCommand(), {
    cwd: ROOT,
    env: { ...process.env, NODE_ENV: '', AUTH_SECRET: 'product-test-secret', ...store.env, ...env, PORT: String(port), HOST: '127.0.0.1' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout!.on('data', (d) => (output += d));
  child.stderr!.on('data', (d) => (output += d));
  const exited = new Promise<number | string>((resolve) => child.once('exit', (code, signal) => resolve(code ?? signal ?? 'unknown')));
  const base = `http://127.0.0.1:${port}`;
  return {
    base,
    child,
    output: () => output,
    exited,
    async printed(pattern, timeoutMs = 120_000) {
      await eventually(`the server to print ${pattern}`, async () => (pattern.test(output) ? true : child.exitCode !== null ? Promise.reject(new Error(`the server exited:\n${output}`)) : undefined), timeoutMs);
    },
    async ready(timeoutMs = 120_000) {
      const end = Date.now() + timeoutMs;
      while (Date.now() < end) {
        if (child.exitCode !== null) throw new Error(`the server exited (${child.exitCode}):\n${output}`);
        try {
          if ((await fetch(`${base}/health`, { signal: AbortSignal.timeout(2000) })).status === 200) return;
        } catch {
          // not listening yet
        }
        await new Promise((r) => setTimeout(r, 200));
      }
      throw new Error(`the server did not become ready in ${timeoutMs} ms:\n${output}`);
    },
  };
}

/** Stops a server process (unless it already ended) and waits for it to exit. */
export async function stopServer(server: ServerProcess | undefined, signal: NodeJS.Signals = 'SIGTERM'): Promise<void> {
  if (server && server.child.exitCode === null) server.child.kill(signal);
  await server?.exited;
}

/** A suite's `afterAll`: stops its server and drops its store. */
export async function tearDown(server: ServerProcess | undefined, store: Store | undefined, signal: NodeJS.Signals = 'SIGTERM'): Promise<void> {
  await stopServer(server, signal);
  await store?.drop();
}

/** A client signed in on `server` as the demo user `username`. */
export async function signedIn(server: Pick<ServerProcess, 'base'>, username: string): Promise<ApiClient> {
  const client = new ApiClient(server.base);
  await client.login(username);
  return client;
}

/** A user of the API over HTTP. */
export class ApiClient {
  readonly base: string;
  token = '';

  constructor(base: string) {
    this.base = base;
  }

  /** Posts a GraphQL request; fails on a transport error or after `timeoutMs`. */
  async gql<T = any>(query: string, variables: Record<string, unknown> = {}, timeoutMs = 30_000): Promise<{ data?: T; errors?: { message: string; extensions?: Record<string, unknown> }[] }> {
    const response = await fetch(`${this.base}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...(this.token ? { authorization: `Bearer ${this.token}` } : {}) },
      body: JSON.stringify({ query, variables }),
      signal: AbortSignal.timeout(timeoutMs),
    });
    return (await response.json()) as { data?: T };
  }

  /** Signs in as a demo user; returns how long the login took (ms). */
  async login(username: string): Promise<number> {
    const started = performance.now();
    const result = await this.gql(`mutation ($u: String!, $p: String!) { login(username: $u, password: $p) { __typename ... on LoginSuccess { token } ... on Error { message } } }`, { u: username, p: DEMO_PASSWORD }, 5000);
    const token = result.data?.login?.token;
    if (!token) throw new Error(`login ${username} failed: ${JSON.stringify(result)}`);
    this.token = token;
    return performance.now() - started;
  }

  /** Uploads a photo the way a phone does (GraphQL multipart request); returns its sha256. */
  async upload(bytes: Buffer): Promise<string> {
    const form = new FormData();
    form.append('operations', JSON.stringify({ query: 'mutation ($f: File!) { uploadPhoto(file: $f) { __typename ... on Photo { sha256 } ... on Error { message } } }', variables: { f: null } }));
    form.append('map', JSON.stringify({ 0: ['variables.f'] }));
    form.append('0', new Blob([new Uint8Array(bytes)], { type: 'image/png' }), 'site.png');
    const response = await fetch(`${this.base}/graphql`, { method: 'POST', headers: { authorization: `Bearer ${this.token}` }, body: form, signal: AbortSignal.timeout(30_000) });
    const body = (await response.json()) as { data: { uploadPhoto: { sha256?: string } } };
    if (!body.data.uploadPhoto.sha256) throw new Error(`upload failed: ${JSON.stringify(body)}`);
    return body.data.uploadPhoto.sha256;
  }
}

/** Polls `probe` until it returns a value other than undefined, or fails after `timeoutMs`. */
export async function eventually<T>(what: string, probe: () => Promise<T | undefined>, timeoutMs = 20_000): Promise<T> {
  const end = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value !== undefined) return value;
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 250));
  }
}
