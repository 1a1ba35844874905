import type { App } from './app.ts';
import { SYSTEM_ACTOR } from '../domain/shared/access.ts';
import { armedTimers, fireDueTimers, fireTimer } from '../domain/workflows/timers/timer.service.ts';
import { openPendingRectifications } from '../domain/findings/rectification.service.ts';
import { sendExpiryWarnings } from '../domain/qualifications/qualification-warnings.service.ts';
import { todayInChina } from '../domain/checklists/checklist.service.ts';
import { addDays } from '../domain/qualifications/certificates.ts';
import type { Job } from '../domain/shared/jobs.ts';

/** The expiry-warnings job of a day (China time), run from that day's first minute (at once for today). */
export function warningsJob(day: string): Job {
  return { kind: 'qualification-warnings', day, runAt: new Date(Date.parse(`${day}T00:01:00+08:00`)) };
}

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
  // today's certificate-expiry warnings run now through the queue; each run queues the next day's
  await app.jobs.enqueue(em, [warningsJob(todayInChina())]);
  await app.jobs.work({
    'fire-timer': (job) => fireTimer(system(), job.timerId),
    'open-rectifications': (job) => openPendingRectifications(system(), SYSTEM_ACTOR, job.inspectionId),
    'qualification-warnings': async (job) => {
      const { em: work } = system();
      await sendExpiryWarnings(work, job.day);
      await app.jobs.enqueue(work, [warningsJob(addDays(job.day, 1))]);
    },
  });
  return { opened, fired, queued: armed.length };
}
