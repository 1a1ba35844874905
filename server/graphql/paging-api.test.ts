import { startTestApp, type TestApp } from '../../test/harness.ts';
import { seed } from '../bootstrap.ts';
import { SYSTEM_ACTOR } from '../../domain/shared/access.ts';
import { deployShippedWorkflows } from '../../domain/findings/rectification.service.ts';
import { seedDemoActivity } from '../seed/demo-activity.ts';
import { scheduleInspections } from '../../domain/inspections/schedule.service.ts';

/**
 * Every list of records is a relay connection paged by keyset cursors: walked a few items at a
 * time, it yields exactly the whole list (no item twice, none left out) in the list's order.
 */
let t: TestApp;
let admin: string;

interface Connection {
  __typename: string;
  totalCount: number;
  pageInfo: { hasNextPage: boolean; hasPreviousPage: boolean; startCursor: string | null; endCursor: string | null };
  edges: { cursor: string; node: Record<string, unknown> }[];
  nodes: Record<string, unknown>[];
}

/** A list field: how to call it (its filters), which connection it returns, what names one of its items. */
interface List {
  field: string;
  args: string;
  type: string;
  select: string;
  key: (node: Record<string, unknown>) => string;
}

const LISTS: List[] = [
  { field: 'standards', args: 'workingCopy: true', type: 'StandardConnection', select: 'code', key: (n) => String(n.code) },
  { field: 'editions', args: '', type: 'EditionConnection', select: 'name', key: (n) => String(n.name) },
  // the subject with the most events and the document version inspected most, chosen once the data is there
  { field: 'auditTrail', args: '', type: 'AuditEventConnection', select: 'id', key: (n) => String(n.id) },
  { field: 'touchpoints', args: '', type: 'TouchpointConnection', select: 'code', key: (n) => String(n.code) },
  { field: 'projects', args: '', type: 'ProjectConnection', select: 'id', key: (n) => String(n.id) },
  { field: 'schedules', args: '', type: 'ScheduleConnection', select: 'id', key: (n) => String(n.id) },
  { field: 'overdueInspections', args: 'asOf: "2099-12-31"', type: 'OverdueInspectionConnection', select: 'schedule { id }', key: (n) => String((n.schedule as { id: number }).id) },
  { field: 'inspections', args: '', type: 'InspectionConnection', select: 'id', key: (n) => String(n.id) },
  { field: 'findings', args: '', type: 'FindingConnection', select: 'id', key: (n) => String(n.id) },
  { field: 'inspectionsUnder', args: '', type: 'InspectionConnection', select: 'id', key: (n) => String(n.id) },
  { field: 'workflowInstances', args: '', type: 'WorkflowInstanceConnection', select: 'id', key: (n) => String(n.id) },
  { field: 'workflowDefinitions', args: '', type: 'WorkflowDefinitionConnection', select: 'key version', key: (n) => `${n.key}@${n.version}` },
  { field: 'tasks', args: '', type: 'WorkflowTaskConnection', select: 'id', key: (n) => String(n.id) },
  { field: 'people', args: '', type: 'PersonConnection', select: 'username', key: (n) => String(n.username) },
];

const query = (list: List, page: string) => `query (${page.includes('$last') ? '$last: Int, $before: String' : '$first: Int, $after: String'}) {
  list: ${list.field}(${list.args} ${page}) { __typename ... on Error { message } ... on ValidationError { issues { pointer message } }
    ... on ${list.type} { totalCount pageInfo { hasNextPage hasPreviousPage startCursor endCursor } edges { cursor node { ${list.select} } } nodes { ${list.select} } } } }`;

async function page(list: List, variables: Record<string, unknown>, pageArgs = 'first: $first, after: $after'): Promise<Connection> {
  const result = await t.gql(query(list, pageArgs), variables, admin);
  expect(result.errors).toBeUndefined();
  return result.data.list;
}

/** Walks a whole list `size` items at a time, checking each page's edges, nodes and pageInfo. */
async function walk(list: List, size: number): Promise<{ keys: string[]; pages: number; totalCount: number }> {
  const keys: string[] = [];
  let after: string | null = null;
  let pages = 0;
  let totalCount = -1;
  for (;;) {
    const conn = await page(list, { first: size, after });
    expect(conn.__typename).toBe(list.type);
    expect(conn.nodes).toEqual(conn.edges.map((e) => e.node));
    expect(conn.pageInfo.startCursor).toBe(conn.edges[0]?.cursor ?? null);
    expect(conn.pageInfo.endCursor).toBe(conn.edges.at(-1)?.cursor ?? null);
    expect(conn.pageInfo.hasPreviousPage).toBe(after !== null);
    expect(conn.edges.length).toBeLessThanOrEqual(size);
    if (conn.pageInfo.hasNextPage) expect(conn.edges.length).toBe(size);
    totalCount = conn.totalCount;
    keys.push(...conn.nodes.map(list.key));
    pages++;
    if (!conn.pageInfo.hasNextPage) break;
    after = conn.pageInfo.endCursor;
    expect(pages).toBeLessThan(1000);
  }
  return { keys, pages, totalCount };
}

beforeAll(async () => {
  t = await startTestApp({ demoUsers: false });
  await seed(t.app, () => {});
  await deployShippedWorkflows(t.em(), SYSTEM_ACTOR);
  await seedDemoActivity(t.app, () => {});
  admin = await t.login('admin');
  // a subject with more audit events than a page: a schedule saved ten times
  const ctx = t.app.context(SYSTEM_ACTOR);
  for (let i = 1; i <= 10; i++) await scheduleInspections(ctx, { projectId: 1, tier: 'monthly', inspector: 'inspector', startsOn: `2026-0${(i % 9) + 1}-01` });
  const [subject] = await t.em().execute<{ subject_key: string }[]>('select subject_key from audit_event group by 1 order by count(*) desc, 1 limit 1');
  LISTS.find((l) => l.field === 'auditTrail')!.args = `code: "${subject.subject_key}"`;
  const [checked] = await t.em().execute<{ code: string; version: number }[]>('select code, version from inspection_tally group by 1, 2 order by count(distinct inspection_id) desc, 1, 2 limit 1');
  LISTS.find((l) => l.field === 'inspectionsUnder')!.args = `code: "${checked.code}", version: ${checked.version}`;
}, 300_000);
afterAll(() => t.close());

describe('relay connections', () => {
  it.each(LISTS.map((l) => [l.field, l] as const))('%s: walked 7 at a time, gives the whole list once, in order, with its totalCount', async (_name, list) => {
    // given the whole list in one page
    const whole = await page(list, { first: 500 });
    expect(whole.pageInfo.hasNextPage).toBe(false);
    const all = whole.nodes.map(list.key);
    expect(all.length).toBe(whole.totalCount);
    expect(new Set(all).size).toBe(all.length);
    // when it is walked a few items at a time
    const walked = await walk(list, 7);
    // then every item comes once, in the same order, and each page counts the whole list
    expect(walked.keys).toEqual(all);
    expect(walked.totalCount).toBe(all.length);
    expect(walked.pages).toBe(Math.max(1, Math.ceil(all.length / 7)));
  });

  it('walks lists that have more than a page: the demo data is big enough to test anything', async () => {
    const sizes = Object.fromEntries(await Promise.all(LISTS.map(async (l) => [l.field, (await page(l, { first: 1 })).totalCount] as const)));
    const big = ['standards', 'touchpoints', 'projects', 'inspections', 'findings', 'workflowInstances', 'tasks', 'auditTrail'];
    expect(Object.fromEntries(big.map((f) => [f, sizes[f] > 7]))).toEqual(Object.fromEntries(big.map((f) => [f, true])));
    expect(Object.values(sizes).every((n) => n > 0)).toBe(true);
  });

  it('orders tasks by due time with the undated last, and pages across equal due times', async () => {
    // given three more tasks due at the very same instant as the soonest one, and one with no due time
    const [soonest] = await t.em().execute<{ id: number; due_at: Date }[]>(`select id, due_at from workflow_task where status = 'open' and due_at is not null order by due_at, id limit 1`);
    const others = await t.em().execute<{ id: number }[]>(`select id from workflow_task where status = 'open' and id <> ? order by id limit 4`, [soonest.id]);
    await t.em().execute(`update workflow_task set due_at = (select due_at from workflow_task where id = ?) + interval '1 microsecond' where id in (?, ?, ?)`, [soonest.id, others[0].id, others[1].id, others[2].id]);
    await t.em().execute(`update workflow_task set due_at = null where id = ?`, [others[3].id]);
    const tasks = LISTS.find((l) => l.field === 'tasks')!;
    const rows = await t.em().execute<{ id: number }[]>(`select id from workflow_task where status = 'open' order by date_trunc('milliseconds', due_at) nulls last, id`);
    // when walked 2 at a time, then one at a time
    const byTwo = await walk(tasks, 2);
    const byOne = await walk(tasks, 1);
    // then ties are broken by id and undated tasks come last, nothing twice, nothing left out
    expect(byTwo.keys).toEqual(rows.map((r) => String(r.id)));
    expect(byOne.keys).toEqual(byTwo.keys);
    expect(byTwo.keys.indexOf(String(others[3].id))).toBeGreaterThan(byTwo.keys.indexOf(String(others[0].id)));
  });

  it('pages standards backwards with last and before, the same items in the same order', async () => {
    const standards = LISTS[0];
    const forwards = (await walk(standards, 50)).keys;
    const backwards: string[] = [];
    let before: string | null = null;
    for (;;) {
      const conn = await page(standards, { last: 50, before }, 'last: $last, before: $before');
      backwards.unshift(...conn.nodes.map(standards.key));
      expect(conn.pageInfo.hasNextPage).toBe(before !== null);
      if (!conn.pageInfo.hasPreviousPage) break;
      before = conn.pageInfo.startCursor;
    }
    expect(backwards).toEqual(forwards);
  });

  it('returns a page of 50 unless asked otherwise, and refuses sizes out of range with the argument named', async () => {
    const findings = LISTS.find((l) => l.field === 'findings')!;
    expect((await page(findings, {})).nodes).toHaveLength(50);
    for (const [first, pointer] of [[0, '/first'], [501, '/first'], [-1, '/first']] as const) {
      const refused = await page(findings, { first });
      expect(refused).toEqual({ __typename: 'ValidationError', message: 'The page asked for is out of range', issues: [{ pointer, message: expect.stringContaining('between 1 and 500') }] });
    }
    // the audit trail is read in larger pages
    const trail = async (first: number) => (await t.gql('query ($first: Int) { auditTrail(code: "M03", first: $first) { __typename ... on AuditEventConnection { nodes { id } } } }', { first }, admin)).data.auditTrail.__typename;
    expect(await trail(1000)).toBe('AuditEventConnection');
    expect(await trail(1001)).toBe('ValidationError');
  });

  it.each(LISTS.map((l) => [l.field, l] as const))('%s: refuses a cursor it did not hand out with a typed ValidationError', async (_name, list) => {
    const other = LISTS.find((l) => l.field !== list.field && l.type !== list.type && l.field !== 'standards')!;
    const foreign = (await page(other, { first: 1 })).pageInfo.endCursor;
    const own = (await page(list, { first: 1 })).pageInfo.endCursor!;
    const tampered = Buffer.from(JSON.stringify([...JSON.parse(Buffer.from(own, 'base64url').toString()), 'extra'])).toString('base64url');
    for (const after of ['not a cursor', 'eyJ4IjoxfQ', foreign, tampered, 'A'.repeat(2000)]) {
      const refused = await page(list, { first: 5, after });
      expect(refused).toMatchObject({ __typename: 'ValidationError', issues: [{ pointer: '/after', message: expect.stringContaining('not a cursor of') }] });
    }
  });

  it('counts a page by its size for the request limits', async () => {
    const costly = await t.gql('{ inspections(first: 500) { ... on InspectionConnection { nodes { findings { id title expectedZh actual photos touchpoints } } } } }', {}, admin);
    expect(costly.errors).toEqual([expect.objectContaining({ extensions: expect.objectContaining({ code: 'QUERY_LIMIT_EXCEEDED', limit: 'cost' }) })]);
    const cheap = await t.gql('{ inspections(first: 20) { ... on InspectionConnection { nodes { findings { id title expectedZh actual photos touchpoints } } } } }', {}, admin);
    expect(cheap.errors).toBeUndefined();
  });
});
