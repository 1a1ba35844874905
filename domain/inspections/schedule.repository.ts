import type { EntityManager, NewRow } from '../shared/persistence.ts';
import type { KeysetOrder, PageWindow } from '../shared/paging.ts';
import { ormWindow, withWindow } from '../shared/keyset-query.ts';
import { Schedule, type ISchedule } from './schedule.entity.ts';

const activeOf = (projectId: number | null | undefined) => (projectId != null ? { projectId, active: true } : { active: true });

/** Who inspects which project at which tier. */
export const scheduleRepository = {
  /** The schedule of an inspector for a project and tier, active or not. */
  find(em: EntityManager, projectId: number, tier: string, inspector: string): Promise<ISchedule | null> {
    return em.findOne(Schedule, { projectId, tier, inspector });
  },

  /** Adds a schedule to the unit of work (written with the caller's transaction). */
  insert(em: EntityManager, schedule: NewRow<ISchedule>): ISchedule {
    return em.create(Schedule, schedule);
  },

  /** A window of the active schedules (of one project), in a keyset's order. */
  window(em: EntityManager, projectId: number | null | undefined, keyset: KeysetOrder, window: PageWindow): Promise<ISchedule[]> {
    const { where, orderBy, limit } = ormWindow(keyset, window);
    return em.find(Schedule, withWindow(activeOf(projectId), where), { orderBy, limit });
  },

  countActive(em: EntityManager, projectId: number | null | undefined): Promise<number> {
    return em.count(Schedule, activeOf(projectId));
  },

  /** An inspector's active schedules, by project, tier and id. */
  activeOf(em: EntityManager, inspector: string): Promise<ISchedule[]> {
    return em.find(Schedule, { active: true, inspector }, { orderBy: { projectId: 'asc', tier: 'asc', id: 'asc' } });
  },

  /** Every active schedule, by project, tier and id. */
  allActive(em: EntityManager): Promise<ISchedule[]> {
    return em.find(Schedule, { active: true }, { orderBy: { projectId: 'asc', tier: 'asc', id: 'asc' } });
  },
};
