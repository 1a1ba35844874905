import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { createApp, type App } from '../server/app.ts';
import { loadConfig } from '../server/config.ts';
import { openOrm } from '../server/db/orm.ts';
import { SYSTEM_ACTOR } from '../server/auth/roles.ts';
import { ensureDemoUsers, DEMO_PASSWORD } from '../server/auth/user.service.ts';
import type { SqlEntityManager } from '@mikro-orm/sql';

/**
 * A real database per test file: in-memory PGlite by default, or a fresh database on the
 * PostgreSQL server named by TEST_DATABASE_URL (created here, dropped afterwards).
 */
export interface TestApp {
  app: App;
  em(): SqlEntityManager;
  gql<T = any>(query: string, variables?: Record<string, unknown>, token?: string): Promise<{ data?: T; errors?: { message: string }[] }>;
  login(username: string): Promise<string>;
  close(): Promise<void>;
  backend: 'pglite' | 'postgresql';
}

export async function startTestApp(options: { demoUsers?: boolean } = {}): Promise<TestApp> {
  const serverUrl = process.env.TEST_DATABASE_URL;
  let databaseUrl: string | undefined;
  let dropDatabase = async () => {};
  if (serverUrl) {
    const name = `pinzhi_test_${randomBytes(6).toString('hex')}`;
    const admin = new pg.Client({ connectionString: serverUrl });
    await admin.connect();
    await admin.query(`create database ${name}`);
    await admin.end();
    const url = new URL(serverUrl);
    url.pathname = `/${name}`;
    databaseUrl = url.toString();
    dropDatabase = async () => {
      const c = new pg.Client({ connectionString: serverUrl });
      await c.connect();
      await c.query(`drop database if exists ${name} with (force)`);
      await c.end();
    };
  }
  const photoDir = mkdtempSync(join(tmpdir(), 'pinzhi-photos-'));
  const config = { ...loadConfig({ DATA_DIR: 'memory://', SEED: 'false' }), dataDir: 'memory://', databaseUrl, authSecret: 'test-secret', photoDir, maxPhotoBytes: 256 * 1024 };
  const orm = await openOrm(config);
  const app = await createApp(config, orm);
  if (options.demoUsers !== false) await ensureDemoUsers(orm.em.fork() as SqlEntityManager, SYSTEM_ACTOR);
  const gql = async (query: string, variables?: Record<string, unknown>, token?: string) => {
    const response = await app.yoga.fetch('http://localhost/graphql', {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
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
