/**
 * An organisation and its regions: created by the system (the command line), read by its people,
 * managed by an administrator of the whole organisation. Every change is in the organisation's
 * audit chain. Its people and their roles are `people.service.ts`.
 */
import { ForbiddenError, authorize, projectsFor, type Actor } from '../shared/access.ts';
import { accessMessage } from '../shared/access.messages.ts';
import { ConflictError, NotFoundError, ValidationError, issue, type Issue } from '../shared/errors.ts';
import { inTransaction, type EntityManager } from '../shared/persistence.ts';
import type { ServiceContext } from '../shared/service-context.ts';
import { appendAudit } from '../audit/audit.service.ts';
import type { IProject } from '../projects/project.entity.ts';
import type { IOrganisation, IRegion } from '../organisations/organisation.entity.ts';
import { organisationRepository } from '../organisations/organisation.repository.ts';
import { peopleRepository } from './people.repository.ts';
import { organisationMessage } from './organisation.messages.ts';
import { describeMemberships, type MembershipView } from './membership-view.service.ts';

export type { MembershipView, Level } from './membership-view.service.ts';

/** A region with its projects. */
export interface RegionView extends IRegion {
  projects: IProject[];
}

/** The caller's organisation, with its regions. */
export interface OrganisationView extends IOrganisation {
  regions: RegionView[];
}

/** Refuses anyone not signed in, and a person with no role anywhere, with the clear message of each. */
function member(actor: Actor | null): Actor {
  if (!actor) throw new ForbiddenError(accessMessage('auth.sign_in_first'));
  if (actor.roles.length === 0) throw new ForbiddenError(accessMessage('auth.no_membership', { username: actor.username }));
  return actor;
}

/** An administrator of the whole organisation (or the system acting for one): the organisation they manage. */
export function managed(actor: Actor | null, organisationId?: number | null): number {
  const admin = authorize(actor, 'manageUsers');
  if (projectsFor(admin, 'manageUsers') !== null) throw new ForbiddenError(organisationMessage('person.manage_own_organisation', { username: admin.username }), ['admin']);
  const id = admin.organisationId ?? organisationId ?? null;
  if (id === null) throw new NotFoundError(organisationMessage('organisation.not_found', { code: '—' }), '');
  return id;
}

const organisationCodeRule = /^[a-z][a-z0-9-]{1,31}$/;
const regionCodeRule = /^[A-Z0-9-]{1,16}$/;
const nameIssues = (name: string): Issue[] => (name.trim().length < 1 || name.trim().length > 100 ? [issue('/name', organisationMessage('organisation.name_rule'))] : []);

/** Creates an organisation (the system only: the command line). */
export async function createOrganisation(em: EntityManager, actor: Actor, input: { code: string; name: string; nameEn?: string | null }): Promise<IOrganisation> {
  if (actor.reach !== undefined || actor.organisationId !== null) throw new ForbiddenError(organisationMessage('organisation.system_only'));
  const issues = [...(organisationCodeRule.test(input.code) ? [] : [issue('/code', organisationMessage('organisation.code_rule'))]), ...nameIssues(input.name)];
  if (issues.length > 0) throw new ValidationError(organisationMessage('organisation.invalid', { code: input.code }), issues);
  if (await organisationRepository.findByCode(em, input.code)) throw new ConflictError(organisationMessage('organisation.exists', { code: input.code }));
  return inTransaction(em, async (tx) => {
    const organisation = await peopleRepository.insertOrganisation(tx, { code: input.code, name: input.name.trim(), nameEn: input.nameEn ?? null, createdAt: new Date() });
    await appendAudit(tx, { ...actor, organisationId: organisation.id }, { action: 'organisation.created', subjectType: 'organisation', subjectKey: input.code, detail: { name: organisation.name } });
    return organisation;
  });
}

/** Gives an organisation another code and name (the system only: the demo names the first one). */
export async function renameOrganisation(em: EntityManager, actor: Actor, code: string, change: { code: string; name: string; nameEn?: string | null }): Promise<IOrganisation> {
  if (actor.reach !== undefined || actor.organisationId !== null) throw new ForbiddenError(organisationMessage('organisation.system_only'));
  const organisation = await organisationByCode(em, code);
  return inTransaction(em, async (tx) => {
    const renamed = await peopleRepository.rename(tx, organisation, { code: change.code, name: change.name, nameEn: change.nameEn ?? null });
    await appendAudit(tx, { ...actor, organisationId: organisation.id }, { action: 'organisation.renamed', subjectType: 'organisation', subjectKey: change.code, detail: { from: code, name: change.name } });
    return renamed;
  });
}

/** An organisation by its code (a `NotFoundError` when there is none). */
export async function organisationByCode(em: EntityManager, code: string): Promise<IOrganisation> {
  const organisation = await organisationRepository.findByCode(em, code);
  if (!organisation) throw new NotFoundError(organisationMessage('organisation.not_found', { code }), code);
  return organisation;
}

/** The caller's organisation with its regions and their projects. */
export async function ownOrganisation(ctx: ServiceContext): Promise<OrganisationView> {
  const actor = member(ctx.actor);
  const organisation = actor.organisationId === null ? null : await organisationRepository.find(ctx.em, actor.organisationId);
  if (!organisation) throw new NotFoundError(organisationMessage('organisation.not_found', { code: String(actor.organisationId) }), String(actor.organisationId));
  return { ...organisation, regions: await regionsOf(ctx.em, organisation.id) };
}

/** The organisation the signed-in person works for (null when signed out), whether or not they hold a role yet. */
export async function organisationOfCaller(ctx: ServiceContext): Promise<IOrganisation | null> {
  if (!ctx.actor || ctx.actor.organisationId === null) return null;
  return organisationRepository.find(ctx.em, ctx.actor.organisationId);
}

async function regionsOf(em: EntityManager, organisationId: number): Promise<RegionView[]> {
  const [regions, projects] = await Promise.all([organisationRepository.regions(em, organisationId), peopleRepository.projects(em, organisationId)]);
  return regions.map((r) => ({ ...r, projects: projects.filter((p) => p.regionId === r.id) }));
}

/** The signed-in person's own memberships, described (an empty list for someone who holds none). */
export async function ownMemberships(ctx: ServiceContext): Promise<MembershipView[]> {
  if (!ctx.actor || ctx.actor.organisationId === null) return [];
  const rows = await peopleRepository.membershipsOf(ctx.em, ctx.actor.organisationId, [ctx.actor.username]);
  return describeMemberships(ctx.em, ctx.actor.organisationId, rows);
}

/** Creates a region of the organisation (the system names the organisation). */
export async function createRegion(ctx: ServiceContext, input: { code: string; name: string; organisationId?: number | null }): Promise<RegionView> {
  const organisationId = managed(ctx.actor, input.organisationId);
  const issues = [...(regionCodeRule.test(input.code) ? [] : [issue('/code', organisationMessage('region.code_rule'))]), ...nameIssues(input.name)];
  if (issues.length > 0) throw new ValidationError(organisationMessage('region.invalid', { code: input.code }), issues);
  const name = input.name.trim();
  const clash = (await organisationRepository.regions(ctx.em, organisationId)).some((r) => r.code === input.code || r.name === name);
  if (clash) throw new ConflictError(organisationMessage('region.exists', { code: input.code, name }));
  const actor = { ...ctx.actor!, organisationId };
  const region = await inTransaction(ctx.em, async (tx) => {
    const row = await peopleRepository.insertRegion(tx, { organisationId, code: input.code, name, createdAt: new Date() });
    await appendAudit(tx, actor, { action: 'region.created', subjectType: 'region', subjectKey: input.code, detail: { name } });
    return row;
  });
  return { ...region, projects: [] };
}
