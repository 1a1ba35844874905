import { readFileSync } from 'node:fs';
import { startTestApp, type TestApp } from '../../test/harness.ts';
import { seed } from '../bootstrap.ts';
import { SYSTEM_ACTOR } from '../../domain/shared/access.ts';
import { deployShippedWorkflows, openPendingRectifications, SHIPPED_DEFINITIONS } from '../../domain/findings/rectification.service.ts';
import { deployWorkflow } from '../../domain/workflows/definition.service.ts';
import { failingValue, passingAnswers } from '../../domain/checklists/sample-answers.ts';
import type { ChecklistItem } from '../../domain/checklists/generate.ts';

/** Deadlines from the standard: each rectification step is due by the finding's 整改时限, the process's timers the default. */
let t: TestApp;
let tokens: Record<string, string>;
const gql = (who: string, q: string, v: Record<string, unknown> = {}) => t.gql(q, v, tokens[who]);
const SHIPPED = readFileSync(new URL('rectification.bpmn', SHIPPED_DEFINITIONS), 'utf8');
/** The rectification as the earlier release shipped it: fixed timers (48 h, 72 h) and no verify deadline. */
const EARLIER = SHIPPED.replace(/ pinzhi:durationExpression="[^"]*"/g, '').split('\n').filter((line) => !/verifyDeadline|remindVerify|verifyEscalated|verifyLate|"l[56](_di)?"/.test(line)).join('\n');
const PHOTO = 'f'.repeat(64);
const DEPLOY = `mutation ($k: String!, $x: String!) { deployWorkflow(key: $k, bpmnXml: $x) { __typename
  ... on DeployWorkflowSuccess { created definition { version } } ... on ValidationError { message issues { pointer message } } ... on Error { message } } }`;
const TASKS = `query ($id: Int!) { workflowInstance(id: $id) { ... on WorkflowInstance { version variables tasks { id elementId status dueAt createdAt } } } }`;
const COMPLETE = 'mutation ($id: Int!, $d: JSON) { completeTask(id: $id, data: $d) { __typename ... on Error { message } } }';
const DATA: Record<string, Record<string, unknown>> = {
  analyse: { cause: '保洁员漏做专项清洁', plan: '调整排班并增加巡查' },
  rectify: { measures: '已完成专项清洁并复查', evidencePhotos: [PHOTO] },
  verify: { passed: true, evidencePhotos: [PHOTO] },
};

interface Task { id: number; elementId: string; status: string; dueAt: string | null; createdAt: string }
const instanceOf = async (findingId: number) => (await t.em().execute<{ id: number }[]>(`select id from workflow_instance where business_key = ? order by id desc limit 1`, [`finding:${findingId}`]))[0].id;
const tasksOf = async (instance: number) => (await gql('manager', TASKS, { id: instance })).data.workflowInstance as { version: number; variables: Record<string, unknown>; tasks: Task[] };
const openTask = async (instance: number) => (await tasksOf(instance)).tasks.find((x) => x.status === 'open')!;
/** Hours from a task's opening to its due time. */
const hoursDue = (task: Task) => Math.round((Date.parse(task.dueAt!) - Date.parse(task.createdAt)) / 3_600_000);
const completeOpen = async (instance: number, who: string) => {
  const task = await openTask(instance);
  expect((await gql(who, COMPLETE, { id: task.id, d: DATA[task.elementId] })).data.completeTask.__typename).toBe('WorkflowTask');
  return task;
};

/** Submits an inspection of project 1 in which the given items fail; returns the findings by item id. */
async function failItems(submission: string, items: ChecklistItem[], all: ChecklistItem[], checklistId: string): Promise<Map<string, { id: number; rectifyWithinHours: number | null; rectifyDueAt: string | null }>> {
  const photos = Array(10).fill(0).map((_, i) => String(i).repeat(64));
  const failing = new Set(items.map((i) => i.id));
  const answers = passingAnswers(all, photos).map((a) => (failing.has(a.itemId) ? { itemId: a.itemId, value: failingValue(all.find((i) => i.id === a.itemId)!), photos: [PHOTO] } : a));
  for (const a of answers) for (const p of [...(a.photos ?? []), ...(Array.isArray(a.value) ? a.value : [])]) await t.em().execute(`insert into photo (organisation_id, sha256, mime, bytes, uploaded_by, created_at) values (1, ?, 'image/png', 9, 'inspector', now()) on conflict do nothing`, [p]);
  const submitted = await gql('inspector', `mutation ($c: String!, $s: String!, $a: [AnswerInput!]!) { submitInspection(checklistId: $c, clientSubmissionId: $s, answers: $a) { __typename
    ... on SubmitInspectionSuccess { inspection { findings { id itemId rectifyWithinHours rectifyDueAt } } } ... on Error { message } } }`, { c: checklistId, s: submission, a: answers });
  return new Map(submitted.data.submitInspection.inspection.findings.map((f: { itemId: string }) => [f.itemId, f]));
}

let items: ChecklistItem[];
let checklistId: string;
const major = (hours: number) => items.find((i) => i.severity === 'major' && i.input === 'boolean' && i.rectifyWithinHours === hours)!;

beforeAll(async () => {
  t = await startTestApp({ demoUsers: false });
  await seed(t.app, () => {});
  tokens = Object.fromEntries(await Promise.all(['manager', 'inspector', 'pm', 'admin'].map(async (u) => [u, await t.login(u)])));
  const list = (await gql('inspector', `{ checklist(projectId: 1, tier: quarterly, scope: "M03") { ... on Checklist { id items { id code version key module title criterion { zh en } input unit options evidence severity weight tiers touchpoints place rectifyWithinHours schema } } } }`)).data.checklist;
  items = list.items;
  checklistId = list.id;
}, 300_000); // the shipped library's three editions imported, beside other test files on two cores
afterAll(() => t.close());

describe('upgrading the shipped rectification', () => {
  it('deploys the new version over one an earlier release shipped; running instances stay on theirs', async () => {
    // given a store where an earlier release deployed the rectification, with one running for a 24-hour finding
    await deployWorkflow(t.app.context(SYSTEM_ACTOR), 'rectification', EARLIER);
    const findings = await failItems('upgrade-1', [major(24)], items, checklistId);
    expect(await openPendingRectifications(t.app.context(SYSTEM_ACTOR), SYSTEM_ACTOR)).toBe(1);
    const old = await instanceOf(findings.get(major(24).id)!.id);
    // when the new release starts
    expect(await deployShippedWorkflows(t.em(), SYSTEM_ACTOR)).toEqual(['complaint', 'innovation-fund', 'rectification', 'standard-revision']);
    expect(await deployShippedWorkflows(t.em(), SYSTEM_ACTOR)).toEqual([]);
    // then the running instance keeps version 1 and its fixed deadlines, and completes there
    expect(await tasksOf(old)).toMatchObject({ version: 1, tasks: [{ elementId: 'analyse' }] });
    expect(hoursDue(await completeOpen(old, 'pm'))).toBe(48);
    expect(hoursDue(await openTask(old))).toBe(72);
    await completeOpen(old, 'pm');
    expect(await openTask(old)).toMatchObject({ elementId: 'verify', dueAt: null });
    const [{ version }] = await t.em().execute<{ version: number }[]>(`select max(version) as version from workflow_definition where key = 'rectification'`);
    expect(version).toBe(2);
  });
});

describe('deadlines from the finding\'s item', () => {
  let instance24: number;
  let instance48: number;

  it('give a finding whose item says 24 h an analysis and a rectify task due in 24 h', async () => {
    // given a failed major item whose standard says 整改时限 24 h
    const findings = await failItems('deadline-24', [major(24), major(48)], items, checklistId);
    const finding = findings.get(major(24).id)!;
    expect(finding.rectifyWithinHours).toBe(24);
    // when its rectification opens (as the queue does after the submission)
    expect(await openPendingRectifications(t.app.context(SYSTEM_ACTOR), SYSTEM_ACTOR)).toBe(2);
    instance24 = await instanceOf(finding.id);
    instance48 = await instanceOf(findings.get(major(48).id)!.id);
    // then it runs on the new version with the item's hours, and each step is due by them
    const opened = await tasksOf(instance24);
    expect(opened).toMatchObject({ version: 2, variables: { rectifyWithinHours: 24 } });
    expect(opened.tasks.map((x) => [x.elementId, hoursDue(x)])).toEqual([['analyse', 24]]);
    await completeOpen(instance24, 'pm');
    const rectify = await openTask(instance24);
    expect([rectify.elementId, hoursDue(rectify)]).toEqual(['rectify', 24]);
    // and the armed timer is the task's deadline
    const [timer] = await t.em().execute<{ due_at: Date }[]>(`select due_at from workflow_timer where instance_id = ? and element_id = 'rectifyDeadline' and status = 'armed'`, [instance24]);
    expect(new Date(timer.due_at).toISOString()).toBe(rectify.dueAt);
  });

  it('caps the analysis at 48 h and gives the rectify step the item\'s own hours', async () => {
    expect(hoursDue(await completeOpen(instance48, 'pm'))).toBe(48);
    expect(hoursDue(await openTask(instance48))).toBe(48);
  });

  it('applies the process defaults (48 h, 72 h) to a finding whose item gives no 整改时限', async () => {
    // given a finding recorded without hours (its standard gave none)
    const [free] = await t.em().execute<{ id: number }[]>(`insert into finding (inspection_id, project_id, item_id, code, version, module, item_key, title, severity, weight, expected_zh, expected_en, actual_json, reasons_json, touchpoints, photos, status, found_on, created_at)
      select inspection_id, project_id, item_id, code, version, module, item_key, title, 'minor', weight, expected_zh, expected_en, actual_json, reasons_json, touchpoints, photos, 'open', found_on, now() from finding limit 1 returning id`);
    const opened = await gql('inspector', 'mutation ($f: Int!) { requestRectification(findingId: $f) { __typename ... on WorkflowInstance { id } } }', { f: free.id });
    const instance = opened.data.requestRectification.id;
    // then the diagram's literal durations apply
    expect((await tasksOf(instance)).variables.rectifyWithinHours).toBeNull();
    expect(hoursDue(await completeOpen(instance, 'pm'))).toBe(48);
    expect(hoursDue(await openTask(instance))).toBe(72);
  });

  it('gives the verify step a deadline of its own', async () => {
    await completeOpen(instance24, 'pm');
    const verify = await openTask(instance24);
    expect([verify.elementId, hoursDue(verify)]).toEqual(['verify', 24]);
  });

  it('measures the on-time rate of each step against its task\'s own due time', async () => {
    // given two rectify tasks opened 30 hours ago: one due after 24 h (the item's), one after 48 h
    await completeOpen(instance24, 'inspector');
    const findings = await failItems('deadline-kpi', [major(24)], items, checklistId);
    expect(await openPendingRectifications(t.app.context(SYSTEM_ACTOR), SYSTEM_ACTOR)).toBe(1);
    const late = await instanceOf(findings.get(major(24).id)!.id);
    await completeOpen(late, 'pm');
    for (const instance of [late, instance48]) {
      await t.em().execute(`update workflow_task set created_at = created_at - interval '30 hours', due_at = due_at - interval '30 hours' where instance_id = ? and status = 'open'`, [instance]);
    }
    // when both are completed now
    await completeOpen(late, 'pm');
    await completeOpen(instance48, 'pm');
    // then the 24-hour one is late and the 48-hour one on time (a fixed 72 h would call both on time)
    const kpis = (await gql('manager', '{ rectificationKpis(groupBy: project) { key steps { step completed onTime onTimeRate } } }')).data.rectificationKpis;
    const rectify = kpis[0].steps.find((s: { step: string }) => s.step === 'rectify');
    const [lateTask] = await t.em().execute<{ on_time: boolean }[]>(`select completed_at <= due_at as on_time from workflow_task where instance_id = ? and element_id = 'rectify'`, [late]);
    const [timelyTask] = await t.em().execute<{ on_time: boolean }[]>(`select completed_at <= due_at as on_time from workflow_task where instance_id = ? and element_id = 'rectify'`, [instance48]);
    expect([lateTask.on_time, timelyTask.on_time]).toEqual([false, true]);
    // with the upgraded instance's (72 h) and the first 24-hour finding's, done at once: 3 of 4 on time
    expect(rectify).toEqual({ step: 'rectify', completed: 4, onTime: 3, onTimeRate: 0.75 });
  });
});

describe('deploying a timer whose duration expression is wrong', () => {
  it('is a typed error naming the element, and stores nothing', async () => {
    const [{ n: before }] = await t.em().execute<{ n: string }[]>(`select count(*) as n from workflow_definition`);
    const notDuration = SHIPPED.replace(/pinzhi:durationExpression="if rectifyWithinHours &gt; 0 then[^"]*"/, 'pinzhi:durationExpression="&quot;三天&quot;"');
    expect(notDuration).not.toBe(SHIPPED);
    const refused = (await gql('manager', DEPLOY, { k: 'rectification', x: notDuration })).data.deployWorkflow;
    expect(refused).toMatchObject({ __typename: 'ValidationError', issues: [{ pointer: '/rectifyDeadline', message: expect.stringContaining('the duration expression gives "三天", not a duration') }] });
    const unparsable = SHIPPED.replace('pinzhi:durationExpression="if rectifyWithinHours &gt; 0 then', 'pinzhi:durationExpression="if rectifyWithinHours &gt;&gt; 0 then');
    expect((await gql('manager', DEPLOY, { k: 'rectification', x: unparsable })).data.deployWorkflow).toMatchObject({ __typename: 'ValidationError', issues: [{ pointer: '/rectifyDeadline', message: expect.stringContaining('not valid FEEL') }] });
    const [{ n: after }] = await t.em().execute<{ n: string }[]>(`select count(*) as n from workflow_definition`);
    expect(after).toBe(before);
  });

  it('leaves a version an administrator deployed in place when the shipped one differs', async () => {
    const own = SHIPPED.replace('<bpmn:timeDuration xsi:type="bpmn:tFormalExpression">PT24H</bpmn:timeDuration>', '<bpmn:timeDuration xsi:type="bpmn:tFormalExpression">PT12H</bpmn:timeDuration>');
    expect((await gql('manager', DEPLOY, { k: 'rectification', x: own })).data.deployWorkflow).toMatchObject({ created: true, definition: { version: 3 } });
    expect(await deployShippedWorkflows(t.em(), SYSTEM_ACTOR)).toEqual([]);
    const [{ version }] = await t.em().execute<{ version: number }[]>(`select max(version) as version from workflow_definition where key = 'rectification'`);
    expect(version).toBe(3);
  });
});
