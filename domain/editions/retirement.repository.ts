import type { EntityManager } from '../shared/persistence.ts';
import { EditionRetirement } from './edition-retirement.entity.ts';

/** When, by whom and why an edition was withdrawn from use. */
export interface Retirement {
  retiredBy: string;
  retiredAt: Date;
  note: string;
}

/** Retirements of editions (retireEdition): one row per edition, never changed. */
export const retirementRepository = {
  async find(em: EntityManager, edition: string): Promise<Retirement | null> {
    const row = await em.findOne(EditionRetirement, { editionName: edition }, { disableIdentityMap: true });
    return row ? { retiredBy: row.retiredBy, retiredAt: new Date(row.retiredAt), note: row.note } : null;
  },

  async insert(em: EntityManager, edition: string, retirement: Retirement): Promise<void> {
    await em.insert(EditionRetirement, { editionName: edition, retiredBy: retirement.retiredBy, retiredAt: retirement.retiredAt, note: retirement.note });
  },
};
