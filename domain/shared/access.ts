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

/**
 * Where a role is held: on the whole organisation (`projects: null`), or on some of its projects
 * (a region's projects, or single projects).
 */
export interface Reach {
  role: Role;
  /** null: every project of the organisation; else these projects */
  projects: readonly number[] | null;
  /** the regions the role is held on (a regional supervisor's); empty for organisation and project roles */
  regions: readonly number[];
}

/** Who is acting: a signed-in user, or the system itself (first-start import, CLI, timers). */
export interface Actor {
  username: string;
  /** every role held, at any level (what the user may do somewhere) */
  roles: readonly Role[];
  /** the organisation acted in; null only for the system, which acts across organisations */
  organisationId: number | null;
  /** where each role is held; absent for the system (everywhere) */
  reach?: readonly Reach[];
}

export const SYSTEM_ACTOR: Actor = { username: 'system', roles: ['admin'], organisationId: null };

/** A person holding the roles on a whole organisation (the first one by default): seeds, tools and tests. */
export function organisationActor(username: string, roles: readonly Role[], organisationId = 1): Actor {
  return { username, roles, organisationId, reach: roles.map((role) => ({ role, projects: null, regions: [] })) };
}

/** The system doing work that belongs to one organisation (a timer firing, a rectification opened after commit). */
export function systemFor(organisationId: number, username = 'system'): Actor {
  return { username, roles: ['admin'], organisationId };
}

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
  // cancel a running instance of one's own organisation
  cancelInstances: ['admin', 'quality_manager'],
  // server-wide settings such as separation of duties for standards
  manageSettings: ['admin'],
  // innovation-fund proposals: anyone may propose; the committee, quality managers and admins see every proposal, others their own
  submitProposals: ['admin', 'quality_manager', 'inspector', 'project_manager', 'fund_committee', 'frontline'],
  readAllProposals: ['admin', 'quality_manager', 'fund_committee'],
  // regional flying inspections: the roles that may see some region's (inspectors: only those held on a region; see domain/inspections/flying-access.ts)
  readFlyingInspections: ['admin', 'quality_manager', 'auditor', 'inspector'],
  // the customer's voice: feedback of the projects one's roles reach, its analysis, clusters and heat map
  readFeedback: ['admin', 'quality_manager', 'project_manager', 'auditor'],
  // record single feedback items (the project's service desk) and import a call centre's exports
  recordFeedback: ['admin', 'quality_manager', 'project_manager'],
  importFeedback: ['admin', 'quality_manager'],
  // questionnaires (versioned like standards), survey waves and their links
  manageSurveys: ['admin', 'quality_manager'],
  readSurveyResults: ['admin', 'quality_manager', 'project_manager', 'auditor'],
  // landing a standard: trainings from a version's diff, on-site coaching, scenario and mystery-customer assessments, qualifications
  manageTraining: ['admin', 'quality_manager'],
  readTraining: ['admin', 'quality_manager', 'inspector', 'project_manager', 'auditor'],
  takeQuizzes: ['admin', 'quality_manager', 'inspector', 'project_manager', 'auditor', 'fund_committee', 'frontline'],
  recordCoaching: ['admin', 'quality_manager', 'inspector', 'project_manager'],
  runAssessments: ['admin', 'quality_manager', 'inspector'],
  manageQualifications: ['admin', 'quality_manager'],
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

/**
 * What changes what every organisation shares beyond the library — the deployed processes and the
 * server's settings — is done only by the organisation that runs the server (the first one) and by
 * the system. (The library's baseline is guarded document by document: standards/ownership.service.ts;
 * other organisations edit their overlays and additions.)
 */
const SHARED_PERMISSIONS: readonly Permission[] = ['manageWorkflows', 'manageSettings'];
export const BASELINE_ORGANISATION = 1;

/** Throws ForbiddenError unless the actor holds one of the roles the permission needs. */
export function authorize(actor: Actor | null, permission: Permission): Actor {
  const allowed: readonly Role[] = PERMISSIONS[permission];
  if (!actor) throw new ForbiddenError(accessMessage('auth.sign_in_first'), allowed);
  if (actor.roles.length === 0) throw new ForbiddenError(accessMessage('auth.no_membership', { username: actor.username }), allowed);
  if (!actor.roles.some((r) => allowed.includes(r))) {
    throw new ForbiddenError(accessMessage('auth.forbidden', { username: actor.username, permission, roles: allowed }), allowed);
  }
  if (SHARED_PERMISSIONS.includes(permission) && actor.organisationId !== null && actor.organisationId !== BASELINE_ORGANISATION) {
    throw new ForbiddenError(accessMessage('auth.shared_baseline', { username: actor.username, permission }), allowed);
  }
  return actor;
}

/**
 * The projects where the actor may use a permission: null when a role granting it is held on the
 * whole organisation (or the actor is the system), else the projects of the roles held lower down
 * (possibly none).
 */
export function projectsFor(actor: Actor, permission: Permission): readonly number[] | null {
  const allowed: readonly Role[] = PERMISSIONS[permission];
  return projectsWhere(actor, allowed);
}

/** The projects where the actor holds one of the roles (null: every project of the organisation). */
export function projectsWhere(actor: Actor, roles: readonly Role[]): readonly number[] | null {
  if (!actor.reach) return null;
  const ids = new Set<number>();
  for (const r of actor.reach) {
    if (!roles.includes(r.role)) continue;
    if (r.projects === null) return null;
    for (const id of r.projects) ids.add(id);
  }
  return [...ids].sort((a, b) => a - b);
}

/** Whether the actor holds one of the roles on the project (on it, its region, or the organisation). */
export function holdsOn(actor: Actor, roles: readonly Role[], projectId: number | null): boolean {
  const projects = projectsWhere(actor, roles);
  return projects === null || (projectId !== null && projects.includes(projectId));
}

/** The capabilities a set of roles grants (what a client may offer the user). */
export function permissionsOf(roles: readonly Role[]): Permission[] {
  return (Object.keys(PERMISSIONS) as Permission[]).filter((p) => roles.some((r) => (PERMISSIONS[p] as readonly Role[]).includes(r)));
}
