/**
 * The actor of a request, built from the person's memberships as they stand (the server keeps it
 * between requests only until a change is announced: `server/access-cache.ts`), so a changed
 * membership takes effect on the next request. Runs on an unscoped unit of work: the organisation
 * is what it finds out.
 */
import { ROLES, type Actor, type Reach, type Role } from '../shared/access.ts';
import type { EntityManager } from '../shared/persistence.ts';
import { organisationRepository } from './organisation.repository.ts';

/** The signed-in person as an actor of their organisation, or null when the account is gone or disabled. */
export async function actorOf(em: EntityManager, username: string): Promise<Actor | null> {
  const rows = await organisationRepository.accessOf(em, username);
  if (rows.length === 0) return null;
  const organisationId = rows[0].organisation_id;
  const reach = new Map<Role, { projects: Set<number> | null; regions: Set<number> }>();
  for (const m of rows) {
    if (organisationId === null || !m.role || !(ROLES as readonly string[]).includes(m.role)) continue;
    const role = m.role as Role;
    const entry = reach.get(role) ?? { projects: new Set<number>(), regions: new Set<number>() };
    reach.set(role, entry);
    if (m.project_id !== null) entry.projects?.add(Number(m.project_id));
    else if (m.region_id !== null) {
      entry.regions.add(Number(m.region_id));
      for (const id of parseIds(m.region_projects)) entry.projects?.add(id);
    } else entry.projects = null;
  }
  const reaches: Reach[] = [...reach].map(([role, r]) => ({ role, projects: r.projects ? [...r.projects].sort((a, b) => a - b) : null, regions: [...r.regions].sort((a, b) => a - b) }));
  return { username: rows[0].username, roles: reaches.map((r) => r.role), organisationId, reach: reaches };
}

/** An int array as the driver gives it: an array, or PostgreSQL's text form `{1,2}`. */
function parseIds(value: number[] | string | null): number[] {
  if (value === null) return [];
  if (Array.isArray(value)) return value.map(Number);
  return value.replace(/[{}]/g, '').split(',').filter(Boolean).map(Number);
}
