import { serveHttp, startTestApp, type TestApp } from '../../test/harness.ts';
import { readWorkbook } from '../../test/xlsx-read.ts';
import { inspect, SITE_PHOTOS, uploadPhoto } from '../../test/browser/activity.ts';
import { todayInChina } from '../../domain/checklists/checklist.service.ts';
import { seed } from '../bootstrap.ts';

const daysAgo = (n: number) => todayInChina(new Date(Date.now() - n * 86_400_000));
const INSPECTED_ON = todayInChina();
const FROM = daysAgo(10);
const TO = INSPECTED_ON;

let t: TestApp;
let inspector: string;
let manager: string;
let http: Awaited<ReturnType<typeof serveHttp>>;
const projects: Record<string, number> = {};
let small: { itemCount: number; failedModule: string; failedTouchpoints: string[] };
let large: { itemCount: number };

/** Inspects `scope` of project `code` today, failing the items `fail` picks; returns its size and the finding's module and touchpoints. */
async function inspectProject(code: string, scope: string, fail: (item: { key: string }) => boolean, photos: string[]) {
  const { inspectionId } = await inspect(t, inspector, { projectId: projects[code], scope, fail, submissionId: `dash-${code}`, photos });
  const found = (await t.gql(`{ inspection(id: ${inspectionId}) { ... on Inspection { applicable findings { module touchpoints } } } }`, {}, inspector)).data.inspection;
  return { itemCount: found.applicable as number, failedModule: (found.findings[0]?.module ?? '') as string, failedTouchpoints: (found.findings[0]?.touchpoints ?? []) as string[] };
}

/** GETs a report workbook (or its refusal) with the manager's token. */
async function report(path: string, token: string | null = manager) {
  return fetch(`${http.base}${path}`, { headers: { ...(token ? { authorization: `Bearer ${token}` } : {}), 'accept-language': 'zh-CN' } });
}

beforeAll(async () => {
  t = await startTestApp({ demoUsers: false });
  await seed(t.app, () => {});
  inspector = await t.login('inspector');
  manager = await t.login('manager');
  const result = await t.gql('{ projects { ... on ProjectConnection { nodes { id code } } } }', {}, manager);
  for (const p of result.data.projects.nodes) projects[p.code] = p.id;
  // the demo inspector holds the role on the projects of their schedules; HD02 is inspected here too
  const granted = await t.gql('mutation ($p: Int!) { grantRole(username: "inspector", role: "inspector", projectId: $p) { __typename } }', { p: projects.HD02 }, await t.login('admin'));
  expect(granted.data.grantRole.__typename).not.toMatch(/Error/);
  const photos = await Promise.all(SITE_PHOTOS.map((bytes) => uploadPhoto(t, inspector, bytes)));
  // given a small inspection with one failure in HD01 and a large passing one in HD02
  small = await inspectProject('HD01', 'M03.P01.W002', (i) => i.key === 'cleaningsPerDay', photos);
  large = await inspectProject('HD02', 'M06.P02', () => false, photos);
  http = await serveHttp(() => t.app, { maxBodyBytes: 1024 * 1024, responseCacheTtlMs: 0 });
}, 300_000); // the library imported and two inspections judged, beside other test files on two shared cores
afterAll(async () => {
  await http.close();
  await t.close();
});

describe('sample sizes and never-inspected projects', () => {
  it('gives every rate its sample and marks a rate over fewer than 10 items', async () => {
    expect(small.itemCount).toBeLessThan(10);
    expect(large.itemCount).toBeGreaterThanOrEqual(10);
    const { data } = await t.gql('query ($from: String, $to: String) { executionRates(groupBy: project, from: $from, to: $to) { key inspections applicable passed rate smallSample } }', { from: FROM, to: TO }, manager);
    expect(data.executionRates).toEqual([
      { key: 'HD01', inspections: 1, applicable: small.itemCount, passed: small.itemCount - 1, rate: Math.round(((small.itemCount - 1) / small.itemCount) * 10000) / 10000, smallSample: true },
      { key: 'HD02', inspections: 1, applicable: large.itemCount, passed: large.itemCount, rate: 1, smallSample: false },
    ]);
  });

  it('gives the heat map a row per project, with the projects nobody inspected flagged, not missing', async () => {
    const rows = (await t.gql('query ($from: String, $to: String) { heatMapRows(from: $from, to: $to) { projectId code inspections applicable passed rate smallSample inspected findings touchpoints { touchpoint count } } }', { from: FROM, to: TO }, manager)).data.heatMapRows;
    expect(rows).toHaveLength(Object.keys(projects).length);
    const hd01 = rows.find((r: { code: string }) => r.code === 'HD01');
    expect(hd01).toMatchObject({ projectId: projects.HD01, inspections: 1, applicable: small.itemCount, inspected: true, smallSample: true, findings: 1 });
    expect(hd01.touchpoints).toEqual(small.failedTouchpoints.map((touchpoint) => ({ touchpoint, count: 1 })));
    expect(rows.find((r: { code: string }) => r.code === 'HD02')).toMatchObject({ inspected: true, smallSample: false, findings: 0, touchpoints: [] });
    expect(rows.find((r: { code: string }) => r.code === 'HB05')).toEqual(expect.objectContaining({ inspections: 0, applicable: 0, rate: null, inspected: false, smallSample: false, touchpoints: [] }));
    // the module filter narrows both the sample and the findings
    const other = (await t.gql('query ($m: String) { heatMapRows(module: $m) { code inspections findings } }', { m: small.failedModule === 'M01' ? 'M02' : 'M01' }, manager)).data.heatMapRows;
    expect(other.find((r: { code: string }) => r.code === 'HD01')).toEqual({ code: 'HD01', inspections: 0, findings: 0 });
    const never = (await t.gql('query ($from: String, $to: String) { uninspectedProjects(from: $from, to: $to) { code inspected } }', { from: FROM, to: TO }, manager)).data.uninspectedProjects;
    expect(never.map((r: { code: string }) => r.code).sort()).toEqual(Object.keys(projects).filter((c) => c !== 'HD01' && c !== 'HD02').sort());
    // a period before the inspections: every project is never inspected
    const before = (await t.gql('{ uninspectedProjects(to: "2020-01-01") { code } }', {}, manager)).data.uninspectedProjects;
    expect(before).toHaveLength(Object.keys(projects).length);
  });

  it('refuses bad filters with a typed error naming each one', async () => {
    const bad = await t.gql('{ heatMapRows(module: "M09", from: "2026-03-01", to: "2026-02-01") { code } }', {}, manager);
    expect(bad.errors).toEqual([expect.objectContaining({ extensions: expect.objectContaining({ code: 'BAD_USER_INPUT', messageCode: 'report.bad_filter', issues: [expect.objectContaining({ pointer: '/to', code: 'report.range_reversed' }), expect.objectContaining({ pointer: '/module', code: 'report.module_rule' })] }) })]);
    const date = await t.gql('{ uninspectedProjects(from: "2026-02-30") { code } }', {}, manager);
    expect(date.errors).toEqual([expect.objectContaining({ extensions: expect.objectContaining({ code: 'BAD_USER_INPUT', messageCode: 'value.not_dates', issues: [expect.objectContaining({ pointer: '/from' })] }) })]);
    const anonymous = await t.gql('{ heatMapRows { code } }');
    expect(anonymous.errors).toEqual([expect.objectContaining({ extensions: expect.objectContaining({ code: 'FORBIDDEN' }) })]);
  });
});

describe('dashboard workbooks', () => {
  it('exports the dashboard with its filters: rates with samples, never-inspected projects, the heat map and the KPIs, in Chinese', async () => {
    // when the manager downloads the dashboard of the period
    const response = await report(`/reports/dashboard.xlsx?from=${FROM}&to=${TO}&module=${small.failedModule}`);
    // then it is a workbook named by the range, with a sheet per part
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
    expect(response.headers.get('content-disposition')).toBe(`attachment; filename="dashboard_${FROM}_${TO}.xlsx"`);
    const book = readWorkbook(new Uint8Array(await response.arrayBuffer()));
    expect(Object.keys(book)).toEqual(['执行率（按项目）', '执行率（按月）', '热力图', '整改KPI']);
    const byProject = book['执行率（按项目）'];
    expect(byProject[0][0]).toBe('品质仪表盘 · 各项目执行率');
    expect(byProject[1][0]).toContain(`统计期间：${FROM} 至 ${TO}`);
    expect(byProject[3]).toEqual(['项目编号', '项目', '区域', '检查次数', '适用检查项', '合格项', '执行率（%）', '样本', '不合格项']);
    const row = (sheet: (string | number | null)[][], code: string) => sheet.find((r) => r[0] === code)!;
    expect(row(byProject, 'HD01').slice(3)).toEqual([1, small.itemCount, small.itemCount - 1, Math.round(((small.itemCount - 1) / small.itemCount) * 1000) / 10, '样本小（少于10项）', 1]);
    expect(row(byProject, 'HD02').slice(3)).toEqual([1, large.itemCount, large.itemCount, 100, null, 0]);
    expect(row(byProject, 'HB05').slice(3)).toEqual([0, 0, 0, null, '未检查', 0]);
    expect(byProject.length).toBe(4 + Object.keys(projects).length);
    const months = book['执行率（按月）'];
    expect(months.slice(4)).toEqual([[INSPECTED_ON.slice(0, 7), 2, small.itemCount + large.itemCount, small.itemCount + large.itemCount - 1, expect.any(Number)]]); // no sample note: a large sample
    const heat = book['热力图'];
    expect(heat[1][0]).toContain(`模块：${small.failedModule}`);
    const header = heat[3] as string[];
    expect(header.slice(0, 6)).toEqual(['项目编号', '项目', '检查次数', '适用检查项', '状态', '不合格项合计']);
    for (const tp of small.failedTouchpoints) expect(row(heat, 'HD01')[header.findIndex((h) => h.endsWith(`（${tp}）`))]).toBe(1);
    expect(row(heat, 'HB05')[4]).toBe('未检查');
    expect(book['整改KPI'][3][0]).toBe('项目');
  });

  it('applies the period: outside it, the inspected projects read as never inspected', async () => {
    const book = readWorkbook(new Uint8Array(await (await report('/reports/dashboard.xlsx?from=2020-01-01&to=2020-12-31')).arrayBuffer()));
    const hd01 = book['执行率（按项目）'].find((r) => r[0] === 'HD01')!;
    expect(hd01.slice(3, 8)).toEqual([0, 0, 0, null, '未检查']);
    expect(book['执行率（按月）'].slice(4)).toEqual([]);
  });

  it('exports the rectification KPIs grouped as asked, the same figures as the API', async () => {
    const response = await report(`/reports/rectification-kpis.xlsx?groupBy=month&from=${FROM}`);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-disposition')).toBe(`attachment; filename="rectification-kpis_month_${FROM}_${todayInChina()}.xlsx"`);
    const sheet = readWorkbook(new Uint8Array(await response.arrayBuffer()))['整改KPI'];
    expect(sheet[0][0]).toBe('整改闭环 KPI（按月份）');
    expect(sheet[3].slice(0, 4)).toEqual(['月份', '发起', '完成', '完成率（%）']);
    const kpis = (await t.gql('query ($from: String) { rectificationKpis(groupBy: month, from: $from) { key started completed openOverdue } }', { from: FROM }, manager)).data.rectificationKpis;
    expect(sheet.slice(4).map((r) => [r[0], r[1], r[2], r[r.length - 1]])).toEqual(kpis.map((k: { key: string; started: number; completed: number; openOverdue: number }) => [k.key, k.started, k.completed, k.openOverdue]));
  });

  it('refuses bad filters with 400 naming each, and callers without a token or the right', async () => {
    const date = await report('/reports/dashboard.xlsx?from=2026-02-30');
    expect(date.status).toBe(400);
    const dateBody = await date.json();
    expect(dateBody.errors[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', messageCode: 'value.not_dates', issues: [{ pointer: '/from', code: 'value.not_a_date' }] });
    expect(dateBody.errors[0].extensions.issues[0].message).toBe('“2026-02-30”不是 YYYY-MM-DD 格式的日期');
    const filters = await report('/reports/rectification-kpis.xlsx?groupBy=week&module=M9');
    expect(filters.status).toBe(400);
    expect((await filters.json()).errors[0]).toMatchObject({ message: '报表筛选条件无效：module、groupBy', extensions: { issues: [{ pointer: '/module' }, { pointer: '/groupBy', message: expect.stringContaining('不是分组方式') }] } });
    expect((await report('/reports/dashboard.xlsx', null)).status).toBe(401);
    expect((await report('/reports/other.xlsx')).status).toBe(404);
  });
});
