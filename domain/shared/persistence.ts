import { UniqueConstraintViolationException, type RequiredEntityData } from '@mikro-orm/core';
import type { SqlEntityManager } from '@mikro-orm/sql';

/**
 * The seam between the domain and the ORM: services name the unit of work by this type and open
 * transactions with `inTransaction`; only entities and repositories use the ORM's API beyond that.
 */
export type EntityManager = SqlEntityManager;

/** What a repository needs to store a new row: every column but generated ones and those that may be null or have a default. */
export type NewRow<T> = RequiredEntityData<T>;

/**
 * Runs `work` in a transaction on its own fork of `em` (or inside the transaction `em` already
 * holds), commits when `work` resolves and rolls back when it throws.
 */
export function inTransaction<T>(em: EntityManager, work: (em: EntityManager) => Promise<T>): Promise<T> {
  return em.transactional((tx) => work(tx));
}

/** A fork of `em` with its own identity map, for work that must not share the caller's. */
export function forkOf(em: EntityManager): EntityManager {
  return em.fork() as EntityManager;
}

/** Serialises writers of one kind until the transaction ends (PostgreSQL advisory lock). */
export async function advisoryLock(em: EntityManager, key: number): Promise<void> {
  await em.execute('select pg_advisory_xact_lock(?)', [key]);
}

/** Whether an insert or update failed on a unique constraint. */
export function isUniqueViolation(error: unknown): boolean {
  return error instanceof UniqueConstraintViolationException;
}
