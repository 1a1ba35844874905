import { PgBoss, fromKysely, fromPglite, type JobInsert, type JobResult, type PGliteLike } from 'pg-boss';
import type { EntityManager } from '../domain/shared/persistence.ts';
import type { Orm } from './db/orm.ts';
import { APP_ROLE } from './db/migrations/Migration20261203151000Organisations.ts';
import type { Job, Jobs } from '../domain/shared/jobs.ts';

/** The pg-boss queue of each job kind. */
const QUEUES: { [K in Job['kind']]: string } = { 'fire-timer': 'pinzhi-fire-timer', 'open-rectifications': 'pinzhi-open-rectifications', 'qualification-warnings': 'pinzhi-qualification-warnings' };
/** Queues of earlier releases, emptied at start (their work is found again by the start-up sweeps). */
const RETIRED_QUEUES = ['workflow-timer', 'finding-rectification'];

export type JobHandlers = { [K in Job['kind']]: (job: Extract<Job, { kind: K }>) => Promise<unknown> };

function toInsert(job: Job, now: number): { queue: string; insert: JobInsert } {
  const retry = { retryLimit: 5, retryDelay: 2, retryBackoff: true, expireInSeconds: 120 };
  if (job.kind === 'fire-timer') {
    // kept until a week after it falls due (pg-boss drops jobs still waiting after retentionSeconds)
    const retentionSeconds = Math.max(0, Math.ceil((job.dueAt.getTime() - now) / 1000)) + 7 * 86400;
    return { queue: QUEUES[job.kind], insert: { ...retry, data: { timerId: job.timerId, dueAt: job.dueAt.toISOString() }, startAfter: job.dueAt, singletonKey: `timer-${job.timerId}`, retentionSeconds } };
  }
  if (job.kind === 'qualification-warnings') {
    const retentionSeconds = Math.max(0, Math.ceil((job.runAt.getTime() - now) / 1000)) + 7 * 86400;
    return { queue: QUEUES[job.kind], insert: { ...retry, data: { day: job.day, runAt: job.runAt.toISOString() }, startAfter: job.runAt, singletonKey: `warnings-${job.day}`, retentionSeconds } };
  }
  return { queue: QUEUES[job.kind], insert: { ...retry, data: { inspectionId: job.inspectionId }, singletonKey: `inspection-${job.inspectionId}` } };
}

/** Rebuilds a job from what its queue stored. */
function fromData(kind: Job['kind'], data: Record<string, unknown>): Job {
  if (kind === 'qualification-warnings') return { kind, day: String(data.day), runAt: new Date(String(data.runAt)) };
  return kind === 'fire-timer' ? { kind, timerId: Number(data.timerId), dueAt: new Date(String(data.dueAt)) } : { kind, inspectionId: Number(data.inspectionId) };
}

/**
 * The job queue on pg-boss, in the application's own database (PostgreSQL, or the embedded PGlite).
 * Jobs are written through the caller's MikroORM connection — inside its transaction when it has
 * one — so enqueueing never waits for a second connection (PGlite has only one). Each queue keeps
 * one waiting job per key (`exclusive` policy): a timer or an inspection is never queued twice.
 */
export class JobQueue implements Jobs {
  private working = false;
  private stopping: Promise<void> | undefined;

  private readonly boss: PgBoss;
  private readonly log: (line: string) => void;

  private constructor(boss: PgBoss, log: (line: string) => void) {
    this.boss = boss;
    this.log = log;
  }

  /** Opens the queue (creating or migrating its schema); `supervise` runs pg-boss maintenance here. */
  static async open(orm: Orm, options: { databaseUrl?: string; supervise: boolean; log?: (line: string) => void }): Promise<JobQueue> {
    const log = options.log ?? console.log;
    const common = { schema: 'pgboss', supervise: options.supervise, schedule: false, migrate: true } as const;
    const boss = options.databaseUrl
      ? new PgBoss({ ...common, connectionString: options.databaseUrl, max: 4 })
      : new PgBoss({ ...common, backend: 'pglite', db: fromPglite((await (orm.em.getConnection() as unknown as { getNativeClient(): Promise<PGliteLike> }).getNativeClient())) });
    boss.on('error', (error) => log(`job queue: ${(error as Error).message}`));
    await boss.start();
    // pg-boss caches its queues at start and on creation, so an enqueue inside a transaction never
    // reads them through its own connection (which would wait for that transaction on PGlite)
    for (const name of Object.values(QUEUES)) {
      if (!(await boss.getQueue(name))) await boss.createQueue(name, { policy: 'exclusive' });
    }
    for (const name of RETIRED_QUEUES) if (await boss.getQueue(name)) await boss.deleteQueue(name);
    // requests enqueue under the application's database role, inside their own transaction
    for (const grant of [`usage on schema pgboss`, `select, insert, update, delete on all tables in schema pgboss`, `usage, select on all sequences in schema pgboss`]) {
      await orm.em.getConnection().execute(`grant ${grant} to "${APP_ROLE}"`);
    }
    return new JobQueue(boss, log);
  }

  async enqueue(em: EntityManager, jobs: readonly Job[]): Promise<void> {
    if (jobs.length === 0) return;
    const trx = em.isInTransaction() ? em.getTransactionContext() : em.getConnection().getClient();
    const db = fromKysely(trx as Parameters<typeof fromKysely>[0]);
    const now = Date.now();
    const byQueue = new Map<string, JobInsert[]>();
    for (const job of jobs) {
      const { queue, insert } = toInsert(job, now);
      byQueue.set(queue, [...(byQueue.get(queue) ?? []), insert]);
    }
    for (const [queue, inserts] of byQueue) await this.boss.insert(queue, inserts, { db });
  }

  /** Starts a worker per queue; each job runs once its transaction committed (at least once: handlers are idempotent). */
  async work(handlers: JobHandlers): Promise<void> {
    this.working = true;
    for (const kind of Object.keys(QUEUES) as Job['kind'][]) {
      // batches, fetched back to back while they come full, each job settled on its own
      await this.boss.work<Record<string, unknown>, unknown, { pollingIntervalSeconds: 1; batchSize: 10; burstWhenBatchFull: true; perJobResults: true }>(
        QUEUES[kind], { pollingIntervalSeconds: 1, batchSize: 10, burstWhenBatchFull: true, perJobResults: true }, async (batch) => {
          const handler = handlers[kind] as (job: Job) => Promise<unknown>;
          const results: JobResult[] = [];
          for (const job of batch) {
            try {
              await handler(fromData(kind, job.data));
              results.push({ id: job.id, status: 'completed' });
            } catch (error) {
              // pg-boss retries it (with backoff); the operator sees why
              this.log(`job ${kind} ${JSON.stringify(job.data)} failed: ${(error as Error).message}`);
              results.push({ id: job.id, status: 'failed', output: { message: (error as Error).message } });
            }
          }
          return results;
        });
    }
  }

  /** Stops the workers (letting a running job finish for up to `timeoutMs`) and closes the queue's connections. */
  stop(timeoutMs = 5000): Promise<void> {
    this.stopping ??= (async () => {
      const stopped = new Promise<void>((resolve) => this.boss.once('stopped', () => resolve()));
      await this.boss.stop({ graceful: this.working, timeout: timeoutMs });
      await stopped;
    })();
    return this.stopping;
  }
}
