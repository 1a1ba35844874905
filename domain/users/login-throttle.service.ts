import type { EntityManager } from '../shared/persistence.ts';
import { loginThrottleRepository } from './login-throttle.repository.ts';
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
  const until = await loginThrottleRepository.lockedUntil(em, keysOf(username, address), now);
  if (until) throw new RateLimitedError(Math.max(1, Math.ceil((until.getTime() - now.getTime()) / 1000)));
}

/**
 * Counts a failed sign-in against the username and the address, locking either past its
 * threshold. Rows of guessed usernames go once their window and lock are over (failures are
 * throttled, so this delete runs at most a few times a minute per guesser).
 */
export async function recordFailure(em: EntityManager, username: string, address: string, now = new Date()): Promise<void> {
  const windowStart = new Date(now.getTime() - LOGIN_THROTTLE.windowSeconds * 1000);
  const [userKey, addressKey] = keysOf(username, address);
  for (const [key, threshold] of [[userKey, LOGIN_THROTTLE.userFailures], [addressKey, LOGIN_THROTTLE.addressFailures]] as const) {
    const failures = await loginThrottleRepository.countFailure(em, key, now, windowStart);
    if (failures >= threshold) {
      const seconds = Math.min(LOGIN_THROTTLE.lockSeconds * 2 ** (failures - threshold), LOGIN_THROTTLE.maxLockSeconds);
      await loginThrottleRepository.lock(em, key, new Date(now.getTime() + seconds * 1000));
    }
  }
  await loginThrottleRepository.forgetStale(em, windowStart, now);
}

/** A successful sign-in clears the username's count (not the address's). */
export async function recordSuccess(em: EntityManager, username: string): Promise<void> {
  await loginThrottleRepository.clear(em, keysOf(username, '')[0]);
}
