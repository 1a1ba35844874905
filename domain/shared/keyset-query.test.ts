import { startTestApp, type TestApp } from '../../test/harness.ts';
import { sqlWindow } from './keyset-query.ts';
import { keysetPage, type Keyset, type Page } from './paging.ts';

interface Probe {
  id: number;
  due: Date | null;
  tag: string;
}

/** Due time ascending (nulls last, compared to the millisecond), then tag descending, then id. */
const PROBES: Keyset<Probe> = {
  list: 'probes',
  columns: [
    { name: `date_trunc('milliseconds', due)`, type: 'timestamp', direction: 'asc', nullable: true },
    { name: 'tag', type: 'text', direction: 'desc' },
    { name: 'id', type: 'int', direction: 'asc' },
  ],
  keyOf: (p) => [p.due ? new Date(p.due).getTime() : null, p.tag, p.id],
};

let t: TestApp;

beforeAll(async () => {
  t = await startTestApp({ demoUsers: false });
  await t.em().execute('create table paging_probe (id int primary key, due timestamptz null, tag text not null)');
  // ties on every column but id, nulls, and due times that differ below the millisecond
  const values: string[] = [];
  for (let id = 1; id <= 60; id++) {
    const due = id % 5 === 0 ? 'null' : `timestamptz '2026-11-20 08:00:00+08' + interval '${id % 3} milliseconds' + interval '${id % 4} microseconds'`;
    values.push(`(${id}, ${due}, '${['甲', 'b', 'B'][id % 3]}')`);
  }
  await t.em().execute(`insert into paging_probe (id, due, tag) values ${values.join(', ')}`);
});
afterAll(() => t.close());

function load(first: { size: number; backwards: boolean }) {
  return (cursor: string | null): Promise<Page<Probe>> => keysetPage(PROBES, first.backwards ? { last: first.size, before: cursor } : { first: first.size, after: cursor }, (window) => {
    const w = sqlWindow(PROBES, window);
    return t.em().execute<Probe[]>(`select * from paging_probe where ${w.condition} order by ${w.orderBy} limit ?`, [...w.params, w.limit]);
  }, async () => 60);
}

async function walk(size: number, backwards: boolean): Promise<number[]> {
  const ids: number[] = [];
  let cursor: string | null = null;
  for (let n = 0; n < 100; n++) {
    const page = await load({ size, backwards })(cursor);
    if (backwards) ids.unshift(...page.items.map((p) => p.id));
    else ids.push(...page.items.map((p) => p.id));
    if (!(backwards ? page.hasPreviousPage : page.hasNextPage)) return ids;
    cursor = (backwards ? page.cursors[0] : page.cursors.at(-1)) ?? null;
  }
  throw new Error('the walk does not end');
}

describe('keyset windows in SQL', () => {
  it('walk a table forwards and backwards in the database\'s own order, every row once', async () => {
    const expected = (await t.em().execute<{ id: number }[]>(`select id from paging_probe order by date_trunc('milliseconds', due) asc, tag desc, id asc`)).map((r) => r.id);
    expect(expected).toHaveLength(60);
    for (const size of [1, 4, 7, 60]) {
      expect(await walk(size, false)).toEqual(expected);
      expect(await walk(size, true)).toEqual(expected);
    }
  });

  it('asks nothing of the table without a cursor, and nothing after the last null', () => {
    expect(sqlWindow(PROBES, { after: null, backwards: false, limit: 3 })).toEqual({ condition: 'true', params: [], orderBy: `date_trunc('milliseconds', due) asc, tag desc, id asc`, limit: 3 });
    const onlyNulls = sqlWindow({ list: 'x', columns: [PROBES.columns[0]] }, { after: [null], backwards: false, limit: 3 });
    expect(onlyNulls.condition).toBe('false');
  });
});
