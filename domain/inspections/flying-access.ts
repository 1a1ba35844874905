/**
 * Who may draw and see a region's flying inspections. Flying inspections are unannounced, so the
 * projects' own people (project managers, frontline staff, project inspectors) see nothing of them.
 *
 * - draw: admin or quality_manager held on the organisation, or on the region (the region's
 *   supervisor lead holds quality_manager on it);
 * - see: those, plus the organisation's auditors and the region's supervisors (inspector on the region).
 *
 * The system (an actor without reach: first start, tools) may do both.
 */
import type { Actor, Role } from '../shared/access.ts';

const DRAW: readonly Role[] = ['admin', 'quality_manager'];
const READ_ON_ORGANISATION: readonly Role[] = ['admin', 'quality_manager', 'auditor'];
const READ_ON_REGION: readonly Role[] = ['admin', 'quality_manager', 'inspector'];

const onOrganisation = (actor: Actor, roles: readonly Role[]) => actor.reach!.some((r) => roles.includes(r.role) && r.projects === null);
const onRegion = (actor: Actor, roles: readonly Role[], regionId: number) => actor.reach!.some((r) => roles.includes(r.role) && r.regions.includes(regionId));

/** Whether the actor may draw the region's monthly sample. */
export function mayDrawFlying(actor: Actor, regionId: number): boolean {
  return !actor.reach || onOrganisation(actor, DRAW) || onRegion(actor, DRAW, regionId);
}

/** Whether the actor may see the region's plans and figures. */
export function mayReadFlying(actor: Actor, regionId: number): boolean {
  return !actor.reach || onOrganisation(actor, READ_ON_ORGANISATION) || onRegion(actor, READ_ON_REGION, regionId);
}

/** The regions (of `all`) whose flying inspections the actor may see. */
export function readableRegions<T extends { id: number }>(actor: Actor, all: readonly T[]): T[] {
  return all.filter((r) => mayReadFlying(actor, r.id));
}
