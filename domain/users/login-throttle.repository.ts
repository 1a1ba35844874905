import type { EntityManager } from '../shared/persistence.ts';

/** Counters of failed sign-ins, shared by every server of one database. */
export const loginThrottleRepository = {
  /** The latest lock still running on any of the keys, or null. */
  async lockedUntil(em: EntityManager, keys: string[], now: Date): Promise<Date | null> {
    const [row] = await em.execute<{ until: Date | null }[]>(`select max(locked_until) as until from login_throttle where key in (${keys.map(() => '?').join(', ')}) and locked_until > ?`, [...keys, now]);
    return row?.until ? new Date(row.until) : null;
  },

  /** Counts one failure on a key (a new window once the old one began before `windowStart`); returns the count. */
  async countFailure(em: EntityManager, key: string, now: Date, windowStart: Date): Promise<number> {
    const [{ failures }] = await em.execute<{ failures: number }[]>(
      `insert into login_throttle (key, failures, window_started_at) values (?, 1, ?)
       on conflict (key) do update set
         failures = case when login_throttle.window_started_at < ? then 1 else login_throttle.failures + 1 end,
         window_started_at = case when login_throttle.window_started_at < ? then excluded.window_started_at else login_throttle.window_started_at end
       returning failures`, [key, now, windowStart, windowStart]);
    return failures;
  },

  async lock(em: EntityManager, key: string, until: Date): Promise<void> {
    await em.execute(`update login_throttle set locked_until = ? where key = ?`, [until, key]);
  },

  /** Forgets keys whose window began before `windowStart` and whose lock (if any) is over. */
  async forgetStale(em: EntityManager, windowStart: Date, now: Date): Promise<void> {
    await em.execute(`delete from login_throttle where window_started_at < ? and (locked_until is null or locked_until < ?)`, [windowStart, now]);
  },

  async clear(em: EntityManager, key: string): Promise<void> {
    await em.execute(`delete from login_throttle where key = ?`, [key]);
  },
};
