import { coalescedReads, readImmutable, readInOneTrip, type EntityManager, type NewRow } from '../shared/persistence.ts';
import { NotFoundError } from '../shared/errors.ts';
import { editionMessage } from './edition.messages.ts';
import type { JsonObject } from '../shared/json.ts';
import type { Keyset, PageWindow } from '../shared/paging.ts';
import { ormWindow } from '../shared/keyset-query.ts';
import { StandardDocument, type IStandardDocument } from '../standards/standard-document.entity.ts';
import { StandardVersion, type IStandardVersion } from '../standards/standard-version.entity.ts';
import { cachedSchema, parseSchema } from '../standards/standard.views.ts';
import { Edition, EditionEntry, type IEdition } from './edition.entity.ts';
import { EditionVariant } from '../variants/variant.entity.ts';

/** The editions newest first, as their cursors read. */
export const EDITIONS: Keyset<IEdition> = { list: 'editions', columns: [{ name: 'seq', type: 'int', direction: 'desc' }], keyOf: (e) => [e.seq] };

/** How many entries of an edition one insert statement writes. */
export const EDITION_ENTRY_BATCH = 5000;

/** `row_to_json` arrives as an object (pg) or as text (some drivers). */
function parseRow(value: unknown): Record<string, unknown> {
  return typeof value === 'string' ? JSON.parse(value) : (value as Record<string, unknown>);
}

/** Editions and what they pin: the version of each standard, read one at a time or all at once. */
/**
 * The row versions `pinnedFingerprint` reads, for many documents in one statement when many
 * requests ask at once (`coalescedReads`): the document's `xmin` and its pinned version's (each key
 * looked up by index; a null hash when the document is not there).
 */
const fingerprintSql = (pin: string) => `select k.code, (select d.xmin::text || ':' || coalesce(v.version::text || ':' || v.xmin::text, '') from standard_document d
  left join standard_version v on v.code = d.code and v.version = ${pin} where d.code = k.code) as hash from jsonb_array_elements_text(?::jsonb) as k(code)`;
const fingerprintPublished = coalescedReads<{ code: string; hash: string }>('standard_hashes_published', fingerprintSql('d.published_version'), 'code');
const fingerprintInEdition = coalescedReads<{ code: string; hash: string }>('standard_hashes_in_edition', fingerprintSql('(select e.version from edition_entry e where e.edition_name = ? and e.code = d.code)'), 'code');

export const editionRepository = {
  /** Stores an edition with the version of each document and variant it pins (in the caller's transaction). */
  async insert(em: EntityManager, edition: NewRow<IEdition>, documents: { code: string; version: number }[], variants: { profile: string; version: number }[]): Promise<IEdition> {
    const row = em.create(Edition, edition);
    await em.flush(); // the edition row first: entries refer to it
    // entries as a few set-based statements (not one unit-of-work entity each): a library of ten thousand documents is two statements
    for (let i = 0; i < documents.length; i += EDITION_ENTRY_BATCH) {
      const chunk = documents.slice(i, i + EDITION_ENTRY_BATCH).map((d) => ({ code: d.code, version: d.version }));
      await em.execute(`insert into edition_entry (edition_name, code, version) select ?, e.code, e.version from jsonb_to_recordset(?::jsonb) as e(code text, version int)`, [row.name, JSON.stringify(chunk)]);
    }
    for (const v of variants) em.create(EditionVariant, { editionName: row.name, profile: v.profile, version: v.version });
    return row;
  },

  /**
   * A document and the version an edition pins for it (the published version when `edition` is
   * null), in one round trip: the hot path of `standard(code)`.
   */
  async findWithPinnedVersion(em: EntityManager, code: string, edition: string | null): Promise<{ doc: IStandardDocument; pinned: IStandardVersion | null } | null> {
    const pin = edition ? '(select e.version from edition_entry e where e.edition_name = ? and e.code = d.code)' : 'd.published_version';
    const rows = await readInOneTrip<Record<string, unknown>>(
      em,
      `select row_to_json(d) as doc, row_to_json(v) as version from standard_document d
       left join standard_version v on v.code = d.code and v.version = ${pin} where d.code = ?`,
      edition ? [edition, code] : [code],
      edition ? 'standard_in_edition' : 'standard_published',
    );
    if (rows.length === 0) return null;
    const [{ doc, version }] = rows;
    return {
      doc: em.map(StandardDocument, parseRow(doc)),
      pinned: version ? em.map(StandardVersion, parseRow(version)) : null,
    };
  },

  /**
   * What identifies the rows `findWithPinnedVersion` reads as they stand — the document's and its
   * pinned version's row versions (`xmin`, the transaction that wrote each: every update writes a
   * new one, as optimistic-concurrency tokens use it) — or null when the document is not there.
   */
  async pinnedFingerprint(em: EntityManager, code: string, edition: string | null): Promise<string | null> {
    const row = await (edition ? fingerprintInEdition(em, [edition], code) : fingerprintPublished(em, [], code));
    return row?.hash ?? null;
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

  /** One window of the editions, newest first. */
  listEditions(em: EntityManager, window: PageWindow): Promise<IEdition[]> {
    const { where, orderBy, limit } = ormWindow(EDITIONS, window);
    return em.find(Edition, where ?? {}, { orderBy, limit });
  },

  /** How many editions are stored (of the given names, when given). */
  countEditions(em: EntityManager, names?: string[]): Promise<number> {
    return em.count(Edition, names ? { name: { $in: names } } : {});
  },

  async editionVersion(em: EntityManager, editionName: string, code: string): Promise<number | null> {
    const entry = await em.findOne(EditionEntry, { editionName, code });
    return entry?.version ?? null;
  },

  /**
   * The published schemas an edition pins, of one kind, by code: one light query, and the schema
   * text only for versions whose parsed schema is not already in memory. Editions and published
   * versions never change, so both are read from a replica when there is one.
   */
  async editionSchemas(em: EntityManager, editionName: string, kind: string): Promise<{ code: string; version: number; title: string; schema: JsonObject }[]> {
    const heads = await readImmutable<{ code: string; version: number; title: string; content_hash: string }>(em,
      `select v.code, v.version, v.title, v.content_hash from edition_entry e join standard_version v on v.code = e.code and v.version = e.version
       join standard_document d on d.code = v.code where e.edition_name = ? and d.kind = ? order by v.code`, [editionName, kind]);
    const missing = heads.filter((h) => !cachedSchema(h.content_hash));
    const texts = new Map<string, string>();
    if (missing.length > 0) {
      const rows = await readImmutable<{ code: string; schema_json: string }>(em,
        `select v.code, v.schema_json from edition_entry e join standard_version v on v.code = e.code and v.version = e.version where e.edition_name = ? and v.code in (${missing.map(() => '?').join(', ')})`,
        [editionName, ...missing.map((m) => m.code)], (found) => found.length === missing.length);
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

  /**
   * The stored versions of the given (code, version) pairs, by `code@version`: one read of the
   * pairs' ids and one of the rows, however many documents two editions differ in.
   */
  async versionsAt(em: EntityManager, pairs: { code: string; version: number }[]): Promise<Map<string, IStandardVersion>> {
    if (pairs.length === 0) return new Map();
    const rows = await em.execute<{ id: number }[]>(
      `select v.id from jsonb_to_recordset(?::jsonb) as x(code text, version int) join standard_version v on v.code = x.code and v.version = x.version`,
      [JSON.stringify(pairs.map((p) => ({ code: p.code, version: p.version })))]);
    const found = rows.length === 0 ? [] : await em.find(StandardVersion, { id: { $in: rows.map((r) => Number(r.id)) } });
    return new Map(found.map((v) => [`${v.code}@${v.version}`, v]));
  },

  /** The version an edition pins of each document, by code (from a replica when there is one). */
  async editionEntries(em: EntityManager, editionName: string): Promise<Map<string, number>> {
    const rows = await readImmutable<{ code: string; version: number }>(em, 'select code, version from edition_entry where edition_name = ? order by code', [editionName]);
    return new Map(rows.map((r) => [r.code, Number(r.version)]));
  },
};
