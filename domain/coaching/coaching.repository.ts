import type { EntityManager } from '../shared/persistence.ts';
import type { KeysetOrder, PageWindow } from '../shared/paging.ts';
import { ormWindow, withWindow } from '../shared/keyset-query.ts';
import { scopeWhere, type Scope } from '../organisations/scope.ts';
import { StandardDocument } from '../standards/standard-document.entity.ts';
import { Coaching, type ICoaching } from './coaching.entity.ts';

/** Which coaching records a list shows: the caller's scope, narrowed by project and/or work instruction. */
export interface CoachingFilter {
  scope: Scope;
  projectId?: number | null;
  code?: string | null;
}

function whereOf(f: CoachingFilter): Record<string, unknown> {
  return { ...scopeWhere(f.scope), ...(f.projectId != null ? { projectId: f.projectId } : {}), ...(f.code ? { code: f.code } : {}) };
}

/** Coaching visits. */
export const coachingRepository = {
  async insert(em: EntityManager, row: Omit<ICoaching, 'id' | 'organisationId'>): Promise<ICoaching> {
    const coaching = em.create(Coaching, row as ICoaching);
    await em.flush();
    return coaching;
  },

  /** Whether any coaching is recorded (every organisation: the first-start demo). */
  async any(em: EntityManager): Promise<boolean> {
    return (await em.count(Coaching, {})) > 0;
  },

  find(em: EntityManager, id: number): Promise<ICoaching | null> {
    return em.findOne(Coaching, { id });
  },

  window(em: EntityManager, f: CoachingFilter, keyset: KeysetOrder, window: PageWindow): Promise<ICoaching[]> {
    const { where, orderBy, limit } = ormWindow(keyset, window);
    return em.find(Coaching, withWindow(whereOf(f), where), { orderBy, limit });
  },

  count(em: EntityManager, f: CoachingFilter): Promise<number> {
    return em.count(Coaching, whereOf(f));
  },

  /** The published version of a document the organisation reads (the baseline's or its own addition's), or null. */
  async publishedVersion(em: EntityManager, code: string, organisationId: number | null): Promise<number | null> {
    const doc = await em.findOne(StandardDocument, { code, retired: false, publishedVersion: { $ne: null }, $or: [{ organisationId: null }, ...(organisationId === null ? [] : [{ organisationId }])] });
    return doc?.publishedVersion ?? null;
  },
};
