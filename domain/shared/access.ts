/**
 * Who acts and what they may do: the roles, the actor of every service call, and the permission
 * check each service makes (`authorize`).
 */
import { DomainError } from './errors.ts';
import type { Message } from './messages.ts';
import { accessMessage } from './access.messages.ts';

/** The roles a user can hold. */
export const ROLES = ['admin', 'quality_manager', 'inspector', 'project_manager', 'auditor', 'fund_committee', 'frontline'] as const;
export type Role = (typeof ROLES)[number];

/** Who is acting: a signed-in user, or the system itself (first-start import, CLI). */
export interface Actor {
  username: string;
  roles: readonly Role[];
}

export const SYSTEM_ACTOR: Actor = { username: 'system', roles: ['admin'] };

/** The office roles: everyone but frontline staff, who only propose improvements and follow their own proposals. */
const STAFF = ['admin', 'quality_manager', 'inspector', 'project_manager', 'auditor', 'fund_committee'] as const satisfies readonly Role[];

/** What each capability requires. Auditors read only; admins may do everything. */
export const PERMISSIONS = {
  readStandards: STAFF,
  editStandards: ['admin', 'quality_manager'],
  publishStandards: ['admin', 'quality_manager'],
  publishEditions: ['admin', 'quality_manager'],
  readAuditTrail: ['admin', 'auditor', 'quality_manager'],
  verifyAuditChain: ['admin'],
  manageUsers: ['admin'],
  readInspections: STAFF,
  // every project, not only those of one's own inspection schedules
  readAllProjects: ['admin', 'quality_manager', 'project_manager', 'auditor', 'fund_committee'],
  inspect: ['admin', 'quality_manager', 'inspector'],
  // inspectors' evidence, and the project manager's proof of a rectification
  uploadPhotos: ['admin', 'quality_manager', 'inspector', 'project_manager', 'fund_committee', 'frontline'],
  manageSchedules: ['admin', 'quality_manager'],
  startWorkflows: ['admin', 'quality_manager', 'inspector', 'project_manager', 'fund_committee'],
  workOnTasks: ['admin', 'quality_manager', 'inspector', 'project_manager', 'fund_committee', 'auditor', 'frontline'],
  manageWorkflows: ['admin', 'quality_manager'],
  // server-wide settings such as separation of duties for standards
  manageSettings: ['admin'],
  // innovation-fund proposals: anyone may propose; the committee, quality managers and admins see every proposal, others their own
  submitProposals: ['admin', 'quality_manager', 'inspector', 'project_manager', 'fund_committee', 'frontline'],
  readAllProposals: ['admin', 'quality_manager', 'fund_committee'],
} as const satisfies Record<string, readonly Role[]>;
export type Permission = keyof typeof PERMISSIONS;

/** The caller is not signed in, or lacks the role an action needs. */
export class ForbiddenError extends DomainError {
  readonly requiredRoles: readonly Role[];
  constructor(message: Message, requiredRoles: readonly Role[] = []) {
    super(message);
    this.name = 'ForbiddenError';
    this.requiredRoles = requiredRoles;
  }
}

/** Whether the actor holds one of the roles a permission needs. */
export function holds(actor: Actor, permission: Permission): boolean {
  const allowed: readonly Role[] = PERMISSIONS[permission];
  return actor.roles.some((r) => allowed.includes(r));
}

/** Throws ForbiddenError unless the actor holds one of the roles the permission needs. */
export function authorize(actor: Actor | null, permission: Permission): Actor {
  const allowed: readonly Role[] = PERMISSIONS[permission];
  if (!actor) throw new ForbiddenError(accessMessage('auth.sign_in_first'), allowed);
  if (!actor.roles.some((r) => allowed.includes(r))) {
    throw new ForbiddenError(accessMessage('auth.forbidden', { username: actor.username, permission, roles: allowed }), allowed);
  }
  return actor;
}

/** The capabilities a set of roles grants (what a client may offer the user). */
export function permissionsOf(roles: readonly Role[]): Permission[] {
  return (Object.keys(PERMISSIONS) as Permission[]).filter((p) => roles.some((r) => (PERMISSIONS[p] as readonly Role[]).includes(r)));
}
