import type { EntityManager, NewRow } from '../shared/persistence.ts';
import type { KeysetOrder, PageWindow } from '../shared/paging.ts';
import { ormWindow, withWindow } from '../shared/keyset-query.ts';
import { Schedule, type ISchedule } from './schedule.entity.ts';
import { scopeWhere, type Scope } from '../organisations/scope.ts';

const activeOf = (scope: Scope, projectId: number | null | undefined) => ({ ...scopeWhere(scope), ...(projectId != null ? { projectId } : {}), active: true });

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
  window(em: EntityManager, scope: Scope, projectId: number | null | undefined, keyset: KeysetOrder, window: PageWindow): Promise<ISchedule[]> {
    const { where, orderBy, limit } = ormWindow(keyset, window);
    return em.find(Schedule, withWindow(activeOf(scope, projectId), where), { orderBy, limit });
  },

  countActive(em: EntityManager, scope: Scope, projectId: number | null | undefined): Promise<number> {
    return em.count(Schedule, activeOf(scope, projectId));
  },

  /** An inspector's active schedules, by project, tier and id. */
  activeOf(em: EntityManager, scope: Scope, inspector: string): Promise<ISchedule[]> {
    return em.find(Schedule, { ...scopeWhere(scope), active: true, inspector }, { orderBy: { projectId: 'asc', tier: 'asc', id: 'asc' } });
  },

  /** Every active schedule, by project, tier and id. */
  allActive(em: EntityManager, scope: Scope): Promise<ISchedule[]> {
    return em.find(Schedule, { ...scopeWhere(scope), active: true }, { orderBy: { projectId: 'asc', tier: 'asc', id: 'asc' } });
  },
};
