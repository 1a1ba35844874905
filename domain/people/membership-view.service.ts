import type { EntityManager } from '../shared/persistence.ts';
import type { IProject } from '../projects/project.entity.ts';
import type { IMembership, IRegion } from '../organisations/organisation.entity.ts';
import { peopleRepository } from './people.repository.ts';

/** Where a role is held: the whole organisation (HQ roles, auditors), a region (regional supervisors), a project. */
export type Level = 'organisation' | 'region' | 'project';

/** A membership in words a reader needs: its level and the region or project it is held on. */
export interface MembershipView {
  id: number;
  username: string;
  role: string;
  level: Level;
  region: IRegion | null;
  project: IProject | null;
  createdBy: string;
  createdAt: Date;
}

/** Memberships of an organisation with their regions and projects looked up (two queries however many). */
export async function describeMemberships(em: EntityManager, organisationId: number, rows: readonly IMembership[]): Promise<MembershipView[]> {
  const ids = (pick: (m: IMembership) => number | null | undefined) => [...new Set(rows.flatMap((m) => (pick(m) ? [pick(m)!] : [])))];
  const [regions, projects] = await Promise.all([
    peopleRepository.regionsByIds(em, organisationId, ids((m) => m.regionId)),
    peopleRepository.projectsByIds(em, organisationId, ids((m) => m.projectId)),
  ]);
  return rows.map((m) => {
    const region = m.regionId ? regions.find((r) => r.id === m.regionId) ?? null : null;
    const project = m.projectId ? projects.find((p) => p.id === m.projectId) ?? null : null;
    const level: Level = m.projectId ? 'project' : m.regionId ? 'region' : 'organisation';
    return { id: m.id, username: m.username, role: m.role, level, region, project, createdBy: m.createdBy, createdAt: m.createdAt };
  });
}
