import { loadConfig } from './config.ts';

describe('configuration', () => {
  it('defaults to embedded PGlite under ./data with demo data', () => {
    const config = loadConfig({});
    expect(config).toMatchObject({ port: 4000, databaseUrl: undefined, seed: true, responseCacheTtlMs: 1000 });
    expect(config.dataDir.endsWith('/data')).toBe(true);
  });

  it('creates no demo users or data when DATABASE_URL is set', () => {
    expect(loadConfig({ DATABASE_URL: 'postgres://root@127.0.0.1:5432/pinzhi' })).toMatchObject({ databaseUrl: 'postgres://root@127.0.0.1:5432/pinzhi', seed: false });
  });

  it('rejects a malformed number with the variable named', () => {
    expect(() => loadConfig({ PORT: 'eighty' })).toThrow('PORT must be a positive integer, got "eighty"');
    expect(loadConfig({ RESPONSE_CACHE_TTL_MS: '0' }).responseCacheTtlMs).toBe(0);
  });

  it('listens on 127.0.0.1 only on the embedded default (demo users), and says so; HOST opens it', () => {
    expect(loadConfig({})).toMatchObject({ host: '127.0.0.1', notices: [expect.stringMatching(/127\.0\.0\.1 only.*HOST=0\.0\.0\.0/)] });
    expect(loadConfig({ HOST: '0.0.0.0' })).toMatchObject({ host: '0.0.0.0', notices: [] });
    expect(loadConfig({ DATABASE_URL: 'postgres://root@127.0.0.1:5432/pinzhi' })).toMatchObject({ host: '0.0.0.0', notices: [] });
    expect(loadConfig({ DATABASE_URL: 'postgres://root@127.0.0.1:5432/pinzhi', SEED: 'true' }).host).toBe('127.0.0.1');
  });

  it('allows CORS only for listed origins', () => {
    expect(loadConfig({}).corsOrigins).toEqual([]);
    expect(loadConfig({ CORS_ORIGINS: 'https://quality.example.com, https://m.example.com' }).corsOrigins).toEqual(['https://quality.example.com', 'https://m.example.com']);
    expect(() => loadConfig({ CORS_ORIGINS: '*' })).toThrow('CORS_ORIGINS must list origins like https://quality.example.com, got "*"');
  });

  it('reads the replicas of DATABASE_URL from DATABASE_REPLICA_URLS, and refuses them without it', () => {
    const primary = 'postgres://root@db-primary:5432/pinzhi';
    expect(loadConfig({ DATABASE_URL: primary }).replicaUrls).toEqual([]);
    expect(loadConfig({ DATABASE_URL: primary, DATABASE_REPLICA_URLS: 'postgres://root@db-r1:5432/pinzhi, postgres://root@db-r2:5432/pinzhi' }).replicaUrls)
      .toEqual(['postgres://root@db-r1:5432/pinzhi', 'postgres://root@db-r2:5432/pinzhi']);
    expect(() => loadConfig({ DATABASE_REPLICA_URLS: 'postgres://root@db-r1:5432/pinzhi' })).toThrow('DATABASE_REPLICA_URLS needs DATABASE_URL: the embedded PGlite has no read replicas');
    expect(() => loadConfig({ DATABASE_URL: primary, DATABASE_REPLICA_URLS: 'db-r1:5432' })).toThrow('DATABASE_REPLICA_URLS must list postgres:// URLs, got "db-r1:5432"');
  });
});
