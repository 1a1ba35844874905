import type { EntityManager, NewRow } from '../shared/persistence.ts';
import { StandardDocument, type IStandardDocument } from './standard-document.entity.ts';
import { StandardVersion, type IStandardVersion } from './standard-version.entity.ts';
import { NotFoundError } from '../shared/errors.ts';
import { standardMessage } from './standard.messages.ts';
import type { KeysetOrder, PageWindow } from '../shared/paging.ts';
import { ormWindow, withWindow } from '../shared/keyset-query.ts';

export const OPEN_STATUSES = ['draft', 'in_review'] as const;

/** Which documents a list shows: of a kind, under a parent, among given codes. */
export interface DocumentFilter {
  kind?: string | null;
  parent?: string | null;
  codes?: string[] | null;
}

function whereOf(filter: DocumentFilter): Record<string, unknown> {
  const where: Record<string, unknown> = {};
  if (filter.kind) where.kind = filter.kind;
  if (filter.parent) where.parentCode = filter.parent;
  if (filter.codes) where.code = { $in: filter.codes };
  return where;
}

/** The changes a draft's save makes to its version row. */
export type DraftChanges = Pick<IStandardVersion, 'schemaJson' | 'contentHash' | 'title' | 'revision' | 'updatedAt' | 'editedBy'> & { note?: string | null };

/** Queries over documents and their versions. */
export const standardRepository = {
  /** Stores a document (in the caller's transaction) before any version of it. */
  async insertDocument(em: EntityManager, doc: NewRow<IStandardDocument>): Promise<IStandardDocument> {
    const row = em.create(StandardDocument, doc);
    await em.flush(); // versions refer to it
    return row;
  },

  /** The organisation that maintains the shared baseline library (the setting `library.baselineOwner`, else the first). */
  async baselineOwner(em: EntityManager): Promise<number> {
    const [row] = await em.execute<{ owner: number }[]>('select "pinzhi_baseline_owner"() as owner');
    return Number(row.owner);
  },

  /** An organisation's code (its additions' namespace comes from it); null when the caller cannot see it. */
  async organisationCode(em: EntityManager, organisationId: number): Promise<string | null> {
    const [row] = await em.execute<{ code: string }[]>('select code from organisation where id = ?', [organisationId]);
    return row?.code ?? null;
  },

  /** Adds a version to the unit of work (written with the caller's transaction). */
  insertVersion(em: EntityManager, version: NewRow<IStandardVersion>): IStandardVersion {
    return em.create(StandardVersion, version);
  },

  /**
   * Saves a draft only if it still has the revision the caller saw: false (and nothing written)
   * when another save came first. On success `draft` holds the stored row.
   */
  async updateDraftAtRevision(em: EntityManager, draft: IStandardVersion, expectedRevision: number, changes: DraftChanges): Promise<boolean> {
    const updated = await em.nativeUpdate(StandardVersion, { id: draft.id, revision: expectedRevision, status: 'draft' }, changes);
    if (updated !== 1) return false;
    await em.refresh(draft);
    return true;
  },

  /** The code of every stored document. */
  async codes(em: EntityManager): Promise<Set<string>> {
    return new Set((await em.find(StandardDocument, {}, { fields: ['code'] })).map((d) => d.code));
  },

  /** The kind of every stored document, by code. */
  async kinds(em: EntityManager): Promise<Map<string, string>> {
    return new Map((await em.find(StandardDocument, {}, { fields: ['code', 'kind'] })).map((d) => [d.code, d.kind]));
  },

  /** The published version of every baseline document that is not retired, by code (organisations' additions are pinned by their own editions). */
  async publishedHeads(em: EntityManager): Promise<{ code: string; version: number }[]> {
    // plain rows, not partial entities: an edition of ten thousand documents reads them all
    // (after writing what the unit of work holds, as a query through it would)
    await em.flush();
    const docs = await em.execute<{ code: string; published_version: number }[]>(
      'select code, published_version from standard_document where published_version is not null and not retired and organisation_id is null order by code');
    return docs.map((d) => ({ code: d.code, version: Number(d.published_version) }));
  },

  /** Every published version, by code. */
  publishedVersions(em: EntityManager): Promise<IStandardVersion[]> {
    return em.find(StandardVersion, { status: 'published' }, { orderBy: { code: 'asc' } });
  },

  /** A window of the documents matching the filter, in a keyset's order. */
  window(em: EntityManager, filter: DocumentFilter, keyset: KeysetOrder, window: PageWindow): Promise<IStandardDocument[]> {
    const { where, orderBy, limit } = ormWindow(keyset, window);
    return em.find(StandardDocument, withWindow(whereOf(filter), where), { orderBy, limit });
  },

  count(em: EntityManager, filter: DocumentFilter = {}): Promise<number> {
    return em.count(StandardDocument, whereOf(filter));
  },

  /**
   * Which of `codes` are stored touchpoints; null when the store holds no touchpoints at all (a
   * store whose reference data was never imported).
   */
  async knownTouchpoints(em: EntityManager, codes: string[]): Promise<Set<string> | null> {
    const [{ n }] = await em.execute<{ n: string }[]>('select count(*) as n from touchpoint');
    if (Number(n) === 0) return null;
    if (codes.length === 0) return new Set();
    const rows = await em.execute<{ code: string }[]>(`select code from touchpoint where code in (${codes.map(() => '?').join(', ')})`, codes);
    return new Set(rows.map((r) => r.code));
  },

  findDocument(em: EntityManager, code: string): Promise<IStandardDocument | null> {
    return em.findOne(StandardDocument, { code });
  },

  async getDocument(em: EntityManager, code: string): Promise<IStandardDocument> {
    const doc = await em.findOne(StandardDocument, { code });
    if (!doc) throw new NotFoundError(standardMessage('standard.not_found', { code }), code);
    return doc;
  },

  findVersion(em: EntityManager, code: string, version: number): Promise<IStandardVersion | null> {
    return em.findOne(StandardVersion, { code, version });
  },

  async getVersion(em: EntityManager, code: string, version: number): Promise<IStandardVersion> {
    const row = await em.findOne(StandardVersion, { code, version });
    if (!row) throw new NotFoundError(standardMessage('standard.version_not_found', { code, version }), `${code}@${version}`);
    return row;
  },

  /** The version being worked on (draft or in review), if any. */
  findOpenVersion(em: EntityManager, code: string): Promise<IStandardVersion | null> {
    return em.findOne(StandardVersion, { code, status: { $in: [...OPEN_STATUSES] } });
  },

  /** How many versions are being worked on (draft or in review), over all documents. */
  countOpenVersions(em: EntityManager): Promise<number> {
    return em.count(StandardVersion, { status: { $in: [...OPEN_STATUSES] } });
  },

  listVersions(em: EntityManager, code: string): Promise<IStandardVersion[]> {
    return em.find(StandardVersion, { code }, { orderBy: { version: 'asc' } });
  },

  /** Removes a version that was never published (the trigger refuses any other), in the caller's transaction. */
  async deleteOpenVersion(em: EntityManager, row: IStandardVersion): Promise<void> {
    em.remove(row);
    await em.flush();
  },

  /** Removes a document that has no versions left, in the caller's transaction. */
  async deleteDocument(em: EntityManager, doc: IStandardDocument): Promise<void> {
    em.remove(doc);
    await em.flush();
  },

  /** How many documents name `code` as their parent. */
  countChildren(em: EntityManager, code: string): Promise<number> {
    return em.count(StandardDocument, { parentCode: code });
  },

  /** Published documents (current versions) that refer to `code` with a `$ref`. */
  async findPublishedReferrers(em: EntityManager, code: string): Promise<string[]> {
    const rows = await em.execute<{ code: string }[]>(
      `select v.code from standard_version v join standard_document d on d.code = v.code and d.published_version = v.version
       where v.status = 'published' and v.code <> ? and v.schema_json like ?`,
      [code, `%"urn:pinzhi:std:${code}"%`],
    );
    return rows.map((r) => r.code);
  },

};
