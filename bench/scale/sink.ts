import pg from 'pg';
import type { EntityManager } from '../../domain/shared/persistence.ts';
import type { Row } from './generate.ts';

/** Where generated rows go: batched inserts into one table at a time, with each column cast to its type. */
export interface Sink {
  insert(table: string, rows: Row[]): Promise<void>;
  execute(sql: string): Promise<void>;
  close(): Promise<void>;
}

/** A value as PostgreSQL's text input for its column: dates in ISO form, JSON values serialised. */
function text(value: unknown): string | null {
  if (value === null || value === undefined) return null;
  if (value instanceof Date) return value.toISOString();
  if (typeof value === 'object') return JSON.stringify(value);
  return String(value);
}

type Columns = Map<string, string>;
const COLUMNS_SQL = `select attname as name, format_type(atttypid, atttypmod) as type from pg_attribute where attrelid = $1::regclass and attnum > 0 and not attisdropped order by attnum`;

/** The column types of each table, read once per table through `read` (the catalogue query's rows). */
function columnTypes(read: (sql: string) => Promise<{ name: string; type: string }[]>): (table: string) => Promise<Columns> {
  const known = new Map<string, Columns>();
  return async (table) => {
    if (!known.has(table)) known.set(table, new Map((await read(COLUMNS_SQL.replace('$1', `'"${table}"'`))).map((r) => [r.name, r.type])));
    return known.get(table)!;
  };
}

/** Checks that every column of the rows exists, and returns them in the rows' order. */
function columnsOf(table: string, types: Columns, rows: Row[]): string[] {
  const names = Object.keys(rows[0]);
  const unknown = names.filter((n) => !types.has(n));
  if (unknown.length > 0) throw new Error(`table ${table} has no column ${unknown.join(', ')}`);
  return names;
}

/**
 * PostgreSQL: one statement per batch, each column sent as one text array and unnested
 * (`insert … select … from unnest($1::text[], …)`), so a batch of 5,000 rows is one round trip
 * with as many parameters as columns.
 */
export async function postgresSink(url: string, batch = 5000): Promise<Sink> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  const types = columnTypes(async (sql) => (await client.query<{ name: string; type: string }>(sql)).rows);
  return {
    async insert(table, rows) {
      if (rows.length === 0) return;
      const t = await types(table);
      const names = columnsOf(table, t, rows);
      const sql = `insert into "${table}" (${names.map((n) => `"${n}"`).join(', ')}) select ${names.map((n, i) => `c${i}::${t.get(n)}`).join(', ')}
        from unnest(${names.map((_, i) => `$${i + 1}::text[]`).join(', ')}) as u(${names.map((_, i) => `c${i}`).join(', ')})`;
      for (let start = 0; start < rows.length; start += batch) {
        const part = rows.slice(start, start + batch);
        await client.query(sql, names.map((n) => part.map((r) => text(r[n]))));
      }
    },
    async execute(sql) {
      await client.query(sql);
    },
    close: () => client.end(),
  };
}

/** PGlite (one connection, through the application's ORM): multi-row VALUES, each batch under PostgreSQL's parameter limit. */
export function pgliteSink(em: () => EntityManager): Sink {
  const types = columnTypes((sql) => em().execute<{ name: string; type: string }[]>(sql));
  return {
    async insert(table, rows) {
      if (rows.length === 0) return;
      const t = await types(table);
      const names = columnsOf(table, t, rows);
      const per = Math.max(1, Math.floor(30_000 / names.length));
      const tuple = `(${names.map((n) => `?::${t.get(n)}`).join(', ')})`;
      for (let start = 0; start < rows.length; start += per) {
        const part = rows.slice(start, start + per);
        await em().execute(`insert into "${table}" (${names.map((n) => `"${n}"`).join(', ')}) values ${part.map(() => tuple).join(', ')}`, part.flatMap((r) => names.map((n) => text(r[n]))));
      }
    },
    async execute(sql) {
      await em().execute(sql);
    },
    close: async () => {},
  };
}
