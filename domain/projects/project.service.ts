import { type EntityManager, inTransaction } from '../shared/persistence.ts';
import { NotFoundError } from '../shared/errors.ts';
import { EVERYWHERE, scopeOf, visibleOr, type Scope } from '../organisations/scope.ts';
import { projectMessage } from './project.messages.ts';
import type { IPlace, IProject } from './project.entity.ts';
import { projectRepository, type ProjectFilter } from './project.repository.ts';
import { placesOf, SAMPLE_PROJECTS, type ProjectSeed } from './sample-projects.ts';
import { organisationRepository } from '../organisations/organisation.repository.ts';
import type { ServiceContext } from '../shared/service-context.ts';
import { keysetPage, type Keyset, type Page, type PageArgs } from '../shared/paging.ts';

/**
 * Creates sample projects, their regions and places in an organisation that has no project yet
 * (first start); by default the 18 pilot projects in the first organisation.
 */
export async function ensureSampleProjects(em: EntityManager, organisationId = 1, seeds: readonly ProjectSeed[] = SAMPLE_PROJECTS): Promise<number> {
  if ((await projectRepository.count(em, organisationId)) > 0) return 0;
  await inTransaction(em, async (tx) => {
    const now = new Date();
    const regions = new Map<string, number>();
    for (const seed of seeds) {
      let regionId = regions.get(seed.region) ?? (await organisationRepository.findRegion(tx, organisationId, { name: seed.region }))?.id;
      if (regionId === undefined) {
        regionId = (await organisationRepository.addRegion(tx, { organisationId, code: `R${String(regions.size + 1).padStart(2, '0')}`, name: seed.region, createdAt: now })).id;
      }
      regions.set(seed.region, regionId);
      await projectRepository.insert(tx, { organisationId, regionId, code: seed.code, name: seed.name, type: seed.type, region: seed.region, profile: seed.profile, address: seed.address, createdAt: now }, placesOf(seed).map((p) => ({ ...p, organisationId })));
    }
  });
  return seeds.length;
}

/** A project within the scope (the system's when none is given); outside it, the same answer as a missing one. */
export async function getProject(em: EntityManager, id: number, scope: Scope = EVERYWHERE): Promise<IProject> {
  return visibleOr(scope, await projectRepository.find(em, id), () => new NotFoundError(projectMessage('project.not_found', { id }), String(id)));
}

/** Every project, optionally of one region, profile or type, by code (for start-up and seeding; clients read pages). */
export async function listProjects(ctx: ServiceContext, filter: ProjectFilter = {}): Promise<IProject[]> {
  const scope = scopeOf(ctx.actor, 'readInspections');
  return projectRepository.all(ctx.em, { ...filter, ...within(scope, filter.ids) });
}

/** A project filter narrowed to a scope. */
function within(scope: Scope, ids: readonly number[] | null | undefined): ProjectFilter {
  const reach = scope.projects === null ? ids ?? null : ids ? scope.projects.filter((id) => ids.includes(id)) : scope.projects;
  return { ids: reach, organisationId: scope.organisationId };
}

const PROJECTS: Keyset<IProject> = { list: 'projects', columns: [{ name: 'code', type: 'text', direction: 'asc' }], keyOf: (p) => [p.code] };

/** Projects, optionally of one region, profile or type, by code, a page at a time. */
export async function projectPage(ctx: ServiceContext, filter: ProjectFilter, page: PageArgs): Promise<Page<IProject>> {
  const scoped = { ...filter, ...within(scopeOf(ctx.actor, 'readInspections'), filter.ids) };
  return keysetPage(PROJECTS, page, (window) => projectRepository.window(ctx.em, scoped, PROJECTS, window), () => projectRepository.countWhere(ctx.em, scoped));
}

export function listPlaces(em: EntityManager, projectId: number): Promise<IPlace[]> {
  return projectRepository.places(em, projectId);
}
