import { ConflictError } from '../../shared/errors.ts';
import { forkOf, inTransaction, type EntityManager } from '../../shared/persistence.ts';
import { yieldToEventLoop } from '../../shared/event-loop.ts';
import type { Actor } from '../../shared/access.ts';
import { advance, loadInstance, type Tx } from '../step.service.ts';
import { timerRepository } from './timer.repository.ts';

/** Who acts when a timer fires. */
const TIMER_ACTOR: Actor = { username: 'timer', roles: ['admin'], organisationId: null };

/**
 * Fires an armed timer once: the first delivery marks it fired and moves the instance; any later
 * delivery (pg-boss delivers at least once) finds it fired and does nothing.
 */
export async function fireTimer(ctx: Tx, timerId: number): Promise<boolean> {
  return inTransaction(ctx.em, async (em) => {
    const timer = await timerRepository.fire(em, timerId, new Date());
    if (!timer) return false;
    const instance = await loadInstance(em, timer.instanceId);
    if (instance.status !== 'running') return false;
    await advance({ em, jobs: ctx.jobs, keys: ctx.keys }, instance, { type: 'TIMER', timerId: timer.elementId }, TIMER_ACTOR, { timer: timer.elementId });
    return true;
  });
}

/** Fires every armed timer that is due (after downtime, or when a queued job was lost). */
export async function fireDueTimers(ctx: Tx, now = new Date()): Promise<number> {
  let fired = 0;
  for (const id of await timerRepository.due(ctx.em, now)) {
    await yieldToEventLoop();
    try {
      if (await fireTimer({ em: forkOf(ctx.em), jobs: ctx.jobs, keys: ctx.keys }, id)) fired += 1;
    } catch (error) {
      if (!(error instanceof ConflictError)) throw error;
    }
  }
  return fired;
}

/** Every armed timer with its deadline (queued again at start). */
export function armedTimers(em: EntityManager): Promise<{ id: number; dueAt: Date }[]> {
  return timerRepository.armed(em);
}
