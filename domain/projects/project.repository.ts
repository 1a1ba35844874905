import { readInOneTrip, type EntityManager, type NewRow } from '../shared/persistence.ts';
import type { KeysetOrder, PageWindow } from '../shared/paging.ts';
import { ormWindow, withWindow } from '../shared/keyset-query.ts';
import { Place, Project, type IPlace, type IProject } from './project.entity.ts';

/** Which projects a list shows: by region, profile (`standard`, `platinum`) or type, among given ids. */
export interface ProjectFilter {
  region?: string | null;
  profile?: string | null;
  type?: string | null;
  /** only these projects (those a caller's roles reach) */
  ids?: readonly number[] | null;
  /** only this organisation's */
  organisationId?: number | null;
}

function whereOf(filter: ProjectFilter): Record<string, unknown> {
  const where: Record<string, unknown> = {};
  for (const k of ['region', 'profile', 'type'] as const) if (filter[k]) where[k] = filter[k]!;
  if (filter.ids) where.id = { $in: [...filter.ids] };
  if (filter.organisationId != null) where.organisationId = filter.organisationId;
  return where;
}

/** Projects and the places inside them. */
export const projectRepository = {
  count(em: EntityManager, organisationId: number): Promise<number> {
    return em.count(Project, { organisationId });
  },

  /** Stores a project and its places (in the caller's transaction); returns the project with its id. */
  async insert(em: EntityManager, project: NewRow<IProject>, places: Omit<IPlace, 'id' | 'projectId'>[]): Promise<IProject> {
    const row = em.create(Project, project);
    await em.flush(); // the project's id first: places refer to it
    for (const place of places) em.create(Place, { ...place, projectId: row.id });
    await em.flush();
    return row;
  },

  find(em: EntityManager, id: number): Promise<IProject | null> {
    return em.findOne(Project, { id });
  },

  /** What an access check needs of a project (its id and organisation), in one round trip: the hot path of a checklist by id. */
  async accessOf(em: EntityManager, id: number): Promise<{ id: number; organisationId: number } | null> {
    const [row] = await readInOneTrip<{ id: number; organisation_id: number }>(em, 'select id, organisation_id from project where id = ?', [id], 'project_access');
    return row ? { id: Number(row.id), organisationId: Number(row.organisation_id) } : null;
  },

  /** The places of the given ids (in any project; callers check the project). */
  placesByIds(em: EntityManager, ids: readonly number[]): Promise<IPlace[]> {
    return ids.length ? em.find(Place, { id: { $in: [...ids] } }) : Promise.resolve([]);
  },

  /** Every project matching the filter, by code. */
  all(em: EntityManager, filter: ProjectFilter): Promise<IProject[]> {
    return em.find(Project, whereOf(filter), { orderBy: { code: 'asc' } });
  },

  /** A window of the projects matching the filter, in a keyset's order. */
  window(em: EntityManager, filter: ProjectFilter, keyset: KeysetOrder, window: PageWindow): Promise<IProject[]> {
    const { where, orderBy, limit } = ormWindow(keyset, window);
    return em.find(Project, withWindow(whereOf(filter), where), { orderBy, limit });
  },

  countWhere(em: EntityManager, filter: ProjectFilter): Promise<number> {
    return em.count(Project, whereOf(filter));
  },

  /** A project's places, in the order they were created. */
  places(em: EntityManager, projectId: number): Promise<IPlace[]> {
    return em.find(Place, { projectId }, { orderBy: { id: 'asc' } });
  },

  /** A place, only if it lies in the given project. */
  findPlace(em: EntityManager, id: number, projectId: number): Promise<IPlace | null> {
    return em.findOne(Place, { id, projectId });
  },

  findPlaceById(em: EntityManager, id: number): Promise<IPlace | null> {
    return em.findOne(Place, { id });
  },
};
