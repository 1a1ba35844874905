import type { SqlEntityManager as EntityManager } from '@mikro-orm/sql';
import { NotFoundError } from '../shared/errors.ts';
import { inspectionMessage } from '../inspections/inspection.messages.ts';
import { authorize } from '../users/roles.ts';
import { Place, Project, type IPlace, type IProject } from './project.entity.ts';
import { placesOf, SAMPLE_PROJECTS } from '../../server/seed/projects.ts';
import type { ServiceContext } from '../shared/service-context.ts';

/** Creates the 18 sample projects and their places when the store has none (first start). */
export async function ensureSampleProjects(em: EntityManager): Promise<number> {
  if ((await em.count(Project)) > 0) return 0;
  await em.transactional(async (tx) => {
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
  if (!project) throw new NotFoundError(inspectionMessage('project.not_found', { id }), String(id));
  return project;
}

/** Projects, optionally of one region, profile or type, by code. */
export async function listProjects(ctx: ServiceContext, filter: { region?: string | null; profile?: string | null; type?: string | null } = {}): Promise<IProject[]> {
  authorize(ctx.actor, 'readInspections');
  const where: Record<string, string> = {};
  for (const k of ['region', 'profile', 'type'] as const) if (filter[k]) where[k] = filter[k]!;
  return ctx.em.find(Project, where, { orderBy: { code: 'asc' } });
}

export function listPlaces(em: EntityManager, projectId: number): Promise<IPlace[]> {
  return em.find(Place, { projectId }, { orderBy: { id: 'asc' } });
}
