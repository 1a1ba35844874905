import { readFileSync } from 'node:fs';
import { startTestApp, type TestApp } from '../../test/harness.ts';
import { SYSTEM_ACTOR, systemFor } from '../../domain/shared/access.ts';
import { ensureSampleProjects } from '../../domain/projects/project.service.ts';
import { SAMPLE_PROJECTS } from '../../domain/projects/sample-projects.ts';
import { createOrganisation } from '../../domain/people/organisation.service.ts';
import { createUser, DEMO_PASSWORD } from '../../domain/users/user.service.ts';
import { grantRole } from '../../domain/people/people.service.ts';
import { csvLine, excelStyleWorkbook } from '../../test/feedback-files.ts';

/**
 * Feedback intake through the API on a real database: recording one item (validated, analysed,
 * stored with its model version), importing exports over a multipart upload (per-row report,
 * atomic or partial, duplicates skipped), the scoped list, the heat map's feedback source and the
 * rising clusters; another organisation, or a project outside one's roles, sees none of it.
 */
let t: TestApp;
const tokens: Record<string, string> = {};
const ids: Record<string, number> = {};
const as = (who: string) => (query: string, variables?: Record<string, unknown>) => t.gql(query, variables, tokens[who]);

const ITEM = 'id project { code } channel receivedAt text place contact sourceId module touchpoints problemType problemTypeName sentiment intensity repetition priority unclassified modelVersion createdBy';
const RECORD = `mutation ($i: RecordFeedbackInput!) { recordFeedback(input: $i) { __typename ... on Feedback { ${ITEM} } ... on ValidationError { code issues { pointer code } } ... on Error { code } } }`;
const LIST = `query ($f: FeedbackFilter, $first: Int, $after: String) { feedback(filter: $f, first: $first, after: $after) { __typename ... on FeedbackConnection { totalCount pageInfo { hasNextPage endCursor } nodes { id text project { code } problemType priority } } ... on ValidationError { issues { pointer } } ... on Error { code } } }`;
const IMPORT = `mutation ($f: File!, $p: Boolean) { importFeedback(file: $f, partial: $p) { __typename ... on FeedbackImportReport { rows accepted refused duplicates imported partial items { row status sourceId feedbackId problems { column issue { pointer code } } } } ... on ValidationError { code issues { pointer code } } ... on Error { code } } }`;

/** Sends a file with the GraphQL multipart request spec, as the admin UI does. */
async function upload(who: string, name: string, bytes: Uint8Array, partial?: boolean) {
  const form = new FormData();
  form.append('operations', JSON.stringify({ query: IMPORT, variables: { f: null, p: partial ?? null } }));
  form.append('map', JSON.stringify({ 0: ['variables.f'] }));
  form.append('0', new Blob([new Uint8Array(bytes)]), name);
  const response = await t.app.yoga.fetch('http://localhost/graphql', { method: 'POST', headers: { authorization: `Bearer ${tokens[who]}`, 'accept-language': 'en' }, body: form });
  return (await response.json()).data.importFeedback;
}

const daysAgo = (n: number, hour = 10) => new Date(Date.now() - n * 86_400_000 - (new Date().getUTCHours() - hour + 8) * 3_600_000);
const chinaDay = (d: Date) => new Date(d.getTime() + 8 * 3_600_000).toISOString().slice(0, 10);
const stamp = (d: Date) => chinaDay(d) + ' ' + new Date(d.getTime() + 8 * 3_600_000).toISOString().slice(11, 16);

beforeAll(async () => {
  t = await startTestApp();
  await ensureSampleProjects(t.em());
  const other = await createOrganisation(t.em(), SYSTEM_ACTOR, { code: 'yueju', name: '悦居物业' });
  await ensureSampleProjects(t.em(), other.id, [{ ...SAMPLE_PROJECTS[0], code: 'YJ01', name: '悦居花园', region: '西南区域' }]);
  await createUser(t.em(), systemFor(other.id), { username: 'yj-admin', password: DEMO_PASSWORD, roles: ['admin'] });
  for (const r of await t.em().execute<{ code: string; id: number }[]>('select code, id from project')) ids[r.code] = r.id;
  // a project's service desk: project manager of HD01 only
  await createUser(t.em(), systemFor(1), { username: 'desk', password: DEMO_PASSWORD, roles: [], rolesLater: true });
  await grantRole(t.app.context(systemFor(1)), { username: 'desk', role: 'project_manager', projectId: ids.HD01 });
  for (const u of ['admin', 'manager', 'desk', 'inspector', 'yj-admin']) tokens[u] = await t.login(u);
}, 300_000);
afterAll(() => t?.close());

describe('recording feedback', () => {
  it('stores an item with its analysis and model version; the same type again repeats it', async () => {
    const input = { projectId: ids.HD01, channel: 'hotline', receivedAt: daysAgo(2).toISOString(), text: '  3栋电梯又坏了，困了十分钟，再不修就投诉到12345！！ ', place: '3栋2单元', contact: '138****2211', sourceId: 'REC-1' };
    const first = (await as('desk')(RECORD, { i: input })).data!.recordFeedback;
    expect(first).toMatchObject({ __typename: 'Feedback', project: { code: 'HD01' }, channel: 'hotline', text: '3栋电梯又坏了，困了十分钟，再不修就投诉到12345！！', place: '3栋2单元', sourceId: 'REC-1', createdBy: 'desk', repetition: 0 });
    expect(first.problemType).not.toBeNull();
    expect(first.modelVersion).toMatch(/\S/);
    expect(['P1', 'P2', 'P3']).toContain(first.priority);
    const again = (await as('desk')(RECORD, { i: { ...input, sourceId: null, receivedAt: daysAgo(1).toISOString() } })).data!.recordFeedback;
    expect(again.problemType).toBe(first.problemType);
    expect(again.repetition).toBe(1);
  });

  it('refuses bad input with every problem at its pointer, storing nothing', async () => {
    const bad = { projectId: ids.HD01, channel: 'fax', receivedAt: new Date(Date.now() + 86_400_000).toISOString(), text: '   ', place: 'x'.repeat(300) };
    const result = (await as('desk')(RECORD, { i: bad })).data!.recordFeedback;
    expect(result.__typename).toBe('ValidationError');
    expect(result.issues.map((i: { pointer: string }) => i.pointer)).toEqual(['/channel', '/text', '/receivedAt', '/place']);
    const long = (await as('desk')(RECORD, { i: { ...bad, channel: 'app', receivedAt: daysAgo(1).toISOString(), place: null, text: '吵'.repeat(2001) } })).data!.recordFeedback;
    expect(long.issues).toEqual([{ pointer: '/text', code: 'feedback.text_too_long' }]);
    // a project outside the desk's role, and another organisation's, answer alike
    for (const projectId of [ids.HD02, ids.YJ01]) {
      const outside = (await as('desk')(RECORD, { i: { ...bad, projectId, channel: 'app', text: '噪音', receivedAt: daysAgo(1).toISOString(), place: null } })).data!.recordFeedback;
      expect(outside.issues).toEqual([{ pointer: '/projectId', code: 'feedback.project_unknown' }]);
    }
    expect((await as('manager')(LIST, { f: { search: '噪音' } })).data!.feedback.totalCount).toBe(0);
  });

  it('refuses a source id the organisation already holds, and people who may not record', async () => {
    const dup = (await as('manager')(RECORD, { i: { projectId: ids.HD03, channel: 'app', receivedAt: daysAgo(1).toISOString(), text: '商场保洁很及时，点赞', sourceId: 'REC-1' } })).data!.recordFeedback;
    expect(dup).toEqual({ __typename: 'ConflictError', code: 'feedback.duplicate' });
    // another organisation may use the same source id
    const theirs = (await as('yj-admin')(RECORD, { i: { projectId: ids.YJ01, channel: 'wechat', receivedAt: daysAgo(1).toISOString(), text: '小区绿化修剪得很好，感谢', sourceId: 'REC-1' } })).data!.recordFeedback;
    expect(theirs.__typename).toBe('Feedback');
    const inspector = (await as('inspector')(RECORD, { i: { projectId: ids.HD01, channel: 'app', receivedAt: daysAgo(1).toISOString(), text: '垃圾没清' } })).data!.recordFeedback;
    expect(inspector.__typename).toBe('ForbiddenError');
  });
});

describe('importing a call centre\'s export', () => {
  const fixture = () => readFileSync(new URL('../../test/fixtures/call-centre-export.csv', import.meta.url));

  it('imports a real-world-like CSV export row by row, then skips every row as a duplicate the second time', async () => {
    const report = await upload('manager', 'call-centre-export.csv', fixture());
    expect(report).toMatchObject({ __typename: 'FeedbackImportReport', rows: 6, accepted: 6, refused: 0, duplicates: 0, imported: 6, partial: false });
    expect(report.items.every((i: { feedbackId: number | null }) => i.feedbackId !== null)).toBe(true);
    const stored = (await as('manager')(`query ($id: Int!) { feedbackItem(id: $id) { ... on Feedback { ${ITEM} } } }`, { id: report.items[1].feedbackId })).data!.feedbackItem;
    expect(stored).toMatchObject({ project: { code: 'HD01' }, channel: 'app', sourceId: 'GD20261101-0002', place: '地下车库B1', receivedAt: '2026-11-01T01:40:00.000Z' });
    expect(stored.text).toContain('\n女儿都不敢一个人下去');
    const again = await upload('manager', 'call-centre-export.csv', fixture());
    expect(again).toMatchObject({ rows: 6, accepted: 0, duplicates: 6, imported: 0 });
    // the import is in the audit trail
    const audit = await t.em().execute<{ action: string; detail: string | { imported: number } }[]>(`select action, detail from audit_event where action = 'feedback.imported' order by id`);
    expect(audit.map((a) => (typeof a.detail === 'string' ? JSON.parse(a.detail) : a.detail).imported)).toEqual([6]);
  });

  it('is atomic by default: one bad row and nothing is imported, the report says which row, column and why; partial imports the good rows', async () => {
    const rows = [
      ['项目', '渠道', '反馈时间', '反馈内容', '工单号'],
      ['HB01', '热线', '2026-11-20 09:00', '楼道灯坏了好几天了', 'B-1'],
      ['HB99', '微信', '2026-11-20 10:00', '垃圾没人清', 'B-2'],
      ['泉城明湖苑', '传真', '2026/11/20 11:00', '', 'B-3'],
      ['HB01', 'APP', '明天', '保安态度很差', 'B-4'],
      ['HB01', '来访', '2026-11-21 08:30', '感谢物业帮忙修好了水管', 'B-1'],
    ];
    const bytes = new TextEncoder().encode(rows.map(csvLine).join('\r\n'));
    const atomic = await upload('manager', 'batch.csv', bytes);
    expect(atomic).toMatchObject({ rows: 5, accepted: 1, refused: 3, duplicates: 1, imported: 0 });
    expect(atomic.items.map((i: { row: number; status: string; problems: { column: string; issue: { code: string } }[] }) => [i.row, i.status, i.problems.map((p) => `${p.column}:${p.issue.code}`)])).toEqual([
      [2, 'accepted', []],
      [3, 'refused', ['项目:feedback.project_unknown']],
      [4, 'refused', ['渠道:feedback.channel_rule', '反馈内容:feedback.text_empty']],
      [5, 'refused', ['反馈时间:feedback.time_invalid']],
      [6, 'duplicate', []],
    ]);
    expect((await as('manager')(LIST, { f: { search: 'B-1' } })).data!.feedback.totalCount).toBe(0);
    const partial = await upload('manager', 'batch.csv', bytes, true);
    expect(partial).toMatchObject({ accepted: 1, refused: 3, imported: 1, partial: true });
    expect((await as('manager')(LIST, { f: { search: 'B-1' } })).data!.feedback.nodes.map((n: { text: string }) => n.text)).toEqual(['楼道灯坏了好几天了']);
  });

  it('imports an Excel workbook with dates in date-formatted cells and English headers', async () => {
    const at = new Date(Date.UTC(2026, 10, 25, 19, 5));
    const bytes = excelStyleWorkbook(['Ticket ID', 'Project', 'Channel', 'Received at', 'Content', 'Location'], [['X-1', 'HN02', 'WeChat', at, '小区门禁坏了，陌生人随便进', '北门']]);
    const report = await upload('admin', 'export.xlsx', bytes);
    expect(report).toMatchObject({ accepted: 1, imported: 1 });
    const item = (await as('admin')(LIST, { f: { search: 'X-1' } })).data!.feedback.nodes[0];
    expect(item.project.code).toBe('HN02');
  });

  it('refuses files it cannot take as a whole: no required columns, not a table, too large', async () => {
    const noColumns = await upload('manager', 'x.csv', new TextEncoder().encode('姓名,电话\n王,1\n'));
    expect(noColumns).toMatchObject({ __typename: 'ValidationError', code: 'import.columns_missing' });
    expect(noColumns.issues.map((i: { pointer: string }) => i.pointer)).toEqual(['/columns/project', '/columns/channel', '/columns/receivedAt', '/columns/text']);
    expect(await upload('manager', 'x.png', new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0, 0, 0, 0]))).toMatchObject({ __typename: 'ValidationError', code: 'import.broken' });
    expect(await upload('manager', 'big.csv', new Uint8Array(5 * 1024 * 1024 + 1).fill(0x41))).toMatchObject({ __typename: 'ValidationError', code: 'import.too_large' });
    expect(await upload('desk', 'call-centre-export.csv', new Uint8Array([1]))).toMatchObject({ __typename: 'ForbiddenError' });
  });
});

describe('reading the customer\'s voice', () => {
  it('lists feedback newest first, filtered and paged; each reader sees only their reach', async () => {
    const page1 = (await as('manager')(LIST, { first: 3 })).data!.feedback;
    expect(page1.totalCount).toBeGreaterThanOrEqual(10);
    const page2 = (await as('manager')(LIST, { first: 3, after: page1.pageInfo.endCursor })).data!.feedback;
    expect(page2.nodes.map((n: { id: number }) => n.id)).not.toContain(page1.nodes[0].id);
    const hd01 = (await as('manager')(LIST, { f: { projectId: ids.HD01, from: '2026-11-01', to: '2026-11-01' } })).data!.feedback;
    expect(hd01.nodes.map((n: { project: { code: string } }) => n.project.code)).toEqual(['HD01', 'HD01', 'HD01']);
    // the desk sees HD01 only; the other organisation sees its own item only
    const desk = (await as('desk')(LIST, { first: 100 })).data!.feedback;
    expect(new Set(desk.nodes.map((n: { project: { code: string } }) => n.project.code))).toEqual(new Set(['HD01']));
    const theirs = (await as('yj-admin')(LIST, {})).data!.feedback;
    expect(theirs.nodes.map((n: { project: { code: string } }) => n.project.code)).toEqual(['YJ01']);
    const mine = page1.nodes[0].id;
    expect((await as('yj-admin')(`query ($id: Int!) { feedbackItem(id: $id) { __typename } }`, { id: mine })).data!.feedbackItem.__typename).toBe('NotFoundError');
    expect((await as('manager')(LIST, { f: { priority: 'P9', from: '2026-13-01' } })).data!.feedback.issues.map((i: { pointer: string }) => i.pointer)).toEqual(['/from']);
    expect((await as('manager')(LIST, { f: { priority: 'P9', channel: 'fax' } })).data!.feedback.issues.map((i: { pointer: string }) => i.pointer)).toEqual(['/priority', '/channel']);
  });

  it('puts feedback on the heat map beside findings: by touchpoint or, without one, by module', async () => {
    const HEAT = `query ($s: String) { heatMapRows(from: "2026-11-01", to: "2026-12-31", source: $s) { code feedback touchpoints { touchpoint count findings feedback } } }`;
    const feedback = (await as('manager')(HEAT, { s: 'feedback' })).data!.heatMapRows as { code: string; feedback: number; touchpoints: { touchpoint: string; count: number; findings: number; feedback: number }[] }[];
    const hd01 = feedback.find((r) => r.code === 'HD01')!;
    const classified = await t.em().execute<{ n: string }[]>(`select count(*) as n from feedback where project_id = ? and module is not null and received_at >= '2026-10-31T16:00:00Z'`, [ids.HD01]);
    expect(hd01.feedback).toBe(Number(classified[0].n));
    expect(hd01.touchpoints.reduce((n, c) => n + c.feedback, 0)).toBeGreaterThanOrEqual(hd01.feedback);
    expect(hd01.touchpoints.every((c) => c.findings === 0 && c.count === c.feedback)).toBe(true);
    const findings = (await as('manager')(HEAT, { s: null })).data!.heatMapRows as typeof feedback;
    expect(findings.every((r) => r.feedback === 0 && r.touchpoints.every((c) => c.feedback === 0))).toBe(true);
    const combined = (await as('manager')(HEAT, { s: 'combined' })).data!.heatMapRows as typeof feedback;
    expect(combined.find((r) => r.code === 'HD01')!.touchpoints).toEqual(hd01.touchpoints);
    expect((await as('manager')(HEAT, { s: 'rumours' })).errors).toBeDefined();
  });

  it('finds a problem type rising in a project and across projects, linked to its items', async () => {
    // given HD01 hearing about its car-park lighting 12 times in the last 30 days against twice before, and HN02 alike
    const lines = [['工单号', '项目', '渠道', '来电时间', '反馈内容']];
    let n = 0;
    for (const code of ['HD01', 'HN02']) {
      for (const d of [40, 50]) lines.push([`C-${++n}`, code, '热线', stamp(daysAgo(d)), '地下车库的灯坏了，晚上停车看不清']);
      for (let d = 1; d <= 12; d++) lines.push([`C-${++n}`, code, 'APP', stamp(daysAgo(d * 2)), `地下车库B${d % 2 + 1}区灯又不亮了，黑乎乎的`]);
    }
    expect(await upload('manager', 'garage.csv', new TextEncoder().encode(lines.map(csvLine).join('\n')))).toMatchObject({ imported: 28 });
    const type = (await as('manager')(LIST, { f: { search: 'C-3' } })).data!.feedback.nodes[0].problemType as string;
    // when
    const to = chinaDay(new Date());
    const from = chinaDay(daysAgo(29));
    const CLUSTERS = `query ($f: String!, $t: String!) { feedbackClusters(from: $f, to: $t) { __typename ... on QueryFeedbackClustersSuccess { data { key problemType projectId projectIds count previousCount growth window { from to } } } ... on ValidationError { issues { pointer } } } }`;
    const clusters = (await as('manager')(CLUSTERS, { f: from, t: to })).data!.feedbackClusters.data as { key: string; projectId: number | null; projectIds: number[]; count: number; previousCount: number }[];
    // then
    const hd01 = clusters.find((c) => c.key === `${type}:${ids.HD01}:${from}..${to}`)!;
    expect(hd01).toMatchObject({ count: expect.any(Number), previousCount: expect.any(Number) });
    expect(hd01.count).toBeGreaterThanOrEqual(12);
    expect(clusters.find((c) => c.key === `${type}:*:${from}..${to}`)!.projectIds).toEqual([ids.HD01, ids.HN02].sort((a, b) => a - b));
    // its items are the list filtered by type, project and window
    const items = (await as('manager')(LIST, { f: { problemType: type, projectId: ids.HD01, from, to } })).data!.feedback;
    expect(items.totalCount).toBe(hd01.count);
    // the other organisation sees no cluster; a reversed window is refused
    expect((await as('yj-admin')(CLUSTERS, { f: from, t: to })).data!.feedbackClusters.data).toEqual([]);
    expect((await as('manager')(CLUSTERS, { f: to, t: from })).data!.feedbackClusters.issues).toEqual([{ pointer: '/to' }]);
  });
});
