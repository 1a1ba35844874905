/**
 * The people of an organisation and the roles they hold at each level (organisation, region,
 * project): an administrator of the whole organisation lists them, grants and revokes roles,
 * creates, deactivates and reactivates people. Every change is in the organisation's audit chain
 * and holds from the person's next request.
 */
import { ROLES } from '../shared/access.ts';
import { ConflictError, NotFoundError, ValidationError, issue, type Issue } from '../shared/errors.ts';
import { inTransaction, isUniqueViolation, type EntityManager } from '../shared/persistence.ts';
import type { ServiceContext } from '../shared/service-context.ts';
import { keysetPage, type Keyset, type Page, type PageArgs } from '../shared/paging.ts';
import { appendAudit } from '../audit/audit.service.ts';
import { createUser } from '../users/user.service.ts';
import type { IUser } from '../users/user.entity.ts';
import { projectMessage } from '../projects/project.messages.ts';
import type { IMembership } from '../organisations/organisation.entity.ts';
import { organisationRepository } from '../organisations/organisation.repository.ts';
import { peopleRepository } from './people.repository.ts';
import { organisationMessage } from './organisation.messages.ts';
import { describeMemberships, type MembershipView } from './membership-view.service.ts';
import { managed } from './organisation.service.ts';

export type { MembershipView, Level } from './membership-view.service.ts';

/** A person of the organisation with where they hold which role. */
export interface Person {
  username: string;
  displayName: string;
  active: boolean;
  createdAt: Date;
  memberships: MembershipView[];
}

/** Where a role is granted: nothing for the whole organisation, else a region or a project, by id or (command line) by code. */
export interface GrantInput {
  username: string;
  role: string;
  regionId?: number | null;
  projectId?: number | null;
  regionCode?: string | null;
  projectCode?: string | null;
}

export interface NewPerson {
  username: string;
  displayName?: string | null;
  password: string;
  /** a first role, granted at the level given by regionId / projectId (none: the person starts with no role) */
  role?: string | null;
  regionId?: number | null;
  projectId?: number | null;
}

const PEOPLE: Keyset<IUser> = { list: 'people', columns: [{ name: 'username', type: 'text', direction: 'asc' }], keyOf: (u) => [u.username] };

/** The organisation's people with their memberships, by username, a page at a time (administrators). */
export async function peoplePage(ctx: ServiceContext, page: PageArgs): Promise<Page<Person>> {
  const organisationId = managed(ctx.actor);
  const users = await keysetPage(PEOPLE, page, (window) => peopleRepository.usersWindow(ctx.em, organisationId, PEOPLE, window), () => peopleRepository.countUsers(ctx.em, organisationId));
  return { ...users, items: await personsOf(ctx.em, organisationId, users.items) };
}

async function personsOf(em: EntityManager, organisationId: number, users: IUser[]): Promise<Person[]> {
  const memberships = await describeMemberships(em, organisationId, await peopleRepository.membershipsOf(em, organisationId, users.map((u) => u.username)));
  return users.map((u) => ({ username: u.username, displayName: u.displayName, active: u.active, createdAt: u.createdAt, memberships: memberships.filter((m) => m.username === u.username) }));
}

async function personIn(em: EntityManager, organisationId: number, username: string): Promise<IUser> {
  const user = await peopleRepository.userIn(em, organisationId, username);
  if (!user) throw new NotFoundError(organisationMessage('person.not_found', { username }), username);
  return user;
}

/** One person of the administrator's organisation with their memberships. */
export async function person(ctx: ServiceContext, username: string): Promise<Person> {
  const organisationId = managed(ctx.actor);
  return (await personsOf(ctx.em, organisationId, [await personIn(ctx.em, organisationId, username)]))[0];
}

/** Where a grant lands: the region or project it names, which must lie in the organisation (else not found, as a missing one). */
async function levelOf(em: EntityManager, organisationId: number, input: GrantInput): Promise<{ regionId: number | null; projectId: number | null }> {
  const region = input.regionId ?? null;
  const project = input.projectId ?? null;
  if (region !== null) {
    if (!(await peopleRepository.regionsByIds(em, organisationId, [region])).length) throw new NotFoundError(organisationMessage('region.not_found', { region }), String(region));
    return { regionId: region, projectId: null };
  }
  if (project !== null) {
    if (!(await peopleRepository.projectsByIds(em, organisationId, [project])).length) throw new NotFoundError(projectMessage('project.not_found', { id: project }), String(project));
    return { regionId: null, projectId: project };
  }
  if (input.regionCode) {
    const found = await organisationRepository.findRegion(em, organisationId, { code: input.regionCode });
    if (!found) throw new NotFoundError(organisationMessage('region.not_found', { region: input.regionCode }), input.regionCode);
    return { regionId: found.id, projectId: null };
  }
  if (input.projectCode) {
    const found = await peopleRepository.projectByCode(em, organisationId, input.projectCode);
    if (!found) throw new NotFoundError(organisationMessage('organisation.project_not_found', { code: input.projectCode }), input.projectCode);
    return { regionId: null, projectId: found.id };
  }
  return { regionId: null, projectId: null };
}

function checkGrant(input: GrantInput): void {
  const issues: Issue[] = [];
  if (!(ROLES as readonly string[]).includes(input.role)) issues.push(issue('/role', organisationMessage('membership.role_rule', { roles: [...ROLES] })));
  const levels = [input.regionId ?? input.regionCode, input.projectId ?? input.projectCode].filter((v) => v !== null && v !== undefined && v !== '');
  if (levels.length > 1) issues.push(issue('/projectId', organisationMessage('membership.one_level')));
  else if (input.role === 'admin' && levels.length === 1) issues.push(issue('/role', organisationMessage('membership.admin_level')));
  if (issues.length > 0) throw new ValidationError(organisationMessage('membership.invalid', { role: input.role, username: input.username }), issues);
}

/**
 * Grants a role at a level. The person, region and project must be the organisation's; a role
 * already held there is a `ConflictError`. Takes effect on the person's next request.
 */
export async function grantRole(ctx: ServiceContext, input: GrantInput): Promise<MembershipView> {
  checkGrant(input);
  const organisationId = managed(ctx.actor, ctx.actor?.organisationId === null ? (await peopleRepository.anyUser(ctx.em, input.username))?.organisationId : null);
  const actor = { ...ctx.actor!, organisationId };
  await personIn(ctx.em, organisationId, input.username);
  const level = await levelOf(ctx.em, organisationId, input);
  const held = (await peopleRepository.membershipsOf(ctx.em, organisationId, [input.username])).some((m) => m.role === input.role && (m.regionId ?? null) === level.regionId && (m.projectId ?? null) === level.projectId);
  const exists = () => new ConflictError(organisationMessage('membership.exists', { username: input.username, role: input.role }));
  if (held) throw exists();
  try {
    const row = await inTransaction(ctx.em, async (tx) => {
      const membership = await peopleRepository.insertMembership(tx, { organisationId, username: input.username, role: input.role, ...level, createdBy: actor.username, createdAt: new Date() });
      await appendAudit(tx, actor, { action: 'membership.granted', subjectType: 'user', subjectKey: input.username, detail: { membership: membership.id, role: input.role, ...level } });
      return membership;
    });
    return (await describeMemberships(ctx.em, organisationId, [row]))[0];
  } catch (error) {
    if (isUniqueViolation(error)) throw exists();
    throw error;
  }
}

/** Revokes a membership of the organisation; the last administrator of the whole organisation stays. */
export async function revokeRole(ctx: ServiceContext, membershipId: number): Promise<Person> {
  const organisationId = managed(ctx.actor);
  const membership = await organisationRepository.findMembership(ctx.em, organisationId, membershipId);
  if (!membership) throw new NotFoundError(organisationMessage('membership.not_found', { id: membershipId }), String(membershipId));
  await refuseLastAdmin(ctx.em, organisationId, membership);
  await inTransaction(ctx.em, async (tx) => {
    await organisationRepository.deleteMembership(tx, organisationId, membershipId);
    await appendAudit(tx, ctx.actor!, { action: 'membership.revoked', subjectType: 'user', subjectKey: membership.username, detail: { membership: membershipId, role: membership.role, regionId: membership.regionId ?? null, projectId: membership.projectId ?? null } });
  });
  return person(ctx, membership.username);
}

/** Revokes the role a person holds at a level, named as a grant names it (the command line). */
export async function revokeRoleAt(ctx: ServiceContext, input: GrantInput): Promise<Person> {
  checkGrant(input);
  const organisationId = managed(ctx.actor);
  await personIn(ctx.em, organisationId, input.username);
  const level = await levelOf(ctx.em, organisationId, input);
  const held = (await peopleRepository.membershipsOf(ctx.em, organisationId, [input.username])).find((m) => m.role === input.role && (m.regionId ?? null) === level.regionId && (m.projectId ?? null) === level.projectId);
  if (!held) throw new NotFoundError(organisationMessage('membership.not_held', { username: input.username, role: input.role }), input.username);
  return revokeRole(ctx, held.id);
}

async function refuseLastAdmin(em: EntityManager, organisationId: number, membership: Pick<IMembership, 'role' | 'regionId' | 'projectId' | 'username'>): Promise<void> {
  if (membership.role !== 'admin' || membership.regionId || membership.projectId) return;
  const admins = await peopleRepository.organisationAdmins(em, organisationId);
  if (admins.length <= 1 && admins.includes(membership.username)) throw new ConflictError(organisationMessage('membership.last_admin'));
}

/** Creates a person in the administrator's organisation, with a first role at a level or none yet. */
export async function createPerson(ctx: ServiceContext, input: NewPerson): Promise<Person> {
  const organisationId = managed(ctx.actor);
  const role = input.role ?? null;
  if (role !== null) checkGrant({ username: input.username, role, regionId: input.regionId, projectId: input.projectId });
  const atOrganisation = role !== null && (input.regionId ?? null) === null && (input.projectId ?? null) === null;
  const level = role === null || atOrganisation ? null : await levelOf(ctx.em, organisationId, { username: input.username, role, regionId: input.regionId, projectId: input.projectId });
  await inTransaction(ctx.em, async (tx) => {
    await createUser(tx, ctx.actor!, { username: input.username, displayName: input.displayName?.trim() || undefined, password: input.password, roles: atOrganisation ? [role!] : [], rolesLater: true });
    if (level && role) {
      const membership = await peopleRepository.insertMembership(tx, { organisationId, username: input.username, role, ...level, createdBy: ctx.actor!.username, createdAt: new Date() });
      await appendAudit(tx, ctx.actor!, { action: 'membership.granted', subjectType: 'user', subjectKey: input.username, detail: { membership: membership.id, role, ...level } });
    }
  });
  return person(ctx, input.username);
}

/** Deactivates (no sign-in, no request from the next one on) or reactivates a person; never oneself. */
export async function setUserActive(ctx: ServiceContext, username: string, active: boolean): Promise<Person> {
  const organisationId = managed(ctx.actor);
  const user = await personIn(ctx.em, organisationId, username);
  if (!active && username === ctx.actor!.username) throw new ConflictError(organisationMessage('person.not_self'));
  if (user.active !== active) {
    await inTransaction(ctx.em, async (tx) => {
      await peopleRepository.setActive(tx, await personIn(tx, organisationId, username), active);
      await appendAudit(tx, ctx.actor!, { action: active ? 'user.reactivated' : 'user.deactivated', subjectType: 'user', subjectKey: username, detail: {} });
    });
  }
  return person(ctx, username);
}
