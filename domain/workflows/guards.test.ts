import { startTestApp, type TestApp } from '../../test/harness.ts';
import { seed } from '../../server/bootstrap.ts';
import { SYSTEM_ACTOR, organisationActor, type Actor } from '../shared/access.ts';
import { closeFindingOf } from '../findings/finding.repository.ts';
import { deployWorkflow } from './definition.service.ts';
import { cancelInstance, startWorkflow } from './instance.service.ts';
import { claimTask, completeTask } from './task.service.ts';
import { fireDueTimers } from './timers/timer.service.ts';
import { deployShippedWorkflows, requestRectification } from '../findings/rectification.service.ts';
import { getChecklist } from '../checklists/checklist.service.ts';
import { submitInspection } from '../inspections/inspection.service.ts';
import { failingValue, passingAnswers } from '../checklists/sample-answers.ts';

/** The rules that keep processes, findings and tasks in their lanes. */
let t: TestApp;
let findingId: number;
let minorTitle: string;
const as = (username: string, role: Actor['roles'][number]) => t.app.context(organisationActor(username, [role]));
const manager = () => as('manager', 'quality_manager');
const XML = (body: string) => `<?xml version="1.0" encoding="UTF-8"?><bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL" xmlns:pinzhi="urn:pinzhi:bpmn" id="d" targetNamespace="urn:t"><bpmn:process id="p" isExecutable="true"><bpmn:startEvent id="s" />${body}<bpmn:endEvent id="e" /></bpmn:process></bpmn:definitions>`;
const ASSIGNED = XML('<bpmn:userTask id="confirm" name="确认" pinzhi:candidateRole="quality_manager" pinzhi:assignee="who" /><bpmn:sequenceFlow id="f1" sourceRef="s" targetRef="confirm" /><bpmn:sequenceFlow id="f2" sourceRef="confirm" targetRef="e" />');
const AFTER_TIMER = XML('<bpmn:intermediateCatchEvent id="wait"><bpmn:timerEventDefinition><bpmn:timeDuration>PT1H</bpmn:timeDuration></bpmn:timerEventDefinition></bpmn:intermediateCatchEvent><bpmn:userTask id="confirm" name="确认" pinzhi:candidateRole="quality_manager" pinzhi:assignee="who" /><bpmn:sequenceFlow id="f1" sourceRef="s" targetRef="wait" /><bpmn:sequenceFlow id="f2" sourceRef="wait" targetRef="confirm" /><bpmn:sequenceFlow id="f3" sourceRef="confirm" targetRef="e" />');
const status = async (id: number) => (await t.em().execute<{ status: string }[]>('select status from finding where id = ?', [id]))[0].status;

beforeAll(async () => {
  t = await startTestApp();
  await seed(t.app, () => {});
  await deployShippedWorkflows(t.em(), SYSTEM_ACTOR);
  await deployWorkflow(manager(), 'assigned', ASSIGNED);
  await deployWorkflow(manager(), 'assigned-later', AFTER_TIMER);
  // a minor finding, from a submitted inspection
  const inspector = as('inspector', 'inspector');
  const { checklist } = await getChecklist(inspector, { projectId: 1, tier: 'quarterly', scope: 'M03.P01' });
  const photos = ['a', 'b', 'c', 'd', 'e'].map((c) => c.repeat(64));
  for (const p of photos) await t.em().execute(`insert into photo (organisation_id, sha256, mime, bytes, uploaded_by, created_at) values (1, ?, 'image/png', 9, 'inspector', now())`, [p]);
  const minor = checklist.items.find((i) => i.severity === 'minor' && failingValue(i) !== null)!;
  const answers = passingAnswers(checklist.items, photos).map((a) => (a.itemId === minor.id ? { itemId: a.itemId, value: failingValue(minor), photos: [photos[0]] } : a));
  minorTitle = minor.title;
  const { inspection } = await submitInspection(inspector, { checklistId: checklist.id, clientSubmissionId: 'guards-1', answers });
  [{ id: findingId }] = await t.em().execute<{ id: number }[]>('select id from finding where inspection_id = ?', [inspection.id]);
}, 300_000); // the shipped library's three editions imported, beside other test files on two cores
afterAll(() => t.close());

describe('finding business keys', () => {
  it('belong to the rectification: another process may not take one', async () => {
    await expect(startWorkflow(as('inspector', 'inspector'), 'innovation-fund', {}, `finding:${findingId}`)).rejects.toMatchObject({ name: 'ValidationError', issues: [{ pointer: '/businessKey' }] });
    await expect(startWorkflow(manager(), 'innovation-fund', {}, ' FINDING:1')).rejects.toMatchObject({ issues: [{ pointer: '/businessKey' }] });
    expect(await status(findingId)).toBe('open');
  });

  it('start a rectification only for an existing open finding, once at a time; cancelling gives the finding back', async () => {
    await expect(startWorkflow(manager(), 'rectification', {}, 'finding:99999')).rejects.toMatchObject({ name: 'NotFoundError' });
    // the finding's own facts win over variables given at the start
    const instance = await startWorkflow(manager(), 'rectification', { severity: 'critical', title: 'forged' }, `finding:${findingId}`);
    expect(instance.snapshot.context?.variables).toMatchObject({ findingId, severity: 'minor', title: minorTitle });
    expect(await status(findingId)).toBe('rectifying');
    await expect(requestRectification(manager(), findingId)).rejects.toMatchObject({ name: 'ConflictError' });
    await cancelInstance(manager(), instance.id, '重复发起');
    expect(await status(findingId)).toBe('open');
    expect((await requestRectification(manager(), findingId))).toEqual(expect.any(Number));
  });

  it('are closed only when a rectification ends', async () => {
    const [{ id }] = await t.em().execute<{ id: number }[]>(`select id from finding where id = ?`, [findingId]);
    await closeFindingOf(t.em(), 'innovation-fund', `finding:${id}`);
    expect(await status(id)).toBe('rectifying');
    await closeFindingOf(t.em(), 'rectification', `finding:${id}`);
    expect(await status(id)).toBe('closed');
    // a closed finding is not rectified again (its running rectification cancelled first, here)
    const [running] = await t.em().execute<{ id: number }[]>(`select id from workflow_instance where business_key = ? and status = 'running'`, [`finding:${id}`]);
    await cancelInstance(manager(), running.id, '测试');
    expect(await status(id)).toBe('closed');
    await expect(requestRectification(manager(), id)).rejects.toMatchObject({ name: 'ConflictError', message: expect.stringMatching(/is closed/) });
  });
});

describe('assignees', () => {
  it('must hold the task\'s role, or the start is refused', async () => {
    await expect(startWorkflow(manager(), 'assigned', { who: 'auditor' })).rejects.toMatchObject({ name: 'ValidationError', issues: [{ pointer: '/confirm' }] });
    await expect(startWorkflow(manager(), 'assigned', { who: 'ghost' })).rejects.toMatchObject({ name: 'ValidationError' });
    const ok = await startWorkflow(manager(), 'assigned', { who: 'manager' });
    const [task] = await t.em().execute<{ id: number; assignee: string }[]>(`select id, assignee from workflow_task where instance_id = ?`, [ok.id]);
    expect(task.assignee).toBe('manager');
  });

  it('give no one a task outside their role: an auditor named as assignee still cannot complete it', async () => {
    // given a task assigned (before this rule) to an auditor
    const started = await startWorkflow(manager(), 'assigned', { who: 'manager' });
    const [task] = await t.em().execute<{ id: number }[]>(`select id from workflow_task where instance_id = ?`, [started.id]);
    await t.em().execute(`update workflow_task set assignee = 'auditor' where id = ?`, [task.id]);
    // then the auditor may neither claim nor complete it
    await expect(claimTask(as('auditor', 'auditor'), task.id)).rejects.toMatchObject({ name: 'ForbiddenError' });
    await expect(completeTask(as('auditor', 'auditor'), task.id, {})).rejects.toMatchObject({ name: 'ForbiddenError' });
  });

  it('after a timer, a task whose assignee lacks the role goes to the role, and the history says so', async () => {
    const started = await startWorkflow(manager(), 'assigned-later', { who: 'auditor' });
    await t.em().execute(`update workflow_timer set due_at = now() - interval '1 second' where instance_id = ?`, [started.id]);
    expect(await fireDueTimers(t.app.context(SYSTEM_ACTOR))).toBe(1);
    const [task] = await t.em().execute<{ assignee: string | null; candidate_role: string }[]>(`select assignee, candidate_role from workflow_task where instance_id = ?`, [started.id]);
    expect(task).toEqual({ assignee: null, candidate_role: 'quality_manager' });
    const [history] = await t.em().execute<{ detail_json: string }[]>(`select detail_json from workflow_history where instance_id = ? and event = 'timer'`, [started.id]);
    expect(JSON.parse(history.detail_json).effects).toEqual([{ kind: 'unassigned', tasks: [{ task: 'confirm', assignee: 'auditor', role: 'quality_manager' }] }]);
  });
});
