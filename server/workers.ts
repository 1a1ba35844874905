import type { App } from './app.ts';
import { SYSTEM_ACTOR } from '../domain/shared/access.ts';
import { armedTimers, fireDueTimers, fireTimer } from '../domain/workflows/timers/timer.service.ts';
import { openPendingRectifications } from '../domain/findings/rectification.service.ts';

export interface StartUpWork {
  /** rectifications opened for findings that had none yet */
  opened: number;
  /** timers that fell due while no server ran, fired now */
  fired: number;
  /** armed timers queued again */
  queued: number;
}

/**
 * Runs the job queue in this process: workflow timers fire as they fall due, and inspections with
 * major or critical findings open their rectifications. First it does what fell due while no server
 * ran (or before a crash): rectifications not yet opened and timers past their deadline; then it
 * queues every armed timer again, which the queue takes once per timer, so nothing queued before
 * is lost or doubled.
 */
export async function startWorkers(app: App): Promise<StartUpWork> {
  const system = () => app.context(SYSTEM_ACTOR);
  const opened = await openPendingRectifications(system(), SYSTEM_ACTOR);
  const fired = await fireDueTimers(system());
  const { em } = system();
  const armed = await armedTimers(em);
  await app.jobs.enqueue(em, armed.map((t) => ({ kind: 'fire-timer', timerId: t.id, dueAt: t.dueAt })));
  await app.jobs.work({
    'fire-timer': (job) => fireTimer(system(), job.timerId),
    'open-rectifications': (job) => openPendingRectifications(system(), SYSTEM_ACTOR, job.inspectionId),
  });
  return { opened, fired, queued: armed.length };
}
