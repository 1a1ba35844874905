import type { EntityManager } from './persistence.ts';

/** Work that a committed change causes, run by a worker after the commit. */
export type Job =
  /** a workflow timer falls due at `dueAt` */
  | { kind: 'fire-timer'; timerId: number; dueAt: Date }
  /** an inspection's major and critical findings open their rectifications */
  | { kind: 'open-rectifications'; inspectionId: number }
  /** the daily certificate-expiry warnings of `day` (YYYY-MM-DD, China time), run from `runAt` */
  | { kind: 'qualification-warnings'; day: string; runAt: Date };

/**
 * The jobs port of the service context. A service records the jobs its change causes on the
 * transaction that makes the change, so they exist exactly when the change commits (a rollback
 * takes them away) and no service ever waits for a queue while it holds the connection.
 */
export interface Jobs {
  /** Records jobs on `em`'s open transaction (or at once when `em` is in none). */
  enqueue(em: EntityManager, jobs: readonly Job[]): Promise<void>;
}
