import pg from 'pg';

/** `url` with its database replaced by `database` (a scratch database lives on the primary and, replicated, on the replica). */
export function onDatabase(url: string, database: string): string {
  const u = new URL(url);
  u.pathname = `/${database}`;
  return u.toString();
}

/** Runs one query on a connection of its own (so cumulative statistics are read afresh). */
export async function query<T = Record<string, unknown>>(url: string, sql: string, params: unknown[] = []): Promise<T[]> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return (await client.query(sql, params)).rows as T[];
  } finally {
    await client.end();
  }
}

/** Scans (sequential and by index) and rows inserted of a table, as counted by the server of `url`. */
export async function tableStats(url: string, table: string): Promise<{ scans: number; inserted: number }> {
  const [row] = await query<{ scans: string; inserted: string }>(url,
    'select coalesce(seq_scan, 0) + coalesce(idx_scan, 0) as scans, n_tup_ins as inserted from pg_stat_user_tables where relname = $1', [table]);
  return { scans: Number(row?.scans ?? 0), inserted: Number(row?.inserted ?? 0) };
}

/** Waits until the replica of `replicaUrl` has received the database `database` created on its primary. */
export async function replicated(replicaUrl: string, database: string, timeoutMs = 30_000): Promise<void> {
  const end = Date.now() + timeoutMs;
  while (Date.now() < end) {
    if ((await query(replicaUrl, 'select 1 from pg_database where datname = $1', [database])).length > 0) return;
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error(`database ${database} did not reach the replica in ${timeoutMs} ms`);
}

/** Pauses (or resumes) the replica's replay of the primary's WAL: a lag made to order. */
export async function pauseReplay(replicaUrl: string, paused: boolean): Promise<void> {
  await query(replicaUrl, paused ? 'select pg_wal_replay_pause()' : 'select pg_wal_replay_resume()');
}
