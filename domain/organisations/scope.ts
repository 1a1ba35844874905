/**
 * Where a caller's reading or acting reaches, as repositories apply it: their organisation, and the
 * projects in it (null: all of them). Applied in every query of organisation-owned rows — the first
 * guard; the database's row-level security is the second.
 */
import { NotFoundError, type DomainError } from '../shared/errors.ts';
import { authorize, projectsFor, type Actor, type Permission } from '../shared/access.ts';

export interface Scope {
  /** null only for the system acting for every organisation */
  organisationId: number | null;
  /** null: every project of the organisation */
  projects: readonly number[] | null;
}

/** Everything (the system's own work). */
export const EVERYWHERE: Scope = { organisationId: null, projects: null };

/** Where the actor may use the permission (authorising it first). */
export function scopeOf(actor: Actor | null, permission: Permission): Scope {
  const who = authorize(actor, permission);
  return { organisationId: who.organisationId, projects: projectsFor(who, permission) };
}

/** Whether a project lies in the scope. */
export function inScope(scope: Scope, project: { organisationId: number; id: number } | { organisationId: number; projectId: number | null }): boolean {
  if (scope.organisationId !== null && project.organisationId !== scope.organisationId) return false;
  if (scope.projects === null) return true;
  const id = 'projectId' in project ? project.projectId : project.id;
  return id !== null && scope.projects.includes(id);
}

/**
 * The row when it lies in the scope; otherwise the same error a missing row gives, so a caller
 * cannot tell another organisation's (or another project's) row from none.
 */
export function visibleOr<T extends { organisationId: number } & ({ id: number } | { projectId: number | null })>(scope: Scope, row: T | null | undefined, notFound: () => DomainError): T {
  if (!row || !inScope(scope, row)) throw notFound();
  return row;
}

/** ORM conditions for a scope on an entity with `organisationId` and a project column. */
export function scopeWhere(scope: Scope, projectColumn = 'projectId'): Record<string, unknown> {
  return {
    ...(scope.organisationId !== null ? { organisationId: scope.organisationId } : {}),
    ...(scope.projects !== null ? { [projectColumn]: { $in: [...scope.projects] } } : {}),
  };
}

/** SQL conditions (and their parameters) for a scope, on a table alias's `organisation_id` and project column. */
export function scopeSql(scope: Scope, alias: string, projectColumn = 'project_id'): { sql: string; params: unknown[] } {
  const parts: string[] = [];
  const params: unknown[] = [];
  if (scope.organisationId !== null) {
    parts.push(`${alias}.organisation_id = ?`);
    params.push(scope.organisationId);
  }
  if (scope.projects !== null) {
    if (scope.projects.length === 0) parts.push('false');
    else {
      parts.push(`${alias}.${projectColumn} in (${scope.projects.map(() => '?').join(', ')})`);
      params.push(...scope.projects);
    }
  }
  return { sql: parts.length ? parts.join(' and ') : 'true', params };
}

export { NotFoundError };
