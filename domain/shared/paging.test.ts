import fc from 'fast-check';
import { arrayPage, decodeCursor, encodeCursor, readPageArgs, type Keyset, type Page } from './paging.ts';
import { ValidationError } from './errors.ts';

interface Row {
  due: number | null;
  id: number;
}
const ROWS: Keyset<Row> = {
  list: 'rows',
  columns: [{ name: 'due', type: 'timestamp', direction: 'asc', nullable: true }, { name: 'id', type: 'int', direction: 'desc' }],
  keyOf: (r) => [r.due, r.id],
};

/** Follows a list to its end, forwards or backwards, `size` items a page. */
async function walk(load: (cursor: string | null) => Promise<Page<Row>>, backwards: boolean): Promise<Row[]> {
  const out: Row[] = [];
  let cursor: string | null = null;
  for (let n = 0; n < 10_000; n++) {
    const page = await load(cursor);
    if (backwards) out.unshift(...page.items);
    else out.push(...page.items);
    if (!(backwards ? page.hasPreviousPage : page.hasNextPage)) return out;
    cursor = (backwards ? page.cursors[0] : page.cursors.at(-1)) ?? null;
  }
  throw new Error('the walk does not end');
}

/** The issues of the ValidationError `fn` throws, as pointer and English text (codes are checked apart). */
const refusal = (fn: () => unknown) => {
  try {
    fn();
  } catch (error) {
    return error instanceof ValidationError ? error.issues.map(({ pointer, message }) => ({ pointer, message })) : error;
  }
  return null;
};

const codesOf = (fn: () => unknown): string[] => {
  try {
    fn();
  } catch (error) {
    if (error instanceof ValidationError) return [error.code, ...error.issues.map((i) => i.code)];
  }
  return [];
};

it('refuses with stable codes a client can act on', () => {
  expect(codesOf(() => readPageArgs({ first: 0 }))).toEqual(['page.out_of_range', 'page.size_out_of_range']);
  expect(codesOf(() => readPageArgs({ first: 5, last: 5 }))).toEqual(['page.out_of_range', 'page.directions_mixed']);
  expect(codesOf(() => decodeCursor(ROWS, 'bogus', 'after'))).toEqual(['page.not_a_cursor_of', 'page.cursor_rule']);
});

describe('keyset pages', () => {
  it('walk a list forwards and backwards, every item once in order, whatever the page size, ties and nulls', async () => {
    const rows = fc.uniqueArray(fc.record({ due: fc.option(fc.integer({ min: 0, max: 5 }), { nil: null }), id: fc.integer({ min: 1, max: 500 }) }), { selector: (r) => r.id, maxLength: 40 });
    await fc.assert(fc.asyncProperty(rows, fc.integer({ min: 1, max: 9 }), async (all, size) => {
      // the order: due ascending with nulls last, then id descending
      const expected = [...all].sort((a, b) => (a.due === b.due ? b.id - a.id : a.due === null ? 1 : b.due === null ? -1 : a.due - b.due));
      const forwards = await walk((after) => arrayPage(ROWS, { first: size, after }, all), false);
      const backwards = await walk((before) => arrayPage(ROWS, { last: size, before }, all), true);
      expect(forwards).toEqual(expected);
      expect(backwards).toEqual(expected);
    }), { numRuns: 300 });
  });

  it('tells the whole size and where more lie', async () => {
    const all = Array.from({ length: 5 }, (_, i) => ({ due: i, id: i + 1 }));
    const first = await arrayPage(ROWS, { first: 2 }, all);
    expect([first.hasPreviousPage, first.hasNextPage, await first.totalCount()]).toEqual([false, true, 5]);
    const last = await arrayPage(ROWS, { first: 2, after: encodeCursor(ROWS, [3, 4]) }, all);
    expect(last.items).toEqual([{ due: 4, id: 5 }]);
    expect([last.hasPreviousPage, last.hasNextPage]).toEqual([true, false]);
    expect(last.cursors).toEqual([encodeCursor(ROWS, [4, 5])]);
  });

  it('reads back only cursors of the same list, with values of the right types', () => {
    const cursor = encodeCursor(ROWS, [1_700_000_000_123, 42]);
    expect(cursor).toMatch(/^[A-Za-z0-9_-]+$/);
    expect(decodeCursor(ROWS, cursor, 'after')).toEqual([1_700_000_000_123, 42]);
    expect(decodeCursor(ROWS, encodeCursor(ROWS, [null, 7]), 'before')).toEqual([null, 7]);
    const other = { ...ROWS, list: 'others' };
    const encoded = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64url');
    for (const bad of [encodeCursor(other, [1, 2]), encoded(['rows', 1]), encoded(['rows', 1, 2, 3]), encoded(['rows', 1, 'x']), encoded(['rows', 1, 1.5]), encoded(['rows', 'soon', 2]), encoded({ rows: 1 }), 'not a cursor', '', 'A'.repeat(1025), '%%%']) {
      expect(refusal(() => decodeCursor(ROWS, bad, 'after'))).toEqual([{ pointer: '/after', message: expect.stringContaining('not a cursor of rows') }]);
    }
    expect(refusal(() => decodeCursor({ ...ROWS, columns: [{ name: 'id', type: 'int', direction: 'asc' }] }, encoded(['rows', null]), 'before'))).toEqual([{ pointer: '/before', message: expect.any(String) }]);
  });

  it('takes page sizes in range only, and one direction at a time', () => {
    expect(readPageArgs({})).toEqual({ size: 50, backwards: false, cursor: null });
    expect(readPageArgs({ last: 500, before: 'x' })).toEqual({ size: 500, backwards: true, cursor: 'x' });
    expect(readPageArgs({ first: 1000 }, { defaultSize: 200, maxSize: 1000 }).size).toBe(1000);
    expect(refusal(() => readPageArgs({ first: 0 }))).toEqual([{ pointer: '/first', message: 'must be between 1 and 500 (got 0)' }]);
    expect(refusal(() => readPageArgs({ first: 501 }))).toEqual([{ pointer: '/first', message: 'must be between 1 and 500 (got 501)' }]);
    expect(refusal(() => readPageArgs({ last: -1 }))).toEqual([{ pointer: '/last', message: 'must be between 1 and 500 (got -1)' }]);
    expect(refusal(() => readPageArgs({ first: 5, last: 5 }))).toEqual([{ pointer: '/first', message: expect.stringContaining('not both') }]);
    expect(refusal(() => readPageArgs({ after: 'x', before: 'y' }))).toEqual([{ pointer: '/after', message: expect.stringContaining('not both') }]);
  });
});
