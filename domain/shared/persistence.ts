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

/**
 * Runs `work` inside the transaction `em` holds under a savepoint: when it throws, what it wrote is
 * undone (the rest of the transaction is kept) and the error passes on. For work whose failure the
 * caller handles, such as a service task's action caught by an error boundary event.
 */
export async function underSavepoint<T>(em: EntityManager, work: () => Promise<T>): Promise<T> {
  await em.execute('savepoint pinzhi_work');
  try {
    const result = await work();
    await em.execute('release savepoint pinzhi_work');
    return result;
  } catch (error) {
    await em.execute('rollback to savepoint pinzhi_work');
    throw error;
  }
}

/** Serialises writers of one kind until the transaction ends (PostgreSQL advisory lock). */
export async function advisoryLock(em: EntityManager, key: number): Promise<void> {
  await em.execute('select pg_advisory_xact_lock(?)', [key]);
}

/**
 * Reads rows that never change once written (stored checklists, editions and the published
 * versions they pin) from a read replica when one is configured and `em` is in no transaction.
 * Replication lags, so what the replica does not hold yet (`found` false), or a replica that
 * fails, is read from the primary: such rows are either complete on the replica or absent.
 */
export async function readImmutable<T>(em: EntityManager, sql: string, params: unknown[], found: (rows: T[]) => boolean = (rows) => rows.length > 0): Promise<T[]> {
  if (!em.isInTransaction() && em.getConnection('read') !== em.getConnection('write')) {
    try {
      const rows = await em.execute<T[]>(sql, params, { method: 'all', connectionType: 'read' });
      if (found(rows)) return rows;
    } catch {
      // the replica is down or restarting: the primary answers
    }
  }
  return em.execute<T[]>(sql, params);
}

interface PgClient {
  query(text: string | { name: string; text: string; values: unknown[] }): Promise<unknown>;
}
interface PgPool extends PgClient {
  connect(): Promise<PgClient & { release(error?: Error | boolean): void }>;
}

/** Cache of the pg pool behind each PostgreSQL connection (null on PGlite), found once per connection. */
const pools = new WeakMap<object, Promise<PgPool | null>>();
function poolOf(em: EntityManager): Promise<PgPool | null> {
  const connection = em.getConnection('write') as unknown as { getNativeClient?: () => Promise<unknown> };
  let pool = pools.get(connection);
  if (!pool) {
    // pg-pool's Pool counts its clients; PGlite's client has no such thing and no multi-statement query()
    pool = typeof connection.getNativeClient === 'function'
      ? connection.getNativeClient().then((client) => (client && typeof client === 'object' && 'totalCount' in client ? client as unknown as PgPool : null), () => null)
      : Promise.resolve(null);
    pools.set(connection, pool);
  }
  return pool;
}

/** Cache of the statements each pooled connection has prepared with SQL `PREPARE` (they live as long as the connection). */
const preparedOn = new WeakMap<object, Set<string>>();

/** `?` placeholders (MikroORM's) as PostgreSQL's numbered ones, for a statement that has no `?` in a literal. */
function numbered(sql: string): string {
  let n = 0;
  return sql.replace(/\?/g, () => `$${++n}`);
}

/**
 * A read of one statement under `em`'s session settings — the caller's organisation and the
 * application's database role, so row-level security applies as to any read — in one round trip
 * instead of four (begin, settings, statement, commit). On PostgreSQL the settings and the
 * statement go as one simple query (parameters inlined as MikroORM itself sends every query), which
 * PostgreSQL runs as one implicit transaction: the settings are local to it, hold for the
 * statement and end with it. Inside a transaction or on PGlite it is `em.execute`.
 *
 * With a `name` (for reads made on every request) the statement is also planned once per pooled
 * connection instead of on every call — planning was most of PostgreSQL's time for these small
 * reads. Without session settings it is a protocol-level named statement (`pg` prepares it on
 * first use); with them, the connection holds it from an SQL `PREPARE` and the one simple query
 * runs the settings and `EXECUTE`. Row-level security stays exact: the policies read the
 * organisation when the statement runs, and PostgreSQL plans again when the role differs.
 * The statement must have no `?` inside a string literal.
 */
export async function readInOneTrip<T>(em: EntityManager, sql: string, params: unknown[], name?: string): Promise<T[]> {
  const session = em.getSessionContext();
  const settings = Object.entries({ ...(session?.variables ?? {}), ...(session?.role ? { role: session.role } : {}) });
  const pool = em.isInTransaction() || (settings.length === 0 && !name) ? null : await poolOf(em);
  if (!pool) return em.execute<T[]>(sql, params);
  if (settings.length === 0) return ((await pool.query({ name: `pz_${name}`, text: numbered(sql), values: params })) as { rows: T[] }).rows;
  const platform = em.getPlatform();
  const set = `select ${settings.map(([key, value]) => `set_config(${platform.quoteValue(key)}, ${platform.quoteValue(String(value))}, true)`).join(', ')}`;
  if (!name) {
    const results = await pool.query(`${set}; ${platform.formatQuery(sql, params)}`) as { rows: T[] }[];
    return results[results.length - 1].rows;
  }
  const statement = `pz_s_${name}`;
  const client = await pool.connect();
  try {
    let prepared = preparedOn.get(client);
    if (!prepared) preparedOn.set(client, prepared = new Set());
    if (!prepared.has(statement)) {
      await client.query(`prepare ${statement} as ${numbered(sql)}`);
      prepared.add(statement);
    }
    const args = params.length === 0 ? '' : `(${params.map((p) => platform.quoteValue(p)).join(', ')})`;
    const run = async () => (await client.query(`${set}; execute ${statement}${args}`) as { rows: T[] }[]).at(-1)!.rows;
    try {
      return await run();
    } catch (error) {
      // the connection lost its statement (a DEALLOCATE or DISCARD by someone else): prepare it again, once
      if ((error as { code?: string }).code !== '26000') throw error;
      await client.query(`prepare ${statement} as ${numbered(sql)}`);
      return await run();
    }
  } finally {
    client.release();
  }
}

/** A read of one row by key whose calls may be sent together (see `coalescedReads`). */
export type CoalescedRead<R> = (em: EntityManager, leading: unknown[], key: string) => Promise<R | undefined>;

/**
 * A read of one row by key, made on every request by many callers at once, sent to PostgreSQL as
 * few statements as the load allows: a call made while the same read (same statement, leading
 * parameters and session settings — so the same organisation and row-level security) is under way
 * waits for it to come back, then goes out with every other call that waited, as one statement for
 * all their keys. Alone, a call goes out at once. Under load this turns tens of round trips into
 * one, which is most of what PostgreSQL and the server spend on such a read. Each caller gets the
 * row of its own key, read no earlier than its call. Inside a transaction or on PGlite each call is
 * its own read.
 *
 * `sql` names the keys with its last `?`, bound to a JSON array of them (for example
 * `from jsonb_array_elements_text(?::jsonb) as k(code)`, each looked up by index), and returns the
 * key as `keyColumn`.
 */
export function coalescedReads<R extends Record<string, unknown>>(name: string, sql: string, keyColumn: keyof R & string, maxKeys = 256): CoalescedRead<R> {
  interface Waiting { key: string; resolve(row: R | undefined): void; reject(error: unknown): void }
  const queues = new WeakMap<object, Map<string, Waiting[]>>();
  const send = async (em: EntityManager, leading: unknown[], waiting: Waiting[]) => {
    try {
      const rows = await readInOneTrip<R>(em, sql, [...leading, JSON.stringify([...new Set(waiting.map((w) => w.key))])], name);
      const byKey = new Map(rows.map((row) => [String(row[keyColumn]), row]));
      for (const w of waiting) w.resolve(byKey.get(w.key));
    } catch (error) {
      for (const w of waiting) w.reject(error);
    }
  };
  return async (em, leading, key) => {
    const pool = em.isInTransaction() ? null : await poolOf(em);
    if (!pool) return (await readInOneTrip<R>(em, sql, [...leading, JSON.stringify([key])], name))[0];
    const session = em.getSessionContext();
    const group = JSON.stringify([session?.variables ?? {}, session?.role ?? null, leading]);
    let groups = queues.get(pool);
    if (!groups) queues.set(pool, groups = new Map());
    return new Promise<R | undefined>((resolve, reject) => {
      const queue = groups.get(group);
      if (queue) return void queue.push({ key, resolve, reject });
      // nothing under way: this call goes now; calls made meanwhile queue up and go together after it
      groups.set(group, []);
      void (async () => {
        let batch: Waiting[] = [{ key, resolve, reject }];
        while (batch.length > 0) {
          await send(em, leading, batch);
          const waiting = groups.get(group)!;
          batch = waiting.splice(0, maxKeys);
        }
        groups.delete(group);
      })();
    });
  };
}

/** Whether an insert or update failed on a unique constraint. */
export function isUniqueViolation(error: unknown): boolean {
  return error instanceof UniqueConstraintViolationException;
}
