import type { KeyColumn, KeysetOrder, KeyValue, PageWindow } from './paging.ts';

/**
 * The conditions and order of a keyset window, for the two ways the services query: MikroORM's
 * `em.find` (columns named by property) and SQL text (columns named by column). Rows strictly
 * after a key are those that tie on the first columns and lie beyond it on the next one; a null
 * sorts after every value, as PostgreSQL orders `asc` (and before every value `desc`).
 */

type Step = { column: KeyColumn; direction: 'asc' | 'desc'; value: KeyValue };

function steps(keyset: KeysetOrder, window: PageWindow): Step[] {
  return keyset.columns.map((column, i) => ({
    column,
    direction: window.backwards ? (column.direction === 'asc' ? 'desc' : 'asc') : column.direction,
    value: window.after?.[i] ?? null,
  }));
}

const param = (column: KeyColumn, value: KeyValue) => (column.type === 'timestamp' && typeof value === 'number' ? new Date(value) : value);

type Filter = Record<string, unknown>;

function ormEqual({ column, value }: Step): Filter {
  return { [column.name]: value === null ? null : param(column, value) };
}

/** The rows beyond a step's value, or null when nothing can lie beyond it (after a null, ascending). */
function ormBeyond({ column, direction, value }: Step): Filter | null {
  if (value === null) return direction === 'asc' ? null : { [column.name]: { $ne: null } };
  const beyond = { [column.name]: { [direction === 'asc' ? '$gt' : '$lt']: param(column, value) } };
  return direction === 'asc' && column.nullable ? { $or: [beyond, { [column.name]: null }] } : beyond;
}

/** `em.find` options for a window: the filter to add to the list's own (`$and`), the order and the limit. */
export function ormWindow(keyset: KeysetOrder, window: PageWindow): { where: Filter | null; orderBy: Record<string, 'asc' | 'desc'>; limit: number } {
  const all = steps(keyset, window);
  const orderBy = Object.fromEntries(all.map((s) => [s.column.name, s.direction]));
  if (!window.after) return { where: null, orderBy, limit: window.limit };
  const branches = all.flatMap((step, i) => {
    const beyond = ormBeyond(step);
    return beyond ? [{ $and: [...all.slice(0, i).map(ormEqual), beyond] }] : [];
  });
  // nothing lies after the last null of an ascending key: an empty `$in` matches no row
  return { where: branches.length > 0 ? { $or: branches } : { [all[0].column.name]: { $in: [] } }, orderBy, limit: window.limit };
}

/** A list's filter narrowed to a window. */
export function withWindow(where: Filter, window: Filter | null): Filter {
  return window ? { $and: [where, window] } : where;
}

function sqlBeyond({ column, direction, value }: Step, params: unknown[]): string | null {
  if (value === null) return direction === 'asc' ? null : `${column.name} is not null`;
  params.push(param(column, value));
  const beyond = `${column.name} ${direction === 'asc' ? '>' : '<'} ?`;
  return direction === 'asc' && column.nullable ? `(${beyond} or ${column.name} is null)` : beyond;
}

/** SQL for a window: a condition to `and` into the query (with its parameters), the `order by` list and the limit. */
export function sqlWindow(keyset: KeysetOrder, window: PageWindow): { condition: string; params: unknown[]; orderBy: string; limit: number } {
  const all = steps(keyset, window);
  const orderBy = all.map((s) => `${s.column.name} ${s.direction}`).join(', ');
  if (!window.after) return { condition: 'true', params: [], orderBy, limit: window.limit };
  const params: unknown[] = [];
  const branches: string[] = [];
  all.forEach((step, i) => {
    const local: unknown[] = [];
    const equal = all.slice(0, i).map((s) => {
      if (s.value === null) return `${s.column.name} is null`;
      local.push(param(s.column, s.value));
      return `${s.column.name} = ?`;
    });
    const beyond = sqlBeyond(step, local);
    if (beyond === null) return;
    branches.push(`(${[...equal, beyond].join(' and ')})`);
    params.push(...local);
  });
  return { condition: branches.length > 0 ? `(${branches.join(' or ')})` : 'false', params, orderBy, limit: window.limit };
}
