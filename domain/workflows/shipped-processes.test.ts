import { readdirSync, readFileSync } from 'node:fs';
import type { SqlEntityManager } from '@mikro-orm/sql';
import { startTestApp, type TestApp } from '../../test/harness.ts';
import { passingAnswers } from '../checklists/sample-answers.ts';
import { seed } from '../../server/bootstrap.ts';
import { SYSTEM_ACTOR } from '../shared/access.ts';
import { compileWorkflow } from './definition.service.ts';
import { deployShippedWorkflows, openPendingRectifications, SHIPPED_DEFINITIONS } from '../findings/rectification.service.ts';
import { startWorkers } from '../../server/workers.ts';
import { fireDueTimers } from './timers/timer.service.ts';

let t: TestApp;
let tokens: Record<string, string>;
const gql = (who: string, q: string, v: Record<string, unknown> = {}) => t.gql(q, v, tokens[who]);
const openTasks = async (instance: number) => (await t.em().execute<{ id: number; element_id: string; due_at: Date | null }[]>(`select id, element_id, due_at from workflow_task where instance_id = ? and status = 'open' order by id`, [instance]));
const complete = async (who: string, id: number, data: Record<string, unknown>) => (await gql(who, 'mutation ($id: Int!, $d: JSON) { completeTask(id: $id, data: $d) { __typename ... on Error { message } ... on ValidationError { issues { pointer message } } } }', { id, d: data })).data.completeTask;

beforeAll(async () => {
  t = await startTestApp({ demoUsers: false });
  await seed(t.app, () => {});
  expect(await deployShippedWorkflows(t.em(), SYSTEM_ACTOR)).toEqual(['complaint', 'innovation-fund', 'rectification', 'standard-revision']);
  tokens = Object.fromEntries(await Promise.all(['manager', 'reviewer', 'inspector', 'pm', 'committee', 'admin'].map(async (u) => [u, await t.login(u)])));
}, 300_000); // the shipped library's three editions imported, beside other test files on two cores
afterAll(() => t.close());

describe('the shipped processes', () => {
  it('compile, with their diagrams, and deploy once', async () => {
    for (const file of readdirSync(SHIPPED_DEFINITIONS).filter((f) => f.endsWith('.bpmn'))) {
      const xml = readFileSync(new URL(file, SHIPPED_DEFINITIONS), 'utf8');
      expect(xml).toContain('<bpmndi:BPMNDiagram');
      await expect(compileWorkflow(xml)).resolves.toMatchObject({ processId: file.replace('.bpmn', '') });
    }
    expect(await deployShippedWorkflows(t.em(), SYSTEM_ACTOR)).toEqual([]);
  });

  it('rectification: a major finding opens it; 分析 (48 h, at most the item\'s 整改时限) → 整改 (the item\'s 整改时限) → 验证 (24 h; fail returns to 整改) → 预防 → a standard revision', async () => {
    // given an inspection whose major item fails
    const list = (await gql('inspector', '{ checklist(projectId: 1, tier: quarterly, scope: "M03.P01.W002") { ... on Checklist { id items { id key severity input schema evidence rectifyWithinHours } } } }')).data.checklist;
    const major = list.items.find((i: { severity: string; input: string }) => i.severity === 'major' && i.input === 'boolean');
    const photo = 'e'.repeat(64);
    await t.em().execute(`insert into photo (organisation_id, sha256, mime, bytes, uploaded_by, created_at) values (1, ?, 'image/png', 9, 'inspector', now())`, [photo]);
    const answers = passingAnswers(list.items, Array(10).fill(0).map((_, i) => String(i).repeat(64))).map((a) => (a.itemId === major.id ? { itemId: a.itemId, value: false, photos: [photo] } : a));
    for (const a of answers) for (const p of [...(a.photos ?? []), ...(Array.isArray(a.value) ? a.value : [])]) await t.em().execute(`insert into photo (organisation_id, sha256, mime, bytes, uploaded_by, created_at) values (1, ?, 'image/png', 9, 'inspector', now()) on conflict do nothing`, [p]);
    const submitted = await gql('inspector', 'mutation ($c: String!, $a: [AnswerInput!]!) { submitInspection(checklistId: $c, clientSubmissionId: "rect-1", answers: $a) { __typename ... on SubmitInspectionSuccess { inspection { findings { id severity status } } } ... on Error { message } } }', { c: list.id, a: answers });
    const finding = submitted.data.submitInspection.inspection.findings[0];
    expect(finding).toMatchObject({ severity: 'major', status: 'open' });
    // the queue's sweep opens the rectification (twice is harmless)
    expect(await openPendingRectifications(t.app.context(SYSTEM_ACTOR), SYSTEM_ACTOR)).toBe(1);
    expect(await openPendingRectifications(t.app.context(SYSTEM_ACTOR), SYSTEM_ACTOR)).toBe(0);
    // then a rectification runs for it, with the analysis task open: 48 h, or the item's 整改时限 when shorter
    expect(major.rectifyWithinHours).toBeGreaterThan(0);
    const [instance] = await t.em().execute<{ id: number; status: string }[]>(`select id, status from workflow_instance where business_key = ?`, [`finding:${finding.id}`]);
    expect(instance.status).toBe('running');
    let tasks = await openTasks(instance.id);
    expect(tasks.map((x) => x.element_id)).toEqual(['analyse']);
    expect(Math.round((new Date(tasks[0].due_at!).getTime() - Date.now()) / 3600_000)).toBe(Math.min(48, major.rectifyWithinHours));
    expect(await complete('inspector', tasks[0].id, { cause: '保洁员漏做', plan: '增加一次巡查' })).toMatchObject({ __typename: 'ForbiddenError' });
    expect(await complete('pm', tasks[0].id, { cause: '保洁员漏做地坎清理', plan: '增加午间一次地坎专项清理并培训' })).toMatchObject({ __typename: 'WorkflowTask' });
    tasks = await openTasks(instance.id);
    expect(tasks.map((x) => x.element_id)).toEqual(['rectify']);
    expect(Math.round((new Date(tasks[0].due_at!).getTime() - Date.now()) / 3600_000)).toBe(major.rectifyWithinHours);
    await complete('pm', tasks[0].id, { measures: '已完成地坎清理并调整排班', evidencePhotos: [photo] });
    tasks = await openTasks(instance.id);
    expect(tasks.map((x) => x.element_id)).toEqual(['verify']);
    expect(Math.round((new Date(tasks[0].due_at!).getTime() - Date.now()) / 3600_000)).toBe(24);
    expect(await complete('inspector', tasks[0].id, { passed: false, evidencePhotos: [photo], comment: '仍有砂石' })).toMatchObject({ __typename: 'WorkflowTask' });
    tasks = await openTasks(instance.id);
    expect(tasks.map((x) => x.element_id)).toEqual(['rectify']);
    await complete('pm', tasks[0].id, { measures: '二次清理', evidencePhotos: [photo] });
    tasks = await openTasks(instance.id);
    await complete('inspector', tasks[0].id, { passed: true, evidencePhotos: [photo] });
    tasks = await openTasks(instance.id);
    expect(tasks.map((x) => x.element_id)).toEqual(['prevent']);
    await complete('manager', tasks[0].id, { prevention: 'revision', preventionNote: '地坎清理频次写入标准' });
    // the rectification closes, its finding too, and a standard revision opens a draft of M03.P01.W002
    const [done] = await t.em().execute<{ status: string }[]>('select status from workflow_instance where id = ?', [instance.id]);
    expect(done.status).toBe('completed');
    expect((await t.em().execute<{ status: string }[]>('select status from finding where id = ?', [finding.id]))[0].status).toBe('closed');
    const [revision] = await t.em().execute<{ id: number; business_key: string }[]>(`select id, business_key from workflow_instance where definition_key = 'standard-revision'`);
    expect(revision.business_key).toBe('M03.P01.W002');
    const draft = (await gql('manager', '{ standard(code: "M03.P01.W002") { ... on Standard { draft { version status note } } } }')).data.standard.draft;
    // (version 2 is the one of the newest edition, 2027-Q1, the finding was judged against)
    expect(draft).toMatchObject({ version: 3, status: 'draft', note: expect.stringContaining(`不合格项 ${finding.id}`) });
    // the revision is reviewed and published through the process
    tasks = await openTasks(revision.id);
    await complete('manager', tasks[0].id, { summary: '增加午间地坎清理要求' });
    tasks = await openTasks(revision.id);
    expect(tasks.map((x) => x.element_id)).toEqual(['review']);
    // the manager revised and submitted it, so separation of duties has a second quality manager approve it
    expect(await complete('manager', tasks[0].id, { approved: true, comment: '同意发布' })).toMatchObject({ __typename: 'ForbiddenError' });
    await complete('reviewer', tasks[0].id, { approved: true, comment: '同意发布' });
    const published = (await gql('manager', '{ standard(code: "M03.P01.W002") { ... on Standard { versions { version status } draft { version } } } }')).data.standard;
    expect(published).toEqual({ versions: [{ version: 1, status: 'superseded' }, { version: 2, status: 'superseded' }, { version: 3, status: 'published' }], draft: null });
  });

  it('reports rectification KPIs per project and step, and opens a minor finding\'s rectification on request', async () => {
    const kpis = (await gql('manager', '{ rectificationKpis(groupBy: project) { key started completed completionRate openOverdue steps { step completed onTime onTimeRate meanHours } } }')).data.rectificationKpis;
    expect(kpis).toEqual([expect.objectContaining({ started: 1, completed: 1, completionRate: 1, openOverdue: 0 })]);
    expect(kpis[0].steps.map((x: { step: string; completed: number; onTimeRate: number | null }) => [x.step, x.completed, x.onTimeRate])).toEqual([['analyse', 1, 1], ['prevent', 1, null], ['rectify', 2, 1], ['verify', 2, 1]]);
    const [minor] = await t.em().execute<{ id: number }[]>(`insert into finding (inspection_id, project_id, item_id, code, version, module, item_key, title, severity, weight, expected_zh, expected_en, actual_json, reasons_json, touchpoints, photos, status, found_on, created_at)
      select inspection_id, project_id, item_id, code, version, module, item_key, title, 'minor', weight, expected_zh, expected_en, actual_json, reasons_json, touchpoints, photos, 'open', found_on, now() from finding limit 1 returning id`);
    const opened = await gql('inspector', 'mutation ($f: Int!) { requestRectification(findingId: $f) { __typename ... on WorkflowInstance { key status businessKey } ... on Error { message } } }', { f: minor.id });
    expect(opened.data.requestRectification).toEqual({ __typename: 'WorkflowInstance', key: 'rectification', status: 'running', businessKey: `finding:${minor.id}` });
    const twice = await gql('inspector', 'mutation ($f: Int!) { requestRectification(findingId: $f) { __typename } }', { f: minor.id });
    expect(twice.data.requestRectification.__typename).toBe('ConflictError');
  });

  it('innovation fund: above the budget threshold HQ approves too; the outcome is recorded', async () => {
    const started = (await gql('inspector', 'mutation { startWorkflow(key: "innovation-fund", variables: { title: "电梯困人安抚系统", proposer: "inspector" }) { ... on WorkflowInstance { id } ... on Error { message } } }')).data.startWorkflow;
    const step = async (who: string, data: Record<string, unknown>) => complete(who, (await openTasks(started.id))[0].id, data);
    await step('manager', { passed: true });
    await step('committee', { approved: true, budget: 80000 });
    expect((await openTasks(started.id)).map((x) => x.element_id)).toEqual(['hq']);
    await step('admin', { hqApproved: true });
    expect((await openTasks(started.id)).map((x) => x.element_id)).toEqual(['incubation']);
    await step('pm', { milestoneReport: '完成12部电梯改造试点', spent: 76000 });
    await step('committee', { indicator: '电梯故障报修量', before: 100, after: 59, outcome: '电梯故障报修下降41%', rollout: true });
    await step('manager', { projects: 18 });
    const view = (await gql('manager', `{ workflowInstance(id: ${started.id}) { ... on WorkflowInstance { status states history { detail } } } }`)).data.workflowInstance;
    expect(view.status).toBe('completed');
    expect(view.history.flatMap((h: { detail: { effects?: unknown[] } }) => h.detail.effects ?? [])).toEqual(expect.arrayContaining([expect.objectContaining({ action: 'recordOutcome', budget: 80000, outcome: '电梯故障报修下降41%', indicator: '电梯故障报修量', before: 100, after: 59 })]));
  });

  it('fires, after a restart, a timer that fell due while the server was down — once', async () => {
    const em = t.em() as SqlEntityManager;
    const started = (await gql('inspector', 'mutation { startWorkflow(key: "innovation-fund", variables: { title: "绿化垃圾回收" }) { ... on WorkflowInstance { id } } }')).data.startWorkflow;
    const step = async (who: string, data: Record<string, unknown>) => complete(who, (await openTasks(started.id))[0].id, data);
    await step('manager', { passed: true });
    await step('committee', { approved: true, budget: 20000 });
    const [timer] = await em.execute<{ id: number }[]>(`select id from workflow_timer where instance_id = ? and status = 'armed'`, [started.id]);
    await em.execute(`update workflow_timer set due_at = now() - interval '2 days' where id = ?`, [timer.id]);
    // when the workers start (as at a server's start), then again
    expect(await startWorkers(t.app)).toMatchObject({ fired: 1 });
    expect(await fireDueTimers(t.app.context(SYSTEM_ACTOR))).toBe(0);
    const history = await em.execute<{ event: string }[]>(`select event from workflow_history where instance_id = ? and event = 'timer'`, [started.id]);
    expect(history).toHaveLength(1);
    expect((await openTasks(started.id)).map((x) => x.element_id)).toEqual(['incubation']);
  });
});
