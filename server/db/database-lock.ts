import pg from 'pg';

/**
 * Session advisory locks that serialise the start-up of several servers on one PostgreSQL
 * database. The keys sit beside the transaction locks of `domain/` (72_100_00x).
 */
export const DATABASE_LOCKS = {
  /** applying migrations (and creating the migrations table) */
  migrations: 72_100_010,
  /** the first-start work: seeding, shipped workflows, the job queue's start-up sweeps */
  startUp: 72_100_011,
} as const;

/**
 * Runs `work` while this process holds the advisory lock `key` on the database of `databaseUrl`;
 * another server starting at the same time waits here until `work` is done, then finds it done.
 * The lock lives on a connection of its own, so it is released when `work` ends or when the
 * process dies (the database drops the session). Without a database URL (the embedded PGlite,
 * which one process owns) `work` just runs.
 */
export async function withDatabaseLock<T>(databaseUrl: string | undefined, key: number, work: () => Promise<T>): Promise<T> {
  if (!databaseUrl) return work();
  const client = new pg.Client({ connectionString: databaseUrl, application_name: 'pinzhi-start-lock' });
  await client.connect();
  try {
    await client.query('select pg_advisory_lock($1)', [key]);
    return await work();
  } finally {
    // closing the session releases the lock
    await client.end().catch(() => undefined);
  }
}
