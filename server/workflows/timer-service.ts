import { PgBoss, fromPglite, type PGliteLike } from 'pg-boss';
import type { SqlEntityManager as EntityManager } from '@mikro-orm/sql';
import type { App } from '../app.ts';
import { fireDueTimers, fireTimer, setTimerScheduler } from './instance.service.ts';
import { openPendingRectifications, setFindingsHook } from './rectification.ts';
import { SYSTEM_ACTOR } from '../auth/roles.ts';

const QUEUE = 'workflow-timer';
const FINDINGS_QUEUE = 'finding-rectification';

/**
 * Durable timers on pg-boss: each armed timer is a job that starts at its absolute deadline
 * (singleton per timer). Firing is idempotent (the timer row moves armed → fired once), so
 * at-least-once delivery and several servers fire each timer once in effect. At start, timers that
 * fell due while no server ran fire at once, and every armed timer is (re)scheduled.
 */
export async function startTimerService(app: App, log: (line: string) => void = console.log): Promise<() => Promise<void>> {
  const em = () => app.orm.em.fork() as EntityManager;
  const boss = app.config.databaseUrl
    ? new PgBoss({ connectionString: app.config.databaseUrl, schema: 'pgboss' })
    : new PgBoss({ db: fromPglite((await (em().getConnection() as unknown as { getNativeClient(): Promise<PGliteLike> }).getNativeClient())), backend: 'pglite', schema: 'pgboss' });
  boss.on('error', (error) => log(`pg-boss: ${(error as Error).message}`));
  await boss.start();
  await boss.createQueue(QUEUE);
  await boss.work<{ timerId: number }>(QUEUE, { pollingIntervalSeconds: 2 }, async (jobs) => {
    for (const job of jobs) await fireTimer(em(), job.data.timerId);
  });
  const schedule = async (timers: { id: number; dueAt: Date }[]) => {
    for (const t of timers) await boss.send(QUEUE, { timerId: t.id }, { startAfter: t.dueAt, singletonKey: `timer-${t.id}`, retryLimit: 5 });
  };
  setTimerScheduler(schedule);
  // findings open their rectification through the queue, so a submission does not wait for them
  await boss.createQueue(FINDINGS_QUEUE);
  await boss.work<{ inspectionId: number }>(FINDINGS_QUEUE, { pollingIntervalSeconds: 1 }, async (jobs) => {
    for (const job of jobs) await openPendingRectifications(em(), SYSTEM_ACTOR, job.data.inspectionId);
  });
  setFindingsHook(async (inspectionId) => {
    await boss.send(FINDINGS_QUEUE, { inspectionId }, { retryLimit: 5 });
  });
  await openPendingRectifications(em(), SYSTEM_ACTOR);
  const fired = await fireDueTimers(em());
  const armed = await em().execute<{ id: number; due_at: Date }[]>(`select id, due_at from workflow_timer where status = 'armed'`);
  await schedule(armed.map((t) => ({ id: t.id, dueAt: new Date(t.due_at) })));
  log(`workflow timers: ${fired} fired after downtime, ${armed.length} scheduled`);
  return async () => {
    setTimerScheduler(async () => {});
    setFindingsHook(async () => {});
    const stopped = new Promise<void>((resolve) => boss.once('stopped', () => resolve()));
    await boss.stop({ graceful: true, timeout: 5000 });
    await stopped;
  };
}
