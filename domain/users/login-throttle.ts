import type { SqlEntityManager as EntityManager } from '@mikro-orm/sql';
import { DomainError } from '../shared/errors.ts';
import { userMessage } from './user.messages.ts';

/** Too many failed sign-ins: try again after `retryAfterSeconds`. */
export class RateLimitedError extends DomainError {
  readonly retryAfterSeconds: number;
  constructor(retryAfterSeconds: number) {
    super(userMessage('auth.rate_limited', { seconds: retryAfterSeconds }));
    this.name = 'RateLimitedError';
    this.retryAfterSeconds = retryAfterSeconds;
  }
}

/**
 * How guessing passwords is slowed down. Failures are counted per username and per client address
 * within a window; past the threshold the key is locked, for twice as long after each further
 * failure, up to a maximum. While locked, no password is checked at all.
 */
export const LOGIN_THROTTLE = {
  userFailures: 5,
  addressFailures: 20,
  windowSeconds: 15 * 60,
  lockSeconds: 30,
  maxLockSeconds: 15 * 60,
} as const;

const keysOf = (username: string, address: string) => [`user:${username.slice(0, 200)}`, `addr:${address.slice(0, 200)}`];

/** Refuses a sign-in while its username or its address is locked. */
export async function assertNotLocked(em: EntityManager, username: string, address: string, now = new Date()): Promise<void> {
  const [row] = await em.execute<{ until: Date | null }[]>(`select max(locked_until) as until from login_throttle where key in (?, ?) and locked_until > ?`, [...keysOf(username, address), now]);
  if (row?.until) throw new RateLimitedError(Math.max(1, Math.ceil((new Date(row.until).getTime() - now.getTime()) / 1000)));
}

let lastCleanup = 0;

/** Counts a failed sign-in against the username and the address, locking either past its threshold. */
export async function recordFailure(em: EntityManager, username: string, address: string, now = new Date()): Promise<void> {
  const windowStart = new Date(now.getTime() - LOGIN_THROTTLE.windowSeconds * 1000);
  const [userKey, addressKey] = keysOf(username, address);
  for (const [key, threshold] of [[userKey, LOGIN_THROTTLE.userFailures], [addressKey, LOGIN_THROTTLE.addressFailures]] as const) {
    const [{ failures }] = await em.execute<{ failures: number }[]>(
      `insert into login_throttle (key, failures, window_started_at) values (?, 1, ?)
       on conflict (key) do update set
         failures = case when login_throttle.window_started_at < ? then 1 else login_throttle.failures + 1 end,
         window_started_at = case when login_throttle.window_started_at < ? then excluded.window_started_at else login_throttle.window_started_at end
       returning failures`, [key, now, windowStart, windowStart]);
    if (failures >= threshold) {
      const seconds = Math.min(LOGIN_THROTTLE.lockSeconds * 2 ** (failures - threshold), LOGIN_THROTTLE.maxLockSeconds);
      await em.execute(`update login_throttle set locked_until = ? where key = ?`, [new Date(now.getTime() + seconds * 1000), key]);
    }
  }
  // rows of guessed usernames go once their window and lock are over
  if (now.getTime() - lastCleanup > 60_000) {
    lastCleanup = now.getTime();
    await em.execute(`delete from login_throttle where window_started_at < ? and (locked_until is null or locked_until < ?)`, [windowStart, now]);
  }
}

/** A successful sign-in clears the username's count (not the address's). */
export async function recordSuccess(em: EntityManager, username: string): Promise<void> {
  await em.execute(`delete from login_throttle where key = ?`, [keysOf(username, '')[0]]);
}
