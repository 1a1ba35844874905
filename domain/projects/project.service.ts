import { type EntityManager, inTransaction } from '../shared/persistence.ts';
import { NotFoundError } from '../shared/errors.ts';
import { authorize } from '../shared/access.ts';
import { projectMessage } from './project.messages.ts';
import type { IPlace, IProject } from './project.entity.ts';
import { projectRepository, type ProjectFilter } from './project.repository.ts';
import { placesOf, SAMPLE_PROJECTS } from './sample-projects.ts';
import type { ServiceContext } from '../shared/service-context.ts';
import { keysetPage, type Keyset, type Page, type PageArgs } from '../shared/paging.ts';

/** Creates the 18 sample projects and their places when the store has none (first start). */
export async function ensureSampleProjects(em: EntityManager): Promise<number> {
  if ((await projectRepository.count(em)) > 0) return 0;
  await inTransaction(em, async (tx) => {
    const now = new Date();
    for (const seed of SAMPLE_PROJECTS) {
      await projectRepository.insert(tx, { code: seed.code, name: seed.name, type: seed.type, region: seed.region, profile: seed.profile, address: seed.address, createdAt: now }, placesOf(seed));
    }
  });
  return SAMPLE_PROJECTS.length;
}

export async function getProject(em: EntityManager, id: number): Promise<IProject> {
  const project = await projectRepository.find(em, id);
  if (!project) throw new NotFoundError(projectMessage('project.not_found', { id }), String(id));
  return project;
}

/** Every project, optionally of one region, profile or type, by code (for start-up and seeding; clients read pages). */
export async function listProjects(ctx: ServiceContext, filter: ProjectFilter = {}): Promise<IProject[]> {
  authorize(ctx.actor, 'readInspections');
  return projectRepository.all(ctx.em, filter);
}

const PROJECTS: Keyset<IProject> = { list: 'projects', columns: [{ name: 'code', type: 'text', direction: 'asc' }], keyOf: (p) => [p.code] };

/** Projects, optionally of one region, profile or type, by code, a page at a time. */
export async function projectPage(ctx: ServiceContext, filter: ProjectFilter, page: PageArgs): Promise<Page<IProject>> {
  authorize(ctx.actor, 'readInspections');
  return keysetPage(PROJECTS, page, (window) => projectRepository.window(ctx.em, filter, PROJECTS, window), () => projectRepository.countWhere(ctx.em, filter));
}

export function listPlaces(em: EntityManager, projectId: number): Promise<IPlace[]> {
  return projectRepository.places(em, projectId);
}
