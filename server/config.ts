import { join, resolve } from 'node:path';

/** Runtime configuration, read once from the environment. */
export interface Config {
  port: number;
  host: string;
  /** Where embedded PGlite keeps its data (and, later, uploaded photos). */
  dataDir: string;
  /** When set, PostgreSQL is used instead of embedded PGlite. */
  databaseUrl: string | undefined;
  /** Keep callers' access in memory between requests, dropped when the database announces a change (ACCESS_CACHE=off reads it on every request). */
  accessCache: boolean;
  /** PostgreSQL read replicas of `databaseUrl`; reads of data that never changes go there. */
  replicaUrls: string[];
  /** Secret for signing bearer tokens; generated and stored in the database when unset. */
  authSecret: string | undefined;
  tokenTtlSeconds: number;
  /** Largest HTTP request body accepted (bytes). */
  maxBodyBytes: number;
  /** How long identical GraphQL query responses are reused (ms); 0 turns the cache off. */
  responseCacheTtlMs: number;
  /** The most bytes of responses the cache keeps. */
  responseCacheMaxBytes: number;
  /** Take the client's address from X-Forwarded-For (only behind a proxy that sets it). */
  trustProxy: boolean;
  /** Largest standard document accepted (bytes of canonical JSON). */
  maxDocumentBytes: number;
  /** Import the shipped library, sample projects and demo users on first start (embedded default only). */
  seed: boolean;
  logQueries: boolean;
  /** Origins allowed to call the API from a browser (CORS); none when empty. */
  corsOrigins: string[];
  /** What the operator should know about this configuration, printed at start. */
  notices: string[];
  /** Where uploaded photos are kept, by sha256. */
  photoDir: string;
  /** Largest photo accepted (bytes). */
  maxPhotoBytes: number;
}

function intFromEnv(env: NodeJS.ProcessEnv, name: string, fallback: number): number {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  const value = Number(raw);
  if (!Number.isInteger(value) || value <= 0) throw new Error(`${name} must be a positive integer, got "${raw}"`);
  return value;
}

/** Reads the configuration; every variable is documented in the README's configuration table. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const databaseUrl = env.DATABASE_URL || undefined;
  const seed = env.SEED ? env.SEED !== 'false' : !databaseUrl;
  // the embedded default (and any seeded database) has demo users with a published password
  const local = !databaseUrl || seed;
  const notices: string[] = [];
  if (!env.HOST && local) notices.push('listening on 127.0.0.1 only: this database has demo users with a known password; set HOST=0.0.0.0 to listen on every interface');
  const corsOrigins = (env.CORS_ORIGINS ?? '').split(',').map((o) => o.trim()).filter(Boolean);
  for (const origin of corsOrigins) {
    if (!/^https?:\/\/[^/\s]+$/.test(origin)) throw new Error(`CORS_ORIGINS must list origins like https://quality.example.com, got "${origin}"`);
  }
  const replicaUrls = (env.DATABASE_REPLICA_URLS ?? '').split(',').map((u) => u.trim()).filter(Boolean);
  for (const url of replicaUrls) {
    if (!/^postgres(ql)?:\/\/\S+$/.test(url)) throw new Error(`DATABASE_REPLICA_URLS must list postgres:// URLs, got "${url}"`);
  }
  if (replicaUrls.length > 0 && !databaseUrl) throw new Error('DATABASE_REPLICA_URLS needs DATABASE_URL: the embedded PGlite has no read replicas');
  return {
    port: intFromEnv(env, 'PORT', 4000),
    host: env.HOST || (local ? '127.0.0.1' : '0.0.0.0'),
    corsOrigins,
    notices,
    dataDir: resolve(env.DATA_DIR || './data'),
    databaseUrl,
    replicaUrls,
    authSecret: env.AUTH_SECRET || undefined,
    tokenTtlSeconds: intFromEnv(env, 'TOKEN_TTL_SECONDS', 12 * 3600),
    maxBodyBytes: intFromEnv(env, 'MAX_BODY_BYTES', 16 * 1024 * 1024),
    responseCacheTtlMs: env.RESPONSE_CACHE_TTL_MS === '0' ? 0 : intFromEnv(env, 'RESPONSE_CACHE_TTL_MS', 1000),
    responseCacheMaxBytes: intFromEnv(env, 'RESPONSE_CACHE_MAX_BYTES', 64 * 1024 * 1024),
    trustProxy: env.TRUST_PROXY === 'true',
    accessCache: env.ACCESS_CACHE !== 'off',
    maxDocumentBytes: intFromEnv(env, 'MAX_DOCUMENT_BYTES', 2 * 1024 * 1024),
    seed,
    logQueries: env.LOG_QUERIES === 'true',
    photoDir: resolve(env.PHOTO_DIR || join(env.DATA_DIR || './data', 'photos')),
    maxPhotoBytes: intFromEnv(env, 'MAX_PHOTO_BYTES', 10 * 1024 * 1024),
  };
}
