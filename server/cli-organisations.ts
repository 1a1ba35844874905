import type { EntityManager } from '../domain/shared/persistence.ts';
import { SYSTEM_ACTOR, systemFor } from '../domain/shared/access.ts';
import { DEFAULT_LIMITS } from '../domain/shared/limits.ts';
import { createOrganisation, createRegion, organisationByCode } from '../domain/people/organisation.service.ts';
import { grantRole, peoplePage, revokeRoleAt, type MembershipView, type Person } from '../domain/people/people.service.ts';
import { peopleRepository } from '../domain/people/people.repository.ts';

/** The options the organisation commands read. */
export interface OrganisationOptions {
  organisation?: string;
  code?: string;
  name?: string;
  'name-en'?: string;
  username?: string;
  role?: string;
  region?: string;
  project?: string;
}

export const ORGANISATION_USAGE = `  organisation add --code C --name N [--name-en N]     a new organisation (code: lower-case, e.g. yueju)
  region add --organisation C --code R --name N        a region of an organisation
  member grant --username U --role R [--region CODE | --project CODE]
                                                       a role on the person's whole organisation, a region or a project
  member revoke --username U --role R [--region CODE | --project CODE]
  member list --organisation C                         the organisation's people and where they hold which role`;

/** A membership in one line: `inspector @ 项目 HD01 锦绣江南花园`. */
function where(m: MembershipView): string {
  if (m.project) return `${m.role} @ project ${m.project.code} ${m.project.name}`;
  if (m.region) return `${m.role} @ region ${m.region.code} ${m.region.name}`;
  return `${m.role} @ organisation`;
}

/** The system acting for the organisation a person works for (a person unknown anywhere is refused by the service). */
async function forPersonOf(em: EntityManager, username: string) {
  const user = await peopleRepository.anyUser(em, username);
  return user?.organisationId ? systemFor(user.organisationId) : SYSTEM_ACTOR;
}

/** Runs `organisation add`, `region add` and `member grant|revoke|list`; returns false for anything else. */
export async function runOrganisationCommand(em: EntityManager, command: string, sub: string | undefined, o: OrganisationOptions, fail: (usage: string) => never): Promise<boolean> {
  const context = (actor: ReturnType<typeof systemFor>) => ({ em, actor, limits: DEFAULT_LIMITS });
  const level = { regionCode: o.region ?? null, projectCode: o.project ?? null };
  if (command === 'organisation' && sub === 'add') {
    if (!o.code || !o.name) fail(ORGANISATION_USAGE);
    const created = await createOrganisation(em, SYSTEM_ACTOR, { code: o.code, name: o.name, nameEn: o['name-en'] ?? null });
    console.log(`organisation ${created.code} (${created.name}) created`);
  } else if (command === 'region' && sub === 'add') {
    if (!o.organisation || !o.code || !o.name) fail(ORGANISATION_USAGE);
    const organisation = await organisationByCode(em, o.organisation);
    const region = await createRegion(context(systemFor(organisation.id)), { code: o.code, name: o.name });
    console.log(`region ${region.code} (${region.name}) added to ${organisation.code}`);
  } else if (command === 'member' && (sub === 'grant' || sub === 'revoke')) {
    if (!o.username || !o.role) fail(ORGANISATION_USAGE);
    const ctx = context(await forPersonOf(em, o.username));
    if (sub === 'grant') console.log(`${o.username}: granted ${where(await grantRole(ctx, { username: o.username, role: o.role, ...level }))}`);
    else console.log(`${o.username}: revoked; now ${(await revokeRoleAt(ctx, { username: o.username, role: o.role, ...level })).memberships.map(where).join(', ') || 'no role'}`);
  } else if (command === 'member' && sub === 'list') {
    if (!o.organisation) fail(ORGANISATION_USAGE);
    const ctx = context(systemFor((await organisationByCode(em, o.organisation)).id));
    let after: string | null = null;
    do {
      const page = await peoplePage(ctx, { first: 500, after });
      for (const p of page.items as Person[]) console.log(`${p.username}\t${p.displayName}${p.active ? '' : ' (deactivated)'}\t${p.memberships.map(where).join('; ') || 'no role'}`);
      after = page.hasNextPage ? page.cursors.at(-1)! : null;
    } while (after);
  } else {
    return false;
  }
  return true;
}
