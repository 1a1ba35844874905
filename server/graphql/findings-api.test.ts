import { strFromU8, unzipSync } from 'fflate';
import { serveHttp, startTestApp, type TestApp } from '../../test/harness.ts';
import { inspect, SITE_PHOTOS, uploadPhoto } from '../../test/browser/activity.ts';
import { seed } from '../bootstrap.ts';
import { deployShippedWorkflows } from '../../domain/findings/rectification.service.ts';
import { SYSTEM_ACTOR } from '../../domain/shared/access.ts';

let t: TestApp;
let manager: string;
let pm: string;
let http: Awaited<ReturnType<typeof serveHttp>>;
const ids: Record<string, number> = {};

const FIELDS = 'id projectId: project { id region } severity status module touchpoints foundOn dueAt overdue title';
const LIST = `query ($projectId: Int, $region: String, $module: String, $severity: String, $status: String, $overdue: Boolean, $touchpoint: String, $from: String, $to: String, $sort: String, $first: Int, $after: String) {
  findings(projectId: $projectId, region: $region, module: $module, severity: $severity, status: $status, overdue: $overdue, touchpoint: $touchpoint, from: $from, to: $to, sort: $sort, first: $first, after: $after) {
    __typename ... on FindingConnection { totalCount pageInfo { hasNextPage endCursor } nodes { ${FIELDS} } }
    ... on ValidationError { message issues { pointer message code } } ... on Error { message } } }`;

interface Row { id: number; projectId: { id: number; region: string }; severity: string; status: string; module: string; touchpoints: string[]; foundOn: string; dueAt: string | null; overdue: boolean; title: string }

async function list(vars: Record<string, unknown>): Promise<{ __typename: string; totalCount: number; nodes: Row[]; pageInfo: { hasNextPage: boolean; endCursor: string }; issues?: { pointer: string; code: string; message: string }[]; message?: string }> {
  const result = await t.gql(LIST, { first: 200, ...vars }, manager);
  expect(result.errors).toBeUndefined();
  return result.data.findings;
}

/** Every finding, straight from the database, to compare the list against. */
async function stored(): Promise<{ id: number; project_id: number; severity: string; status: string; module: string; touchpoints: string[] | string; region: string }[]> {
  return t.em().execute(`select f.id, f.project_id, f.severity, f.status, f.module, f.touchpoints, p.region from finding f join project p on p.id = f.project_id order by f.id`);
}
const tps = (v: string[] | string): string[] => (typeof v === 'string' ? (JSON.parse(v) as string[]) : v);

beforeAll(async () => {
  t = await startTestApp();
  await seed(t.app, () => {});
  await deployShippedWorkflows(t.em(), SYSTEM_ACTOR);
  manager = await t.login('manager');
  pm = await t.login('pm');
  const inspector = await t.login('inspector');
  const projects = await t.gql('{ projects(first: 100) { ... on ProjectConnection { nodes { id code } } } }', {}, manager);
  for (const p of projects.data.projects.nodes) ids[p.code] = p.id;
  const photos = await Promise.all(SITE_PHOTOS.map((bytes) => uploadPhoto(t, inspector, bytes)));
  // findings in two regions, of every severity; major and critical ones open rectifications
  await inspect(t, inspector, { projectId: ids.HD01, scope: 'M06.P02', fail: (i) => i.severity !== 'minor' || i.input === 'boolean', submissionId: 'f-1', photos });
  await inspect(t, inspector, { projectId: ids.HN02, scope: 'M02.P02', fail: (i) => i.severity === 'critical' || i.input === 'choice', submissionId: 'f-2', photos });
  http = await serveHttp(() => t.app, { maxBodyBytes: 1 << 20, responseCacheTtlMs: 0, collectWhenIdle: false });
}, 240_000);

afterAll(async () => {
  await http?.close();
  await t?.close();
});

describe('the findings list', () => {
  it('filters by project, region, severity, status, module and touchpoint exactly as stored', async () => {
    // given
    const all = await stored();
    expect(new Set(all.map((f) => f.region)).size).toBe(2);
    const severe = all.find((f) => f.severity !== 'minor')!;
    const touchpoint = tps(all[0].touchpoints)[0];
    // when / then
    const cases: [Record<string, unknown>, (f: (typeof all)[number]) => boolean][] = [
      [{ projectId: ids.HN02 }, (f) => f.project_id === ids.HN02],
      [{ region: '华东区域' }, (f) => f.region === '华东区域'],
      [{ severity: severe.severity }, (f) => f.severity === severe.severity],
      [{ status: 'rectifying' }, (f) => f.status === 'rectifying'],
      [{ module: 'M02' }, (f) => f.module === 'M02'],
      [{ touchpoint }, (f) => tps(f.touchpoints).includes(touchpoint)],
      [{ region: '华南区域', severity: 'critical' }, (f) => f.region === '华南区域' && f.severity === 'critical'],
    ];
    for (const [vars, expected] of cases) {
      const page = await list(vars);
      const want = all.filter(expected).map((f) => f.id).sort((a, b) => a - b);
      expect(want.length).toBeGreaterThan(0);
      expect([page.nodes.map((n) => n.id).sort((a, b) => a - b), page.totalCount]).toEqual([want, want.length]);
    }
    expect((await list({ region: '西北区域' })).totalCount).toBe(0);
  });

  it('lists as overdue only findings not closed whose current step is past due', async () => {
    // given: one rectification's open step is a day late
    const [late] = await t.em().execute<{ id: number; instance: number }[]>(
      `select f.id, w.id as instance from finding f join workflow_instance w on w.business_key = 'finding:' || f.id where f.status = 'rectifying' order by f.id limit 1`);
    expect((await list({ overdue: true })).totalCount).toBe(0);
    await t.em().execute(`update workflow_task set due_at = now() - interval '1 day' where instance_id = ? and status = 'open'`, [late.instance]);
    // when
    const page = await list({ overdue: true });
    // then
    expect(page.nodes.map((n) => [n.id, n.overdue])).toEqual([[late.id, true]]);
    expect((await list({ overdue: true, region: page.nodes[0].projectId.region === '华东区域' ? '华南区域' : '华东区域' })).totalCount).toBe(0);
  });

  it('gives each finding the same due time whether its page looks it up or the order by due time joins it', async () => {
    // given: the earliest open step deadline of each finding's rectification, else its own, as stored
    const raw = await t.em().execute<{ id: number; due_at: Date | string | null }[]>(
      `select f.id, coalesce((select min(t.due_at) from workflow_task t join workflow_instance w on w.id = t.instance_id
         where w.business_key = 'finding:' || f.id and t.status = 'open'), f.rectify_due_at) as due_at from finding f order by f.id`);
    const want = raw.map((r) => [Number(r.id), r.due_at === null ? null : new Date(r.due_at).toISOString()]);
    // when
    const newest = (await list({})).nodes;
    const byDue = (await list({ sort: 'due' })).nodes;
    // then
    const dues = (rows: Row[]) => rows.map((n) => [n.id, n.dueAt]).sort((a, b) => Number(a[0]) - Number(b[0]));
    expect(want.filter(([, due]) => due !== null).length).toBeGreaterThan(0);
    expect(dues(newest)).toEqual(want);
    expect(dues(byDue)).toEqual(want);
  });

  it('sorts by newest, oldest, due soonest and severity, and pages each order without gaps or repeats', async () => {
    const rank = { critical: 0, major: 1, minor: 2 } as Record<string, number>;
    const newest = (await list({})).nodes;
    const oldest = (await list({ sort: 'oldest' })).nodes;
    expect(newest.length).toBeGreaterThan(4);
    expect(oldest.map((n) => n.id)).toEqual([...newest].reverse().map((n) => n.id));
    const bySeverity = (await list({ sort: 'severity' })).nodes;
    expect(bySeverity.map((n) => rank[n.severity])).toEqual([...bySeverity.map((n) => rank[n.severity])].sort());
    const byDue = (await list({ sort: 'due' })).nodes;
    const dues = byDue.filter((n) => n.dueAt).map((n) => Date.parse(n.dueAt!));
    expect(dues).toEqual([...dues].sort((a, b) => a - b));
    // those without a due time come last
    expect(byDue.slice(dues.length).every((n) => !n.dueAt)).toBe(true);
    for (const sort of ['newest', 'oldest', 'due', 'severity']) {
      const whole = (await list({ sort })).nodes.map((n) => n.id);
      const paged: number[] = [];
      let after: string | null = null;
      do {
        const page = await list({ sort, first: 3, after });
        paged.push(...page.nodes.map((n) => n.id));
        after = page.pageInfo.hasNextPage ? page.pageInfo.endCursor : null;
      } while (after);
      expect(paged).toEqual(whole);
    }
  });

  it('filters by the day found, inclusive', async () => {
    const day = (await list({})).nodes[0].foundOn;
    expect((await list({ from: day, to: day })).totalCount).toBe((await list({})).totalCount);
    expect((await list({ to: '2000-01-01' })).totalCount).toBe(0);
  });

  it('refuses an unknown severity, status or order, a bad module or date, a reversed period — each named', async () => {
    const bad = await list({ severity: 'huge', status: 'gone', sort: 'random', module: 'X1', from: '2026-02-30', touchpoint: 'a b' });
    expect(bad.__typename).toBe('ValidationError');
    expect(bad.issues!.map((i) => i.pointer).sort()).toEqual(['/from', '/module', '/severity', '/sort', '/status', '/touchpoint']);
    expect(bad.issues!.find((i) => i.pointer === '/severity')!.message).toBe('"huge" is not one of critical, major, minor');
    const reversed = await list({ from: '2026-03-02', to: '2026-03-01' });
    expect([reversed.__typename, reversed.issues!.map((i) => i.pointer)]).toEqual(['ValidationError', ['/to']]);
    const zh = (await t.gql(LIST, { severity: 'huge' }, manager, 'zh-CN')).data.findings;
    expect(zh.message).toBe('不合格项筛选条件无效：severity');
  });
});

describe('one finding', () => {
  const ONE = `query ($id: Int!) { finding(id: $id) { __typename ... on Finding { id title code version documentTitle place { name } photos inspectionId
    rectification { id status states tasks { elementId status } history { event } } }
    ... on NotFoundError { message } ... on Error { message } } }`;

  it('reads its pinned document, place, photos and rectification', async () => {
    const [row] = await t.em().execute<{ id: number; code: string; version: number }[]>(`select id, code, version from finding where status = 'rectifying' order by id limit 1`);
    const f = (await t.gql(ONE, { id: row.id }, manager)).data.finding;
    const [doc] = await t.em().execute<{ title: string }[]>('select title from standard_version where code = ? and version = ?', [row.code, row.version]);
    expect(f.__typename).toBe('Finding');
    expect([f.code, f.version, f.documentTitle]).toEqual([row.code, row.version, doc.title]);
    expect(f.photos.length).toBeGreaterThan(0);
    expect(f.rectification.status).toBe('running');
    expect(f.rectification.tasks.some((x: { status: string }) => x.status === 'open')).toBe(true);
  });

  it('says when there is no such finding', async () => {
    const f = (await t.gql(ONE, { id: 999999 }, manager)).data.finding;
    expect([f.__typename, f.message]).toEqual(['NotFoundError', 'No finding 999999']);
  });
});

describe('the inbox', () => {
  const TASKS = `query ($projectId: Int, $severity: String, $step: String, $sort: String, $overdue: Boolean) {
    tasks(projectId: $projectId, severity: $severity, step: $step, sort: $sort, overdue: $overdue, first: 200) {
      __typename ... on WorkflowTaskConnection { totalCount nodes { id elementId dueAt finding { id title severity project { id name } } } }
      ... on ValidationError { issues { pointer message } } ... on Error { message } } }`;
  const tasks = async (vars: Record<string, unknown>) => (await t.gql(TASKS, vars, pm)).data.tasks;

  it('carries each task\'s finding and narrows to a project, a severity and a step', async () => {
    const all = await tasks({});
    expect(all.totalCount).toBeGreaterThan(1);
    expect(all.nodes.every((x: { finding: { title: string } | null }) => x.finding?.title)).toBe(true);
    const ofProject = await tasks({ projectId: ids.HN02 });
    expect(ofProject.totalCount).toBeGreaterThan(0);
    expect(ofProject.totalCount).toBeLessThan(all.totalCount);
    expect(ofProject.nodes.every((x: { finding: { project: { id: number } } }) => x.finding.project.id === ids.HN02)).toBe(true);
    const critical = await tasks({ severity: 'critical' });
    expect(critical.nodes.every((x: { finding: { severity: string } }) => x.finding.severity === 'critical')).toBe(true);
    const step = all.nodes[0].elementId;
    expect((await tasks({ step })).totalCount).toBe(all.nodes.filter((x: { elementId: string }) => x.elementId === step).length);
    expect((await tasks({ step: 'no-such-step' })).totalCount).toBe(0);
  });

  it('sorts by the newest or the soonest due, and refuses an unknown severity or order', async () => {
    const newest = (await tasks({ sort: 'newest' })).nodes.map((x: { id: number }) => x.id);
    expect(newest).toEqual([...newest].sort((a, b) => b - a));
    const due = (await tasks({ sort: 'due' })).nodes.map((x: { dueAt: string | null }) => (x.dueAt ? Date.parse(x.dueAt) : Infinity));
    expect(due).toEqual([...due].sort((a, b) => a - b));
    const bad = await tasks({ severity: 'huge', sort: 'random' });
    expect([bad.__typename, bad.issues.map((i: { pointer: string }) => i.pointer)]).toEqual(['ValidationError', ['/severity', '/sort']]);
  });
});

describe('the findings workbook', () => {
  const sheetOf = async (query: string, token: string | null = manager) => {
    const response = await fetch(`${http.base}/findings.xlsx${query}`, token ? { headers: { authorization: `Bearer ${token}` } } : {});
    return response;
  };
  const rowsOf = async (response: Response) => {
    const files = unzipSync(new Uint8Array(await response.arrayBuffer()));
    const xml = strFromU8(files['xl/worksheets/sheet1.xml']);
    // cells by column letter (an empty cell is left out of the row)
    return [...xml.matchAll(/<row r="(\d+)">(.*?)<\/row>/g)].map((m) => {
      const row: string[] = [];
      for (const c of m[2].matchAll(/<c r="([A-Z])\d+"[^>]*>(?:<v>([^<]*)<\/v>|<is><t[^>]*>([^<]*)<\/t><\/is>)<\/c>/g)) row[c[1].charCodeAt(0) - 65] = c[2] ?? c[3];
      return row;
    });
  };

  it('holds the filtered list in the page\'s order, one row per finding, in Chinese', async () => {
    // given
    const expected = await list({ region: '华南区域', sort: 'severity' });
    // when
    const response = await sheetOf('?region=%E5%8D%8E%E5%8D%97%E5%8C%BA%E5%9F%9F&sort=severity');
    // then
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toContain('spreadsheetml');
    const rows = await rowsOf(response);
    expect(rows[0][0]).toBe('不合格项清单');
    expect(rows[1][0]).toContain('区域：华南区域');
    const header = rows.findIndex((r) => r[0] === '编号');
    expect(rows[header].slice(0, 4)).toEqual(['编号', '发现日期', '项目', '区域']);
    const body = rows.slice(header + 1);
    expect(body.map((r) => Number(r[0]))).toEqual(expected.nodes.map((n) => n.id));
    expect(new Set(body.map((r) => r[3]))).toEqual(new Set(['华南区域']));
    expect(body.every((r) => ['严重', '主要', '轻微'].includes(r[8]))).toBe(true);
  });

  it('refuses a bad filter with 400 naming it, and a caller without a token with 401', async () => {
    const bad = await sheetOf('?severity=huge&from=yesterday');
    expect(bad.status).toBe(400);
    const body = await bad.json();
    expect(body.errors[0].extensions.issues.map((i: { pointer: string }) => i.pointer)).toEqual(['/severity', '/from']);
    expect((await sheetOf('', null)).status).toBe(401);
  });
});
