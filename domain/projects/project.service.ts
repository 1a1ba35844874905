import { type EntityManager, inTransaction } from '../shared/persistence.ts';
import { NotFoundError } from '../shared/errors.ts';
import { authorize } from '../shared/access.ts';
import { projectMessage } from './project.messages.ts';
import { Place, Project, type IPlace, type IProject } from './project.entity.ts';
import { placesOf, SAMPLE_PROJECTS } from './sample-projects.ts';
import type { ServiceContext } from '../shared/service-context.ts';
import { keysetPage, type Keyset, type Page, type PageArgs } from '../shared/paging.ts';
import { ormWindow, withWindow } from '../shared/keyset-query.ts';

/** Creates the 18 sample projects and their places when the store has none (first start). */
export async function ensureSampleProjects(em: EntityManager): Promise<number> {
  if ((await em.count(Project)) > 0) return 0;
  await inTransaction(em, async (tx) => {
    const now = new Date();
    for (const seed of SAMPLE_PROJECTS) {
      const project = tx.create(Project, { code: seed.code, name: seed.name, type: seed.type, region: seed.region, profile: seed.profile, address: seed.address, createdAt: now });
      await tx.flush();
      for (const place of placesOf(seed)) tx.create(Place, { projectId: project.id, name: place.name, kind: place.kind });
    }
  });
  return SAMPLE_PROJECTS.length;
}

export async function getProject(em: EntityManager, id: number): Promise<IProject> {
  const project = await em.findOne(Project, { id });
  if (!project) throw new NotFoundError(projectMessage('project.not_found', { id }), String(id));
  return project;
}

/** Every project, optionally of one region, profile or type, by code (for start-up and seeding; clients read pages). */
export async function listProjects(ctx: ServiceContext, filter: { region?: string | null; profile?: string | null; type?: string | null } = {}): Promise<IProject[]> {
  authorize(ctx.actor, 'readInspections');
  const where: Record<string, string> = {};
  for (const k of ['region', 'profile', 'type'] as const) if (filter[k]) where[k] = filter[k]!;
  return ctx.em.find(Project, where, { orderBy: { code: 'asc' } });
}

const PROJECTS: Keyset<IProject> = { list: 'projects', columns: [{ name: 'code', type: 'text', direction: 'asc' }], keyOf: (p) => [p.code] };

/** Projects, optionally of one region, profile or type, by code, a page at a time. */
export async function projectPage(ctx: ServiceContext, filter: { region?: string | null; profile?: string | null; type?: string | null }, page: PageArgs): Promise<Page<IProject>> {
  authorize(ctx.actor, 'readInspections');
  const where: Record<string, string> = {};
  for (const k of ['region', 'profile', 'type'] as const) if (filter[k]) where[k] = filter[k]!;
  return keysetPage(PROJECTS, page, (window) => {
    const { where: after, orderBy, limit } = ormWindow(PROJECTS, window);
    return ctx.em.find(Project, withWindow(where, after), { orderBy, limit });
  }, () => ctx.em.count(Project, where));
}

export function listPlaces(em: EntityManager, projectId: number): Promise<IPlace[]> {
  return em.find(Place, { projectId }, { orderBy: { id: 'asc' } });
}
