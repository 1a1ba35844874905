import type { SqlEntityManager as EntityManager } from '@mikro-orm/sql';
import { StandardDocument, type IStandardDocument } from './standard-document.entity.ts';
import { StandardVersion, type IStandardVersion } from './standard-version.entity.ts';
import { Edition, EditionEntry, type IEdition } from '../editions/edition.entity.ts';
import { NotFoundError } from '../shared/errors.ts';
import { editionMessage } from '../editions/edition.messages.ts';
import { standardMessage } from './standard.messages.ts';
import type { JsonObject } from '../shared/json.ts';
import { cachedSchema, parseSchema } from './standard.views.ts';

/** `row_to_json` arrives as an object (pg) or as text (some drivers). */
function parseRow(value: unknown): Record<string, unknown> {
  return typeof value === 'string' ? JSON.parse(value) : (value as Record<string, unknown>);
}

export const OPEN_STATUSES = ['draft', 'in_review'] as const;

/** Queries over documents, versions and editions. */
export const standardRepository = {
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

  /**
   * A document and the version an edition pins for it (the published version when `edition` is
   * null), in one round trip: the hot path of `standard(code)`.
   */
  async findWithPinnedVersion(em: EntityManager, code: string, edition: string | null): Promise<{ doc: IStandardDocument; pinned: IStandardVersion | null } | null> {
    const pin = edition ? '(select e.version from edition_entry e where e.edition_name = ? and e.code = d.code)' : 'd.published_version';
    const rows = await em.execute<Record<string, unknown>[]>(
      `select row_to_json(d) as doc, row_to_json(v) as version from standard_document d
       left join standard_version v on v.code = d.code and v.version = ${pin} where d.code = ?`,
      edition ? [edition, code] : [code],
    );
    if (rows.length === 0) return null;
    const [{ doc, version }] = rows;
    return {
      doc: em.map(StandardDocument, parseRow(doc)),
      pinned: version ? em.map(StandardVersion, parseRow(version)) : null,
    };
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

  listVersions(em: EntityManager, code: string): Promise<IStandardVersion[]> {
    return em.find(StandardVersion, { code }, { orderBy: { version: 'asc' } });
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

  async newestEdition(em: EntityManager): Promise<IEdition | null> {
    const [newest] = await em.find(Edition, {}, { orderBy: { seq: 'desc' }, limit: 1 });
    return newest ?? null;
  },

  findEdition(em: EntityManager, name: string): Promise<IEdition | null> {
    return em.findOne(Edition, { name });
  },

  async getEdition(em: EntityManager, name: string): Promise<IEdition> {
    const edition = await em.findOne(Edition, { name });
    if (!edition) throw new NotFoundError(editionMessage('edition.not_found', { name }), name);
    return edition;
  },

  listEditions(em: EntityManager): Promise<IEdition[]> {
    return em.find(Edition, {}, { orderBy: { seq: 'desc' } });
  },

  async editionVersion(em: EntityManager, editionName: string, code: string): Promise<number | null> {
    const entry = await em.findOne(EditionEntry, { editionName, code });
    return entry?.version ?? null;
  },

  /**
   * The published schemas an edition pins, of one kind, by code: one light query, and the schema
   * text only for versions whose parsed schema is not already in memory.
   */
  async editionSchemas(em: EntityManager, editionName: string, kind: string): Promise<{ code: string; version: number; title: string; schema: JsonObject }[]> {
    const heads = await em.execute<{ code: string; version: number; title: string; content_hash: string }[]>(
      `select v.code, v.version, v.title, v.content_hash from edition_entry e join standard_version v on v.code = e.code and v.version = e.version
       join standard_document d on d.code = v.code where e.edition_name = ? and d.kind = ? order by v.code`, [editionName, kind]);
    const missing = heads.filter((h) => !cachedSchema(h.content_hash));
    const texts = new Map<string, string>();
    if (missing.length > 0) {
      const rows = await em.execute<{ code: string; schema_json: string }[]>(
        `select v.code, v.schema_json from edition_entry e join standard_version v on v.code = e.code and v.version = e.version where e.edition_name = ? and v.code in (${missing.map(() => '?').join(', ')})`,
        [editionName, ...missing.map((m) => m.code)]);
      for (const r of rows) texts.set(r.code, r.schema_json);
    }
    return heads.map((h) => ({
      code: h.code, version: h.version, title: h.title,
      schema: cachedSchema(h.content_hash) ?? parseSchema({ contentHash: h.content_hash, schemaJson: texts.get(h.code)!, status: 'published' }),
    }));
  },

  /** The versions an edition pins, optionally of one kind, by code — two queries whatever the size. */
  async editionVersions(em: EntityManager, editionName: string, kind?: string | null): Promise<IStandardVersion[]> {
    const rows = await em.execute<{ id: number }[]>(
      `select v.id from edition_entry e join standard_version v on v.code = e.code and v.version = e.version
       join standard_document d on d.code = v.code where e.edition_name = ? ${kind ? 'and d.kind = ?' : ''}`,
      kind ? [editionName, kind] : [editionName],
    );
    if (rows.length === 0) return [];
    return em.find(StandardVersion, { id: { $in: rows.map((r) => r.id) } }, { orderBy: { code: 'asc' } });
  },

  async editionEntries(em: EntityManager, editionName: string): Promise<Map<string, number>> {
    const rows = await em.find(EditionEntry, { editionName }, { orderBy: { code: 'asc' } });
    return new Map(rows.map((r) => [r.code, r.version]));
  },
};
