import type { JsonObject } from '../shared/json.ts';
import type { IStandardVersion } from './standard-version.entity.ts';

/** A version as the API shows it; the schema parsed once and cached (published rows never change). */
export interface StandardVersionView {
  code: string;
  version: number;
  status: string;
  title: string;
  schema: JsonObject;
  contentHash: string;
  revision: number;
  author: string;
  note: string | null;
  createdAt: Date;
  updatedAt: Date;
  submittedBy: string | null;
  submittedAt: Date | null;
  publishedBy: string | null;
  publishedAt: Date | null;
  statusChangedBy: string | null;
  statusChangedAt: Date | null;
  statusNote: string | null;
  editedBy: string | null;
  submitNote: string | null;
  returnedBy: string | null;
  returnedAt: Date | null;
  returnNote: string | null;
  publishNote: string | null;
}

/** Cache of parsed schemas by content hash (the same bytes always parse to the same document). */
const parsedSchemas = new Map<string, JsonObject>();
const MAX_CACHED = 5000;

/** A published schema already parsed, by content hash, if it is in memory. */
export function cachedSchema(contentHash: string): JsonObject | undefined {
  return parsedSchemas.get(contentHash);
}

/** Parses a stored schema, memoised by content hash (identical content parses once). */
export function parseSchema(row: Pick<IStandardVersion, 'contentHash' | 'schemaJson' | 'status'>): JsonObject {
  if (row.status === 'draft') return JSON.parse(row.schemaJson) as JsonObject;
  let schema = parsedSchemas.get(row.contentHash);
  if (!schema) {
    schema = JSON.parse(row.schemaJson) as JsonObject;
    if (parsedSchemas.size >= MAX_CACHED) parsedSchemas.delete(parsedSchemas.keys().next().value!);
    parsedSchemas.set(row.contentHash, schema);
  }
  return schema;
}

export function toVersionView(row: IStandardVersion): StandardVersionView {
  return {
    code: row.code,
    version: row.version,
    status: row.status,
    title: row.title,
    get schema() {
      return parseSchema(row);
    },
    contentHash: row.contentHash,
    revision: row.revision,
    author: row.author,
    note: row.note ?? null,
    createdAt: row.createdAt,
    updatedAt: row.updatedAt,
    submittedBy: row.submittedBy ?? null,
    submittedAt: row.submittedAt ?? null,
    publishedBy: row.publishedBy ?? null,
    publishedAt: row.publishedAt ?? null,
    statusChangedBy: row.statusChangedBy ?? null,
    statusChangedAt: row.statusChangedAt ?? null,
    statusNote: row.statusNote ?? null,
    editedBy: row.editedBy ?? null,
    submitNote: row.submitNote ?? null,
    returnedBy: row.returnedBy ?? null,
    returnedAt: row.returnedAt ?? null,
    returnNote: row.returnNote ?? null,
    publishNote: row.publishNote ?? null,
  };
}
