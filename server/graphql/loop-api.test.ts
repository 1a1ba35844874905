import { startTestApp, type TestApp } from '../../test/harness.ts';
import { seed } from '../bootstrap.ts';
import { organisationActor, SYSTEM_ACTOR } from '../../domain/shared/access.ts';
import { deployShippedWorkflows } from '../../domain/findings/rectification.service.ts';
import { openComplaintsFor } from '../../domain/voice/complaint.service.ts';
import { fireDueTimers } from '../../domain/workflows/timers/timer.service.ts';
import { todayInChina } from '../../domain/checklists/checklist.service.ts';
import { reviewPackWorkbook } from '../../domain/voice/review-pack.service.ts';
import { readWorkbook } from '../../test/xlsx-read.ts';
import { failStandardItems, insertFeedback } from '../../test/voice-loop.ts';

/**
 * Closing the customer's voice loop through the API on a real database: a P1 item opens the
 * complaint process (受理 → 处理 → 回访, deadlines escalating, an unsatisfied customer sending it
 * back), a feedback cluster opens a standard revision with its evidence, and a standard's review
 * pack counts the findings against each item and the feedback touching it.
 */
let t: TestApp;
const tokens: Record<string, string> = {};
const as = (who: string) => (query: string, variables: Record<string, unknown> = {}) => t.gql(query, variables, tokens[who]);
const today = todayInChina();
const daysAgo = (n: number) => new Date(Date.now() - n * 86_400_000);
const dayOf = (d: Date) => d.toISOString().slice(0, 10);

const COMPLETE = 'mutation ($id: Int!, $d: JSON) { completeTask(id: $id, data: $d) { __typename ... on Error { message } } }';
const OPEN = 'mutation ($f: Int!) { openComplaint(feedbackId: $f) { __typename ... on WorkflowInstance { id key status businessKey variables } ... on Error { message } } }';
const FROM_CLUSTER = 'mutation ($i: ClusterRevisionInput!) { openStandardRevisionFromCluster(input: $i) { __typename ... on WorkflowInstance { id key businessKey variables } ... on ValidationError { issues { pointer } } ... on Error { message } } }';
const EVIDENCE_LIST = 'query ($i: Int!) { revisionEvidence(instanceId: $i) { __typename ... on QueryRevisionEvidenceSuccess { data { kind itemId text date projectId projectName label } } ... on Error { message } } }';
const PACK = 'query ($c: String!, $s: String) { reviewPack(standardCode: $c, since: $s) { __typename ... on ReviewPack { code version since findings feedback items { key title touchpoints findings feedback months { month findings feedback } topTexts { kind itemId text } } } ... on Error { message } } }';

const openTasks = (instance: number) => t.em().execute<{ id: number; element_id: string; due_at: Date | null }[]>(`select id, element_id, due_at from workflow_task where instance_id = ? and status = 'open' order by id`, [instance]);
const hoursDue = (task: { due_at: Date | null }) => Math.round((new Date(task.due_at!).getTime() - Date.now()) / 3600_000);
const complete = async (who: string, id: number, data: Record<string, unknown>) => (await as(who)(COMPLETE, { id, d: data })).data!.completeTask.__typename as string;
const feedbackRow = async (id: number) => (await t.em().execute<{ complaint_instance_id: number | null; complaint_outcome: string | null; complaint_rounds: number | null; complaint_note: string | null }[]>('select complaint_instance_id, complaint_outcome, complaint_rounds, complaint_note from feedback where id = ?', [id]))[0];
const managerCtx = () => t.app.context(organisationActor('manager', ['quality_manager']));

let projectOfOrg2: number;

beforeAll(async () => {
  t = await startTestApp({ demoUsers: false });
  await seed(t.app, () => {});
  // the counts below are of this file's own feedback, not of the demo's months of it
  await t.em().execute('delete from feedback');
  await deployShippedWorkflows(t.em(), SYSTEM_ACTOR);
  for (const who of ['manager', 'reviewer', 'inspector', 'pm', 'auditor', 'yj-manager']) tokens[who] = await t.login(who);
  projectOfOrg2 = (await t.em().execute<{ id: number }[]>('select id from project where organisation_id = 2 order by id limit 1'))[0].id;
}, 240_000);
afterAll(async () => {
  await t?.close();
});

describe('the complaint-handling process', () => {
  it('opens one complaint per P1 item, once even for two callers at once, and walks 受理 → 处理 → 回访 (unsatisfied → 再次处理 → 再次回访) by the right roles', async () => {
    // given a P1 item and a P2 item of project 1
    const p1 = await insertFeedback(t.em(), { projectId: 1, text: '电梯困人半小时没人管，物业电话一直打不通，太气人了！', problemType: 'emergency', priority: 'P1', module: 'M07', intensity: 3 });
    const p2 = await insertFeedback(t.em(), { projectId: 1, text: '晚上广场舞有点吵', problemType: 'noise', priority: 'P2', module: 'M02' });
    // when intake asks for their complaints twice at once
    const [a, b] = await Promise.all([openComplaintsFor(managerCtx(), [p1, p2]), openComplaintsFor(managerCtx(), [p1, p2])]);
    // then exactly one instance opened, for the P1 item, linked to it
    expect([...a, ...b]).toHaveLength(1);
    const instance = [...a, ...b][0];
    expect(await feedbackRow(p1)).toMatchObject({ complaint_instance_id: instance, complaint_outcome: null });
    expect((await feedbackRow(p2)).complaint_instance_id).toBeNull();
    expect(await openComplaintsFor(managerCtx(), [p1])).toEqual([]);
    // the task page shows the feedback: its text and analysis are the instance's variables
    const view = (await as('manager')(`{ workflowInstance(id: ${instance}) { ... on WorkflowInstance { key businessKey variables } } }`)).data!.workflowInstance;
    expect(view).toMatchObject({ key: 'complaint', businessKey: `feedback:${p1}`, variables: { feedbackId: p1, text: expect.stringContaining('电梯困人'), priority: 'P1', problemType: 'emergency', projectId: 1 } });
    // 受理 within 2 hours, by the project manager (not an inspector)
    let [task] = await openTasks(instance);
    expect([task.element_id, hoursDue(task)]).toEqual(['accept', 2]);
    expect(await complete('inspector', task.id, { acceptance: '已致电业主', contacted: true })).toBe('ForbiddenError');
    expect(await complete('pm', task.id, { acceptance: '已致电业主致歉并派人到场', contacted: true })).toBe('WorkflowTask');
    // 处理 within 48 hours
    [task] = await openTasks(instance);
    expect([task.element_id, hoursDue(task)]).toEqual(['handle', 48]);
    expect(await complete('pm', task.id, { measures: '' })).toBe('ValidationError');
    expect(await complete('pm', task.id, { measures: '维保单位到场解困，更换门机板' })).toBe('WorkflowTask');
    // 回访 within 72 hours of handling, by the quality department; the customer is not satisfied
    [task] = await openTasks(instance);
    expect([task.element_id, hoursDue(task)]).toEqual(['callback', 72]);
    expect(await complete('pm', task.id, { satisfied: true })).toBe('ForbiddenError');
    expect(await complete('manager', task.id, { satisfied: false, comment: '业主认为响应太慢' })).toBe('WorkflowTask');
    // back to 处理 (the second round), then 回访 again: satisfied this time
    [task] = await openTasks(instance);
    expect([task.element_id, hoursDue(task)]).toEqual(['handleAgain', 48]);
    expect(await complete('pm', task.id, { measures: '调整夜间值班，困人响应承诺10分钟' })).toBe('WorkflowTask');
    [task] = await openTasks(instance);
    expect(task.element_id).toBe('callbackAgain');
    expect(await complete('reviewer', task.id, { satisfied: true, comment: '业主表示满意' })).toBe('WorkflowTask');
    // then the complaint is closed and its outcome recorded on the feedback
    const [done] = await t.em().execute<{ status: string }[]>('select status from workflow_instance where id = ?', [instance]);
    expect(done.status).toBe('completed');
    expect(await feedbackRow(p1)).toEqual({ complaint_instance_id: instance, complaint_outcome: 'satisfied', complaint_rounds: 2, complaint_note: '业主表示满意' });
  });

  it('escalates a breached deadline to the quality manager, and after two unsatisfied callbacks ends escalated with the outcome recorded', async () => {
    const id = await insertFeedback(t.em(), { projectId: 1, text: '楼道漏水三天了没人修，再不修我就投诉到住建局！', problemType: 'facility_fault', priority: 'P1', module: 'M05', intensity: 3 });
    const [instance] = await openComplaintsFor(managerCtx(), [id]);
    // when the 2-hour 受理 deadline passes
    await t.em().execute(`update workflow_timer set due_at = now() - interval '1 minute' where instance_id = ? and status = 'armed'`, [instance]);
    expect(await fireDueTimers(t.app.context(SYSTEM_ACTOR))).toBe(1);
    // then the breach is escalated (recorded in the history) and 受理 stays open for the project manager
    const effects = (await t.em().execute<{ detail_json: string }[]>(`select detail_json from workflow_history where instance_id = ? and event = 'timer'`, [instance])).flatMap((h) => (JSON.parse(h.detail_json).effects ?? []) as { kind: string; code?: string; name?: string }[]);
    expect(effects).toEqual(expect.arrayContaining([expect.objectContaining({ kind: 'service', action: 'notify' }), expect.objectContaining({ kind: 'escalate', code: 'ACCEPT_LATE', name: '受理逾期上报' })]));
    let [task] = await openTasks(instance);
    expect(task.element_id).toBe('accept');
    await complete('pm', task.id, { acceptance: '已联系业主，安排维修', contacted: true });
    for (const [who, data] of [['pm', { measures: '更换破损水管' }], ['manager', { satisfied: false, comment: '仍在渗水' }], ['pm', { measures: '重新做防水层' }], ['manager', { satisfied: false, comment: '业主仍不满意' }]] as const) {
      [task] = await openTasks(instance);
      expect(await complete(who, task.id, data)).toBe('WorkflowTask');
    }
    expect(await openTasks(instance)).toEqual([]);
    const history = await t.em().execute<{ detail_json: string }[]>(`select detail_json from workflow_history where instance_id = ? order by id desc limit 1`, [instance]);
    expect(JSON.parse(history[0].detail_json).effects).toEqual(expect.arrayContaining([expect.objectContaining({ kind: 'escalate', code: 'STILL_UNSATISFIED' })]));
    expect(await feedbackRow(id)).toMatchObject({ complaint_outcome: 'unsatisfied', complaint_rounds: 2, complaint_note: '业主仍不满意' });
  });

  it('lets a quality manager open a lower-priority complaint by hand — once; others are refused, another organisation\'s item is missing', async () => {
    const id = await insertFeedback(t.em(), { projectId: 1, text: '保洁阿姨态度不好', problemType: 'service_attitude', priority: 'P3', module: 'M01' });
    expect((await as('pm')(OPEN, { f: id })).data!.openComplaint.__typename).toBe('ForbiddenError');
    expect((await as('yj-manager')(OPEN, { f: id })).data!.openComplaint.__typename).toBe('NotFoundError');
    const opened = (await as('manager')(OPEN, { f: id })).data!.openComplaint;
    expect(opened).toMatchObject({ __typename: 'WorkflowInstance', key: 'complaint', status: 'running', businessKey: `feedback:${id}`, variables: { priority: 'P3' } });
    expect((await feedbackRow(id)).complaint_instance_id).toBe(opened.id);
    expect((await as('manager')(OPEN, { f: id })).data!.openComplaint.__typename).toBe('ConflictError');
    expect((await as('manager')(OPEN, { f: 999_999 })).data!.openComplaint.__typename).toBe('NotFoundError');
    // a feedback key belongs to the complaint process alone, and the complaint process needs one
    const other = await as('manager')('mutation ($b: String) { startWorkflow(key: "innovation-fund", businessKey: $b, variables: { title: "x" }) { __typename } }', { b: `feedback:${id}` });
    expect(other.data!.startWorkflow.__typename).toBe('ValidationError');
    const bare = await as('manager')('mutation { startWorkflow(key: "complaint", variables: {}) { __typename } }');
    expect(bare.data!.startWorkflow.__typename).toBe('ValidationError');
  });
});

describe('a feedback cluster opening a standard revision, with evidence', () => {
  let findings: { id: number; itemKey: string }[];
  let cluster: number[];

  beforeAll(async () => {
    findings = await failStandardItems(t.em(), as('inspector'), 1, 'M03.P01.W002', ['sillGrooveClear', 'panelNoSmudge'], 'loop-evidence-1');
    cluster = [
      await insertFeedback(t.em(), { projectId: 1, text: '电梯地坎里全是沙子，轮椅都卡住了', problemType: 'cleanliness', priority: 'P2', module: 'M03', touchpoints: ['TP-077'], intensity: 2, receivedAt: daysAgo(3) }),
      await insertFeedback(t.em(), { projectId: 1, text: '电梯里脏兮兮的，镜子上全是手印', problemType: 'cleanliness', priority: 'P3', module: 'M03', touchpoints: ['TP-075'], intensity: 1, receivedAt: daysAgo(2) }),
    ];
    // outside the cluster: another type, another period, another organisation
    await insertFeedback(t.em(), { projectId: 1, text: '停车场车位太少', problemType: 'parking', priority: 'P3', module: 'M06', receivedAt: daysAgo(2) });
    await insertFeedback(t.em(), { projectId: 1, text: '去年电梯很脏', problemType: 'cleanliness', priority: 'P3', module: 'M03', touchpoints: ['TP-075'], receivedAt: daysAgo(400) });
    await insertFeedback(t.em(), { projectId: projectOfOrg2, text: '悦居的电梯也脏', problemType: 'cleanliness', priority: 'P3', module: 'M03', touchpoints: ['TP-075'], receivedAt: daysAgo(2) });
  }, 120_000);

  it('refuses bad input and a cluster with nothing in it, starting nothing', async () => {
    const base = { standardCode: 'M03.P01.W002', problemType: 'cleanliness', from: dayOf(daysAgo(30)), to: today };
    const issues = async (input: Record<string, unknown>) => (await as('manager')(FROM_CLUSTER, { i: input })).data!.openStandardRevisionFromCluster;
    expect(await issues({ ...base, problemType: 'dirt' })).toMatchObject({ __typename: 'ValidationError', issues: [{ pointer: '/problemType' }] });
    expect(await issues({ ...base, from: '2026-02-30' })).toMatchObject({ __typename: 'ValidationError', issues: [{ pointer: '/from' }] });
    expect(await issues({ ...base, from: today, to: dayOf(daysAgo(30)) })).toMatchObject({ __typename: 'ValidationError', issues: [{ pointer: '/from' }] });
    expect(await issues({ ...base, standardCode: 'M99.P01.W001' })).toMatchObject({ __typename: 'NotFoundError' });
    expect(await issues({ ...base, from: '2020-01-01', to: '2020-01-31' })).toMatchObject({ __typename: 'ValidationError' });
    expect((await as('pm')(FROM_CLUSTER, { i: base })).data!.openStandardRevisionFromCluster.__typename).toBe('ForbiddenError');
    expect(await t.em().execute(`select id from workflow_instance where definition_key = 'standard-revision'`)).toEqual([]);
  });

  it('stores the cluster\'s feedback and the standard\'s findings in the same projects and period, starts the revision, and shows the reviewer the evidence', async () => {
    const started = (await as('manager')(FROM_CLUSTER, { i: { standardCode: 'M03.P01.W002', problemType: 'cleanliness', from: dayOf(daysAgo(30)), to: today, note: '地坎清理频次不足' } })).data!.openStandardRevisionFromCluster;
    expect(started).toMatchObject({ __typename: 'WorkflowInstance', key: 'standard-revision', businessKey: 'M03.P01.W002', variables: { code: 'M03.P01.W002', problemType: 'cleanliness', reason: expect.stringContaining('反馈 2 条、不合格项 2 条') } });
    const stored = await t.em().execute<{ kind: string; item_id: number; organisation_id: number }[]>('select kind, item_id, organisation_id from revision_evidence where instance_id = ? order by kind, item_id', [started.id]);
    expect(stored).toEqual([...cluster.map((id) => ({ kind: 'feedback', item_id: id, organisation_id: 1 })), ...findings.map((f) => ({ kind: 'finding', item_id: f.id, organisation_id: 1 }))]);
    // the reviewer reads it
    const evidence = (await as('reviewer')(EVIDENCE_LIST, { i: started.id })).data!.revisionEvidence;
    expect(evidence.__typename).toBe('QueryRevisionEvidenceSuccess');
    expect(evidence.data.map((e: { kind: string; itemId: number }) => [e.kind, e.itemId])).toEqual([...cluster.map((id) => ['feedback', id]), ...findings.map((f) => ['finding', f.id])]);
    expect(evidence.data[0]).toMatchObject({ text: expect.stringContaining('地坎'), date: dayOf(daysAgo(3)), projectId: 1, projectName: expect.any(String), label: '环境卫生' });
    expect(evidence.data[2]).toMatchObject({ text: expect.stringContaining('M03.P01.W002'), date: today });
    // another organisation cannot see it; a second revision of the same standard is refused while this one runs
    expect((await as('yj-manager')(EVIDENCE_LIST, { i: started.id })).data!.revisionEvidence.__typename).toBe('NotFoundError');
    expect((await as('manager')(FROM_CLUSTER, { i: { standardCode: 'M03.P01.W002', problemType: 'cleanliness', from: dayOf(daysAgo(30)), to: today } })).data!.openStandardRevisionFromCluster.__typename).toBe('ConflictError');
    // and the revision runs as shipped: a draft opened with the reason
    const draft = (await as('manager')('{ standard(code: "M03.P01.W002") { ... on Standard { draft { status note } } } }')).data!.standard.draft;
    expect(draft).toMatchObject({ status: 'draft', note: expect.stringContaining('地坎清理频次不足') });
  });
});

describe('the review pack of a standard', () => {
  it('counts per item the findings against it and the feedback touching it, per month, with the texts to read first; also as a workbook', async () => {
    const since = dayOf(daysAgo(60));
    const pack = (await as('manager')(PACK, { c: 'M03.P01.W002', s: since })).data!.reviewPack;
    expect(pack).toMatchObject({ __typename: 'ReviewPack', code: 'M03.P01.W002', since });
    const item = (key: string) => pack.items.find((i: { key: string }) => i.key === key);
    // the sill groove item (TP-077): its finding, and the feedback about the sill
    expect(item('sillGrooveClear')).toMatchObject({ touchpoints: ['TP-077'], findings: 1, feedback: 1 });
    expect(item('sillGrooveClear').topTexts.map((x: { kind: string }) => x.kind)).toEqual(['feedback', 'finding']);
    // the panels item (TP-075): its finding, and the smudge feedback (not the one of the other organisation, nor last year's)
    expect(item('panelNoSmudge')).toMatchObject({ findings: 1, feedback: 1 });
    // the overall rating names all three touchpoints: both feedback items touch it; no finding
    expect(item('carCleanlinessRating')).toMatchObject({ findings: 0, feedback: 2 });
    expect(item('buttonDisinfectionsPerDay')).toMatchObject({ findings: 0, feedback: 0 });
    expect(pack).toMatchObject({ findings: 2, feedback: 2 });
    const months = item('carCleanlinessRating').months;
    expect(months[0].month).toBe(since.slice(0, 7));
    expect(months.reduce((n: number, m: { feedback: number }) => n + m.feedback, 0)).toBe(2);
    // by default: since the current version's publication
    const current = (await as('manager')(PACK, { c: 'M03.P01.W002' })).data!.reviewPack;
    const [published] = await t.em().execute<{ published_at: Date }[]>(`select v.published_at from standard_version v join standard_document d on d.code = v.code and d.published_version = v.version where d.code = 'M03.P01.W002'`);
    expect(current.since).toBe(new Date(published.published_at).toISOString().slice(0, 10));
    // bad input
    expect((await as('manager')(PACK, { c: 'M03.P01.W002', s: 'yesterday' })).data!.reviewPack.__typename).toBe('ValidationError');
    expect((await as('manager')(PACK, { c: 'NOPE' })).data!.reviewPack.__typename).toBe('NotFoundError');
    expect((await as('inspector')(PACK, { c: 'M03.P01.W002' })).data!.reviewPack.__typename).toBe('ForbiddenError');
    // the workbook has a row per item with the same counts
    const book = await reviewPackWorkbook(managerCtx(), 'M03.P01.W002', since);
    const rows = readWorkbook(book.bytes)['评审资料'];
    const sill = rows.find((r) => r[0] === 'sillGrooveClear')!;
    expect(sill.slice(3, 5)).toEqual([1, 1]);
    expect(String(sill[sill.length - 1])).toContain('地坎');
  });
});
