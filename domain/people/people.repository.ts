import type { EntityManager, NewRow } from '../shared/persistence.ts';
import type { KeysetOrder, PageWindow } from '../shared/paging.ts';
import { ormWindow, withWindow } from '../shared/keyset-query.ts';
import { Project, type IProject } from '../projects/project.entity.ts';
import { User, type IUser } from '../users/user.entity.ts';
import { Membership, Organisation, Region, type IMembership, type IOrganisation, type IRegion } from '../organisations/organisation.entity.ts';

/** What an administrator reads and changes about their organisation: its people, their memberships, its regions. */
export const peopleRepository = {
  /** A window of the organisation's people, in a keyset's order (by username). */
  usersWindow(em: EntityManager, organisationId: number, keyset: KeysetOrder, window: PageWindow): Promise<IUser[]> {
    const { where, orderBy, limit } = ormWindow(keyset, window);
    return em.find(User, withWindow({ organisationId }, where), { orderBy, limit, disableIdentityMap: true });
  },

  countUsers(em: EntityManager, organisationId: number): Promise<number> {
    return em.count(User, { organisationId });
  },

  /** A person of the organisation (active or not). */
  userIn(em: EntityManager, organisationId: number, username: string): Promise<IUser | null> {
    return em.findOne(User, { organisationId, username });
  },

  /** A person by username, in any organisation (the command line, acting for the system). */
  anyUser(em: EntityManager, username: string): Promise<IUser | null> {
    return em.findOne(User, { username });
  },

  async setActive(em: EntityManager, user: IUser, active: boolean): Promise<IUser> {
    user.active = active;
    await em.flush();
    return user;
  },

  /** The memberships of some people of an organisation, by id. */
  membershipsOf(em: EntityManager, organisationId: number, usernames: readonly string[]): Promise<IMembership[]> {
    if (usernames.length === 0) return Promise.resolve([]);
    return em.find(Membership, { organisationId, username: { $in: [...usernames] } }, { orderBy: { id: 'asc' }, disableIdentityMap: true });
  },

  /** Stores a membership now (a second grant of the same role at the same place fails on the unique index). */
  async insertMembership(em: EntityManager, row: NewRow<IMembership>): Promise<IMembership> {
    const membership = em.create(Membership, row);
    await em.flush();
    return membership;
  },

  /** How many active people hold `admin` on the whole organisation. */
  async organisationAdmins(em: EntityManager, organisationId: number): Promise<string[]> {
    const rows = await em.find(Membership, { organisationId, role: 'admin', regionId: null, projectId: null }, { fields: ['username'], disableIdentityMap: true });
    const usernames = [...new Set(rows.map((r) => r.username))];
    if (usernames.length === 0) return [];
    const active = await em.find(User, { organisationId, active: true, username: { $in: usernames } }, { fields: ['username'], disableIdentityMap: true });
    return active.map((u) => u.username);
  },

  regionsByIds(em: EntityManager, organisationId: number, ids: readonly number[]): Promise<IRegion[]> {
    if (ids.length === 0) return Promise.resolve([]);
    return em.find(Region, { organisationId, id: { $in: [...ids] } }, { disableIdentityMap: true });
  },

  projectsByIds(em: EntityManager, organisationId: number, ids: readonly number[]): Promise<IProject[]> {
    if (ids.length === 0) return Promise.resolve([]);
    return em.find(Project, { organisationId, id: { $in: [...ids] } }, { disableIdentityMap: true });
  },

  projectByCode(em: EntityManager, organisationId: number, code: string): Promise<IProject | null> {
    return em.findOne(Project, { organisationId, code }, { disableIdentityMap: true });
  },

  /** The organisation's projects, by code (what its regions hold). */
  projects(em: EntityManager, organisationId: number): Promise<IProject[]> {
    return em.find(Project, { organisationId }, { orderBy: { code: 'asc' }, disableIdentityMap: true });
  },

  async insertOrganisation(em: EntityManager, row: NewRow<IOrganisation>): Promise<IOrganisation> {
    const organisation = em.create(Organisation, row);
    await em.flush();
    return organisation;
  },

  async rename(em: EntityManager, organisation: IOrganisation, change: { code: string; name: string; nameEn: string | null }): Promise<IOrganisation> {
    Object.assign(organisation, change);
    await em.flush();
    return organisation;
  },

  async insertRegion(em: EntityManager, row: NewRow<IRegion>): Promise<IRegion> {
    const region = em.create(Region, row);
    await em.flush();
    return region;
  },
};
