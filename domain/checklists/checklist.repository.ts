import { readImmutable, type EntityManager } from '../shared/persistence.ts';

/** A generated checklist as stored: its facts and its gzipped JSON. */
export interface StoredChecklist {
  id: string;
  projectId: number;
  tier: string;
  scope: string;
  edition: string;
  period: string | null;
  variantProfile: string | null;
  variantVersion: number | null;
  itemCount: number;
  contentGzip: Uint8Array;
  createdAt: Date;
}

/** Checklists, stored once under the hash of their content and never changed. */
export const checklistRepository = {
  /** Stores a checklist unless one with its id (its content hash) is stored already. */
  async insertIfAbsent(em: EntityManager, c: StoredChecklist): Promise<void> {
    await em.execute(
      `insert into checklist (id, project_id, tier, scope, edition_name, period, variant_profile, variant_version, item_count, content_gzip, created_at)
       values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) on conflict (id) do nothing`,
      [c.id, c.projectId, c.tier, c.scope, c.edition, c.period, c.variantProfile, c.variantVersion, c.itemCount, c.contentGzip, c.createdAt]);
  },

  /** The gzipped JSON of a stored checklist, or null (from a read replica when there is one: it never changes). */
  async content(em: EntityManager, id: string): Promise<Uint8Array | null> {
    const [row] = await readImmutable<{ content_gzip: Uint8Array }>(em, 'select content_gzip from checklist where id = ?', [id]);
    return row?.content_gzip ?? null;
  },
};
