import type { EntityManager, NewRow } from '../shared/persistence.ts';
import { OrganisationEdition, OrganisationEditionEntry, OrganisationOverlay, type IOrganisationEdition, type IOrganisationEditionEntry, type IOrganisationOverlay } from './layer.entity.ts';

/** A published addition's pinned version with its schema text. */
export interface AdditionRow {
  code: string;
  version: number;
  kind: string;
  title: string;
  schemaJson: string;
}

/** Queries for organisations' overlays, additions and editions (always of one organisation). */
export const layerRepository = {
  /** The overlay rows of one document (newest first), or of every document. */
  overlays(em: EntityManager, organisationId: number, code?: string): Promise<IOrganisationOverlay[]> {
    return em.find(OrganisationOverlay, { organisationId, ...(code ? { code } : {}) }, { orderBy: { code: 'asc', version: 'desc' } });
  },

  findOverlay(em: EntityManager, organisationId: number, code: string, status: 'draft' | 'published'): Promise<IOrganisationOverlay | null> {
    return em.findOne(OrganisationOverlay, { organisationId, code, status });
  },

  async highestOverlayVersion(em: EntityManager, organisationId: number, code: string): Promise<number> {
    const [row] = await em.execute<{ v: number | null }[]>('select max(version) as v from organisation_overlay where organisation_id = ? and code = ?', [organisationId, code]);
    return Number(row?.v ?? 0);
  },

  /** Overlay rows by (code, version) pairs: what an organisation edition pins. */
  async overlayVersions(em: EntityManager, organisationId: number, pins: { code: string; version: number }[]): Promise<IOrganisationOverlay[]> {
    if (pins.length === 0) return [];
    return em.find(OrganisationOverlay, { organisationId, $or: pins.map((p) => ({ code: p.code, version: p.version })) });
  },

  insertOverlay(em: EntityManager, row: NewRow<IOrganisationOverlay>): IOrganisationOverlay {
    return em.create(OrganisationOverlay, row);
  },

  /** Writes the changes made to loaded overlay rows (in the caller's transaction). */
  async save(em: EntityManager): Promise<void> {
    await em.flush();
  },

  async deleteOverlay(em: EntityManager, row: IOrganisationOverlay): Promise<void> {
    em.remove(row);
    await em.flush();
  },

  /** The organisation's published additions (every kind), with the schema of their published version. */
  publishedAdditions(em: EntityManager, organisationId: number): Promise<AdditionRow[]> {
    return em.execute<AdditionRow[]>(
      `select d.code, v.version, d.kind, v.title, v.schema_json as "schemaJson" from standard_document d
       join standard_version v on v.code = d.code and v.version = d.published_version
       where d.organisation_id = ? and not d.retired order by d.code`, [organisationId]);
  },

  /** Additions at the versions given. */
  async additionVersions(em: EntityManager, organisationId: number, pins: { code: string; version: number }[]): Promise<AdditionRow[]> {
    if (pins.length === 0) return [];
    return em.execute<AdditionRow[]>(
      `select d.code, v.version, d.kind, v.title, v.schema_json as "schemaJson" from standard_version v join standard_document d on d.code = v.code
       where v.organisation_id = ? and (v.code, v.version) in (${pins.map(() => '(?, ?)').join(', ')}) order by v.code`,
      [organisationId, ...pins.flatMap((p) => [p.code, p.version])]);
  },

  editions(em: EntityManager, organisationId: number): Promise<IOrganisationEdition[]> {
    return em.find(OrganisationEdition, { organisationId }, { orderBy: { id: 'desc' } });
  },

  findEdition(em: EntityManager, organisationId: number, name: string): Promise<IOrganisationEdition | null> {
    return em.findOne(OrganisationEdition, { organisationId, name });
  },

  newestEdition(em: EntityManager, organisationId: number): Promise<IOrganisationEdition | null> {
    return em.findOne(OrganisationEdition, { organisationId }, { orderBy: { id: 'desc' } });
  },

  editionEntries(em: EntityManager, editionId: number): Promise<IOrganisationEditionEntry[]> {
    return em.find(OrganisationEditionEntry, { editionId }, { orderBy: { code: 'asc' } });
  },

  /** Stores an edition and its entries (in the caller's transaction). */
  async insertEdition(em: EntityManager, edition: NewRow<IOrganisationEdition>, entries: Omit<NewRow<IOrganisationEditionEntry>, 'editionId'>[]): Promise<IOrganisationEdition> {
    const row = em.create(OrganisationEdition, edition);
    await em.flush();
    for (const e of entries) em.create(OrganisationEditionEntry, { ...e, editionId: row.id });
    await em.flush();
    return row;
  },
};
