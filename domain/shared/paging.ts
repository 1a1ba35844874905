import { issue, ValidationError, type Issue } from './errors.ts';
import { sharedMessage } from './shared.messages.ts';

/** Page sizes of list queries (the README documents them): a default and a maximum. */
export const PAGE_LIMITS = { defaultSize: 50, maxSize: 500 } as const;
export interface PageSizes {
  defaultSize: number;
  maxSize: number;
}

/** What a client asks of a list: forwards (`first` after `after`) or, where a list allows it, backwards (`last` before `before`). */
export interface PageArgs {
  first?: number | null;
  after?: string | null;
  last?: number | null;
  before?: string | null;
}

/** One page of a list: its items with their cursors, whether more lie on either side, and the size of the whole list. */
export interface Page<T> {
  items: T[];
  /** the opaque cursor of each item, in the same order */
  cursors: string[];
  hasNextPage: boolean;
  hasPreviousPage: boolean;
  /** counts the whole list (every page); only run when a client asks for it */
  totalCount: () => Promise<number>;
}

/** A value of a sort key; a timestamp travels as milliseconds since the epoch. */
export type KeyValue = string | number | null;

export interface KeyColumn {
  /** the property (ORM queries) or the column (SQL queries) */
  name: string;
  type: 'int' | 'text' | 'timestamp';
  direction: 'asc' | 'desc';
  /** may be null; nulls sort after every value, as PostgreSQL orders them */
  nullable?: boolean;
}

/**
 * The order of a list, from which its keyset cursors are made: sort columns whose last one is
 * unique, so every item has exactly one place and a page continues exactly after its last item.
 */
export interface Keyset<T> {
  /** names the list inside its cursors, so that a cursor of another list is refused */
  list: string;
  columns: readonly KeyColumn[];
  keyOf(item: T): KeyValue[];
}

/** What the cursors of a list depend on: its name and its order. */
export type KeysetOrder = Pick<Keyset<unknown>, 'list' | 'columns'>;

/** Which rows one fetch reads: those strictly after `after` in the list's order (reversed when going backwards), at most `limit`. */
export interface PageWindow {
  after: KeyValue[] | null;
  backwards: boolean;
  limit: number;
}

const MAX_CURSOR_LENGTH = 1024;

/** The opaque cursor of a position in a list: the list's name and the item's sort key, base64url-encoded. */
export function encodeCursor(keyset: KeysetOrder, key: KeyValue[]): string {
  return Buffer.from(JSON.stringify([keyset.list, ...key])).toString('base64url');
}

function fits(column: KeyColumn, value: unknown): value is KeyValue {
  if (value === null) return !!column.nullable;
  if (column.type === 'text') return typeof value === 'string';
  if (column.type === 'int') return Number.isSafeInteger(value);
  return typeof value === 'number' && Number.isFinite(value);
}

/** The sort key inside a cursor of this list; anything else is a `ValidationError` naming the argument. */
export function decodeCursor(keyset: KeysetOrder, cursor: string, argument: 'after' | 'before'): KeyValue[] {
  const refuse = (): never => {
    const shown = cursor.length > 40 ? `${cursor.slice(0, 40)}…` : cursor;
    throw new ValidationError(sharedMessage('page.not_a_cursor_of', { cursor: shown, list: keyset.list }), [issue(`/${argument}`, sharedMessage('page.cursor_rule', { list: keyset.list }))]);
  };
  if (cursor.length > MAX_CURSOR_LENGTH || !/^[A-Za-z0-9_-]+$/.test(cursor)) return refuse();
  let decoded: unknown;
  try {
    decoded = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
  } catch {
    return refuse();
  }
  if (!Array.isArray(decoded) || decoded.length !== keyset.columns.length + 1 || decoded[0] !== keyset.list) return refuse();
  const key = decoded.slice(1);
  if (!key.every((value, i) => fits(keyset.columns[i], value))) return refuse();
  return key as KeyValue[];
}

/**
 * Reads the page arguments of a list request. A size out of range is refused with the argument
 * named — never clamped, so a client learns the limits instead of silently getting less — and so
 * is mixing the two directions.
 */
export function readPageArgs(args: PageArgs, sizes: PageSizes = PAGE_LIMITS): { size: number; backwards: boolean; cursor: string | null } {
  const backwards = args.last != null || args.before != null;
  const issues: Issue[] = [];
  if (backwards && (args.first != null || args.after != null)) issues.push(issue(args.first != null ? '/first' : '/after', sharedMessage('page.directions_mixed')));
  const name = backwards ? 'last' : 'first';
  const size = (backwards ? args.last : args.first) ?? sizes.defaultSize;
  if (!Number.isInteger(size) || size < 1 || size > sizes.maxSize) issues.push(issue(`/${name}`, sharedMessage('page.size_out_of_range', { max: sizes.maxSize, value: size })));
  if (issues.length > 0) throw new ValidationError(sharedMessage('page.out_of_range'), issues);
  return { size, backwards, cursor: (backwards ? args.before : args.after) ?? null };
}

/**
 * One page of a keyset-ordered list. `fetch` reads the rows of a window (strictly after a key, in
 * the list's order or reversed, at most `limit`); one row more than asked tells whether more follow.
 * `count` counts the whole list, only when the client asks for the total.
 */
export async function keysetPage<T>(keyset: Keyset<T>, args: PageArgs, fetch: (window: PageWindow) => Promise<T[]>, count: () => Promise<number>, sizes: PageSizes = PAGE_LIMITS): Promise<Page<T>> {
  const { size, backwards, cursor } = readPageArgs(args, sizes);
  const after = cursor === null ? null : decodeCursor(keyset, cursor, backwards ? 'before' : 'after');
  const rows = await fetch({ after, backwards, limit: size + 1 });
  const more = rows.length > size;
  const items = rows.slice(0, size);
  if (backwards) items.reverse();
  let counted: Promise<number> | null = null;
  return {
    items,
    cursors: items.map((item) => encodeCursor(keyset, keyset.keyOf(item))),
    // a page that starts from a cursor has at least that cursor's item on its other side
    hasNextPage: backwards ? cursor !== null : more,
    hasPreviousPage: backwards ? more : cursor !== null,
    totalCount: () => (counted ??= count()),
  };
}

/** Compares two sort keys in the list's order (nulls after every value). */
export function compareKeys(columns: readonly KeyColumn[], a: KeyValue[], b: KeyValue[]): number {
  for (let i = 0; i < columns.length; i++) {
    const x = a[i];
    const y = b[i];
    if (x === y) continue;
    const order = x === null ? 1 : y === null ? -1 : x < y ? -1 : 1;
    return columns[i].direction === 'asc' ? order : -order;
  }
  return 0;
}

/** A page of a list computed in memory, put in the keyset's order, with the same kind of cursors as a database list. */
export function arrayPage<T>(keyset: Keyset<T>, args: PageArgs, all: T[], sizes: PageSizes = PAGE_LIMITS): Promise<Page<T>> {
  const sorted = [...all].sort((a, b) => compareKeys(keyset.columns, keyset.keyOf(a), keyset.keyOf(b)));
  return keysetPage(keyset, args, async ({ after, backwards, limit }) => {
    const ordered = backwards ? [...sorted].reverse() : sorted;
    const sign = backwards ? -1 : 1;
    const rest = after === null ? ordered : ordered.filter((item) => sign * compareKeys(keyset.columns, keyset.keyOf(item), after) > 0);
    return rest.slice(0, limit);
  }, async () => all.length, sizes);
}

/** The same page with its items converted (cursors stay with their items). */
export function mapPage<T, U>(page: Page<T>, convert: (item: T) => U): Page<U> {
  return { ...page, items: page.items.map(convert) };
}
