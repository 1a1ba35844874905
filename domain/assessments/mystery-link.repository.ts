import type { EntityManager, NewRow } from '../shared/persistence.ts';
import { MysteryLink, type IMysteryLink } from './mystery-link.entity.ts';

/** Mystery-customer links: the only file that reads or writes `mystery_link`. */
export const mysteryLinkRepository = {
  insertAll(em: EntityManager, rows: NewRow<IMysteryLink>[]): void {
    for (const row of rows) em.create(MysteryLink, row);
  },

  /** The organisation a token's hash belongs to, for an anonymous caller (a security-definer lookup). */
  async organisationOfToken(em: EntityManager, tokenHash: string): Promise<number | null> {
    const rows = await em.execute<{ organisation_id: number | null }[]>('select "pinzhi_mystery_link_organisation"(?) as organisation_id', [tokenHash]);
    return rows[0]?.organisation_id ?? null;
  },

  byHash(em: EntityManager, organisationId: number, tokenHash: string): Promise<IMysteryLink | null> {
    return em.findOne(MysteryLink, { organisationId, tokenHash });
  },

  /** Claims an unused link; false when another submission claimed it first (the row lock orders them). */
  async claim(em: EntityManager, linkId: number, at: Date): Promise<boolean> {
    const rows = await em.execute<{ id: number }[]>('update "mystery_link" set "used_at" = ? where "id" = ? and "used_at" is null returning "id"', [at, linkId]);
    return rows.length === 1;
  },

  async recordInspection(em: EntityManager, linkId: number, inspectionId: number): Promise<void> {
    await em.execute('update "mystery_link" set "inspection_id" = ? where "id" = ?', [inspectionId, linkId]);
  },

  /** The links of some projects (null: all), newest first. */
  list(em: EntityManager, organisationId: number | null, projects: readonly number[] | null, limit: number): Promise<IMysteryLink[]> {
    return em.find(MysteryLink, { ...(organisationId === null ? {} : { organisationId }), ...(projects === null ? {} : { projectId: { $in: [...projects] } }) }, { orderBy: { id: 'desc' }, limit });
  },
};
