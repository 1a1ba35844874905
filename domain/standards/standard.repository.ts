import type { EntityManager } from '../shared/persistence.ts';
import { StandardDocument, type IStandardDocument } from './standard-document.entity.ts';
import { StandardVersion, type IStandardVersion } from './standard-version.entity.ts';
import { NotFoundError } from '../shared/errors.ts';
import { standardMessage } from './standard.messages.ts';

export const OPEN_STATUSES = ['draft', 'in_review'] as const;

/** Queries over documents and their versions. */
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

};
