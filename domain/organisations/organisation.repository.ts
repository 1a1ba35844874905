import { readInOneTrip, type EntityManager, type NewRow } from '../shared/persistence.ts';
import { Membership, Organisation, Region, type IMembership, type IOrganisation, type IRegion } from './organisation.entity.ts';

/** Organisations, their regions, and who holds which role where. */
export const organisationRepository = {
  findByCode(em: EntityManager, code: string): Promise<IOrganisation | null> {
    return em.findOne(Organisation, { code });
  },

  find(em: EntityManager, id: number): Promise<IOrganisation | null> {
    return em.findOne(Organisation, { id });
  },

  all(em: EntityManager): Promise<IOrganisation[]> {
    return em.find(Organisation, {}, { orderBy: { id: 'asc' } });
  },

  insert(em: EntityManager, row: NewRow<IOrganisation>): IOrganisation {
    return em.create(Organisation, row);
  },

  regions(em: EntityManager, organisationId: number): Promise<IRegion[]> {
    return em.find(Region, { organisationId }, { orderBy: { code: 'asc' } });
  },

  findRegion(em: EntityManager, organisationId: number, where: { id?: number; name?: string; code?: string }): Promise<IRegion | null> {
    return em.findOne(Region, { organisationId, ...where });
  },

  insertRegion(em: EntityManager, row: NewRow<IRegion>): IRegion {
    return em.create(Region, row);
  },

  /** Stores a region at once (in the caller's transaction), for rows that refer to its id. */
  async addRegion(em: EntityManager, row: NewRow<IRegion>): Promise<IRegion> {
    const region = em.create(Region, row);
    await em.flush();
    return region;
  },

  /**
   * A person's account and memberships in one round trip (read on every request): one row per
   * membership in their organisation (a null role when they hold none), each with the projects of
   * its region when it is held on a region. Nothing when the account is missing or disabled.
   */
  async accessOf(em: EntityManager, username: string): Promise<{ username: string; organisation_id: number | null; role: string | null; region_id: number | null; project_id: number | null; region_projects: number[] | null }[]> {
    return readInOneTrip(
      em,
      `select u.username, u.organisation_id, m.role, m.region_id, m.project_id,
         case when m.region_id is not null then array(select p.id from project p where p.region_id = m.region_id and p.organisation_id = u.organisation_id order by p.id) end as region_projects
       from app_user u left join membership m on m.username = u.username and m.organisation_id = u.organisation_id
       where u.username = ? and u.active order by m.id`, [username], 'access_of');
  },

  /** The memberships of an organisation, by person. */
  members(em: EntityManager, organisationId: number): Promise<IMembership[]> {
    return em.find(Membership, { organisationId }, { orderBy: { username: 'asc', id: 'asc' } });
  },

  findMembership(em: EntityManager, organisationId: number, id: number): Promise<IMembership | null> {
    return em.findOne(Membership, { organisationId, id });
  },

  insertMembership(em: EntityManager, row: NewRow<IMembership>): IMembership {
    return em.create(Membership, row);
  },

  async deleteMembership(em: EntityManager, organisationId: number, id: number): Promise<void> {
    await em.nativeDelete(Membership, { organisationId, id });
  },
};
