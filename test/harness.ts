import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { createApp, type App } from '../server/app.ts';
import { loadConfig } from '../server/config.ts';
import { openOrm } from '../server/db/orm.ts';
import { SYSTEM_ACTOR } from '../domain/shared/access.ts';
import { ensureDemoUsers, DEMO_PASSWORD } from '../domain/users/user.service.ts';
import type { SqlEntityManager } from '@mikro-orm/sql';
import type { AddressInfo } from 'node:net';
import { createHttpServer, type HttpOptions } from '../server/http.ts';

/**
 * A real database per test file: in-memory PGlite by default, or a fresh database on the
 * PostgreSQL server named by TEST_DATABASE_URL (created here, dropped afterwards).
 */
export interface TestApp {
  app: App;
  em(): SqlEntityManager;
  /** A GraphQL request through Yoga, read in English (`language` sets Accept-Language; the server's default is Chinese). */
  gql<T = any>(query: string, variables?: Record<string, unknown>, token?: string, language?: string | null): Promise<{ data?: T; errors?: { message: string }[] }>;
  login(username: string): Promise<string>;
  close(): Promise<void>;
  backend: 'pglite' | 'postgresql';
}

/** A new, empty database on the PostgreSQL server of `serverUrl` (named `<prefix>_<random>`), and how to drop it. */
export async function scratchDatabase(serverUrl: string, prefix: string): Promise<{ url: string; drop(): Promise<void> }> {
  const name = `${prefix}_${randomBytes(6).toString('hex')}`;
  const run = async (sql: string) => {
    const client = new pg.Client({ connectionString: serverUrl });
    await client.connect();
    try {
      await client.query(sql);
    } finally {
      await client.end();
    }
  };
  await run(`create database ${name}`);
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  return { url: url.toString(), drop: () => run(`drop database if exists ${name} with (force)`) };
}

/**
 * A port of 127.0.0.1 that is free now (the system picks it), for a server process a test starts.
 * Random ports in the ephemeral range can collide with the local ports of the test's own connections.
 */
export async function freePort(): Promise<number> {
  const { createServer } = await import('node:net');
  const probe = createServer();
  await new Promise<void>((resolve) => probe.listen(0, '127.0.0.1', resolve));
  const { port } = probe.address() as AddressInfo;
  await new Promise<void>((resolve) => probe.close(() => resolve()));
  return port;
}

/** The real HTTP front for an app, on a free port of 127.0.0.1. */
export async function serveHttp(getApp: () => App | null, options: HttpOptions): Promise<{ base: string; close(): Promise<void> }> {
  const server = createHttpServer(getApp, options);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    base: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    close: async () => {
      server.closeAllConnections();
      await new Promise((resolve) => server.close(resolve));
    },
  };
}

export async function startTestApp(options: { demoUsers?: boolean } = {}): Promise<TestApp> {
  const serverUrl = process.env.TEST_DATABASE_URL;
  const scratch = serverUrl ? await scratchDatabase(serverUrl, 'pinzhi_test') : null;
  const databaseUrl = scratch?.url;
  const dropDatabase = async () => scratch?.drop();
  const photoDir = mkdtempSync(join(tmpdir(), 'pinzhi-photos-'));
  const config = { ...loadConfig({ DATA_DIR: 'memory://', SEED: 'false' }), dataDir: 'memory://', databaseUrl, authSecret: 'test-secret', photoDir, maxPhotoBytes: 256 * 1024 };
  const orm = await openOrm(config);
  const app = await createApp(config, orm);
  if (options.demoUsers !== false) await ensureDemoUsers(orm.em.fork() as SqlEntityManager, SYSTEM_ACTOR);
  const gql = async (query: string, variables?: Record<string, unknown>, token?: string, language: string | null = 'en') => {
    const response = await app.yoga.fetch('http://localhost/graphql', {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}), ...(language ? { 'accept-language': language } : {}) },
      body: JSON.stringify({ query, variables }),
    });
    return response.json();
  };
  return {
    app,
    backend: serverUrl ? 'postgresql' : 'pglite',
    em: () => orm.em.fork() as SqlEntityManager,
    gql,
    async login(username: string) {
      const result = await gql(`mutation($u: String!, $p: String!) { login(username: $u, password: $p) { __typename ... on LoginSuccess { token } ... on Error { message } } }`, { u: username, p: DEMO_PASSWORD });
      const token = result.data?.login?.token;
      if (!token) throw new Error(`login ${username} failed: ${JSON.stringify(result)}`);
      return token;
    },
    async close() {
      await app.close();
      await dropDatabase();
      rmSync(photoDir, { recursive: true, force: true });
    },
  };
}
