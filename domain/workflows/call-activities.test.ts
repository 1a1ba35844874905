import { readFileSync } from 'node:fs';
import { startTestApp, type TestApp } from '../../test/harness.ts';
import { fireDueTimers } from './timers/timer.service.ts';
import { SYSTEM_ACTOR } from '../shared/access.ts';

/**
 * Call activities run on a database: the called process started with the caller's variables and
 * business key, linked both ways, its end moving the caller on (its error caught by the call
 * activity's error boundary event), a cancel reaching down; and deploying refused while a called
 * process is missing or the calls go round. A service task failing with no error boundary event fails
 * its step, as before.
 */
const fixture = (name: string) => readFileSync(new URL(`./compiler/fixtures/${name}.bpmn`, import.meta.url), 'utf8');
const DEPLOY = `mutation ($k: String!, $x: String!) { deployWorkflow(key: $k, bpmnXml: $x) { __typename ... on ValidationError { message issues { pointer message } } ... on Error { message } } }`;
const START = `mutation ($k: String!, $v: JSON, $b: String) { startWorkflow(key: $k, variables: $v, businessKey: $b) { __typename ... on WorkflowInstance { id status } ... on Error { message } } }`;
const INSTANCE = `query ($id: Int!) { workflowInstance(id: $id) { ... on WorkflowInstance { id key status states variables businessKey incidentCode parentElement parentInstance { id }
  tasks { id elementId status } calledInstances { id key status businessKey parentElement variables tasks { id elementId status } } } } }`;
const COMPLETE = `mutation ($id: Int!, $d: JSON) { completeTask(id: $id, data: $d) { __typename ... on Error { message } } }`;
const CANCEL = `mutation ($id: Int!) { cancelInstance(id: $id, reason: "重复发起") { ... on WorkflowInstance { status } ... on Error { message } } }`;

let t: TestApp;
let admin: string;
const view = async (id: number) => (await t.gql(INSTANCE, { id }, admin)).data.workflowInstance;
const deploy = async (key: string, xml: string) => (await t.gql(DEPLOY, { k: key, x: xml }, admin)).data.deployWorkflow;
const start = async (businessKey: string) => {
  const started = (await t.gql(START, { k: 'call-activity', v: { site: 'A 区' }, b: businessKey }, admin)).data.startWorkflow;
  expect(started).toMatchObject({ __typename: 'WorkflowInstance', status: 'running' });
  return started.id as number;
};
const complete = async (taskId: number, data: Record<string, unknown> = {}) => expect((await t.gql(COMPLETE, { id: taskId, d: data }, admin)).data?.completeTask).toEqual({ __typename: 'WorkflowTask' });
const openTask = (v: { tasks: { id: number; elementId: string; status: string }[] }, element: string) => v.tasks.find((x) => x.elementId === element && x.status === 'open')!;

beforeAll(async () => {
  t = await startTestApp();
  admin = await t.login('admin');
  // the called processes first: deploying the caller is refused while they are missing
  const early = await deploy('call-activity', fixture('call-activity'));
  expect(early.__typename).toBe('ValidationError');
  expect(early.issues).toEqual(expect.arrayContaining([
    { pointer: '/check', message: 'call activity check calls call-check, which is not deployed' },
    { pointer: '/tell', message: 'call activity tell calls call-notify, which is not deployed' },
  ]));
  for (const key of ['call-check', 'call-notify', 'call-activity']) expect((await deploy(key, fixture(key))).__typename).toBe('DeployWorkflowSuccess');
}, 60_000);
afterAll(() => t.close());

describe('a call activity on a database', () => {
  it('starts the called process with the caller\'s variables and business key, waits, and moves on with its variables when it completes', async () => {
    // given a caller started: it waits in the call activity for the instance it started
    const id = await start('site:1');
    const waiting = await view(id);
    expect(waiting).toMatchObject({ status: 'running', states: ['check'], parentInstance: null, parentElement: null });
    expect(waiting.calledInstances).toEqual([expect.objectContaining({ key: 'call-check', status: 'running', businessKey: 'site:1', parentElement: 'check', variables: { site: 'A 区' } })]);
    const child = waiting.calledInstances[0];
    expect((await view(child.id)).parentInstance).toEqual({ id });
    // when the called process's task is completed
    await complete(openTask(child, 'inspect').id, { hazard: false, score: 5 });
    // then the called instance completed, the caller went through the second call (which ended as it started) to its own task, with the called variables
    const after = await view(id);
    expect(after).toMatchObject({ status: 'running', states: ['close'], variables: { site: 'A 区', hazard: false, score: 5 } });
    expect(after.calledInstances.map((c: { key: string; status: string }) => [c.key, c.status])).toEqual([['call-check', 'completed'], ['call-notify', 'completed']]);
    await complete(openTask(after, 'close').id);
    expect((await view(id)).status).toBe('completed');
  });

  it('ends the called instance as failed on its error end event, and the call activity\'s error boundary event catches the error', async () => {
    // given a caller waiting for its called instance
    const id = await start('site:2');
    const child = (await view(id)).calledInstances[0];
    // when the called process ends in its error end event
    await complete(openTask(child, 'inspect').id, { hazard: true });
    // then the called instance failed and the caller left along its error boundary event
    expect(await view(child.id)).toMatchObject({ status: 'failed', incidentCode: 'instance.ended_in_error' });
    const caller = await view(id);
    expect(caller).toMatchObject({ status: 'running', states: ['stopWork'] });
    await complete(openTask(caller, 'stopWork').id);
    expect((await view(id)).status).toBe('completed');
  });

  it('stops the caller as an incident when its called instance is cancelled and no boundary catches the failure', async () => {
    // given a caller waiting for its called instance
    const id = await start('site:3');
    const child = (await view(id)).calledInstances[0];
    // when the called instance is cancelled on its own
    expect((await t.gql(CANCEL, { id: child.id }, admin)).data.cancelInstance).toEqual({ status: 'cancelled' });
    // then the caller stopped as an incident naming its call activity (its error boundary catches UNSAFE only)
    expect(await view(id)).toMatchObject({ status: 'incident', states: ['__incident'], incidentCode: 'instance.call_failed' });
  });

  it('cancels the called instance with its caller', async () => {
    // given a caller waiting for its called instance
    const id = await start('site:4');
    const child = (await view(id)).calledInstances[0];
    // when the caller is cancelled
    expect((await t.gql(CANCEL, { id }, admin)).data.cancelInstance).toEqual({ status: 'cancelled' });
    // then the called instance is cancelled too, its task with it
    const after = await view(child.id);
    expect(after.status).toBe('cancelled');
    expect(after.tasks.map((x: { status: string }) => x.status)).toEqual(['cancelled']);
  });

  it('cancels the called instance when the call activity\'s deadline takes the call away', async () => {
    // given a caller waiting for its called instance
    const id = await start('site:5');
    const child = (await view(id)).calledInstances[0];
    // when its 72-hour boundary timer falls due (moved to the past rather than waited for)
    await t.em().execute(`update workflow_timer set due_at = ? where instance_id = ? and status = 'armed'`, [new Date(Date.now() - 60_000), id]);
    expect(await fireDueTimers(t.app.context(SYSTEM_ACTOR))).toBe(1);
    // then the caller went on to chase, and the called instance was cancelled with its task
    expect(await view(id)).toMatchObject({ status: 'running', states: ['chase'] });
    const after = await view(child.id);
    expect(after.status).toBe('cancelled');
    expect(after.tasks.map((x: { status: string }) => x.status)).toEqual(['cancelled']);
  });

  it('delivers a message sent to the shared business key to the called instance waiting for it, and the caller ends with it', async () => {
    // given a caller whose called process waits for a supplier's reply
    const wait = fixture('call-notify').replace('<bpmn:process id="call-notify"', '<bpmn:message id="Reply" name="供应商回复" /><bpmn:process id="call-wait"')
      .replace('<bpmn:serviceTask id="tell" name="通知项目经理" pinzhi:action="notify" />', '<bpmn:receiveTask id="tell" name="等待回复" messageRef="Reply" />');
    const caller = fixture('call-notify').replace('<bpmn:process id="call-notify"', '<bpmn:process id="call-waiter"')
      .replace('<bpmn:serviceTask id="tell" name="通知项目经理" pinzhi:action="notify" />', '<bpmn:callActivity id="tell" name="等待供应商" calledElement="call-wait" />');
    expect((await deploy('call-wait', wait)).__typename).toBe('DeployWorkflowSuccess');
    expect((await deploy('call-waiter', caller)).__typename).toBe('DeployWorkflowSuccess');
    const started = (await t.gql(START, { k: 'call-waiter', v: {}, b: 'supplier:9' }, admin)).data.startWorkflow;
    const child = (await view(started.id)).calledInstances[0];
    // when the message is sent to the business key both hold
    const delivered = (await t.gql(`mutation { correlateMessage(name: "供应商回复", businessKey: "supplier:9", variables: { accepted: true }) { ... on CorrelateMessageSuccess { instanceIds } ... on Error { message } } }`, {}, admin)).data.correlateMessage;
    // then the called instance took it and ended, and its caller ended with its variables
    expect(delivered).toEqual({ instanceIds: [child.id] });
    expect(await view(started.id)).toMatchObject({ status: 'completed', variables: { accepted: true } });
  });

  it('refuses a process that calls itself, directly or through another, naming the call activity', async () => {
    // given a process calling itself, and one calling a deployed process that would call it back
    const self = fixture('call-notify').replace('<bpmn:serviceTask id="tell" name="通知项目经理" pinzhi:action="notify" />', '<bpmn:callActivity id="tell" name="再调用自己" calledElement="call-self" />');
    const loop = (calls: string) => fixture('call-notify').replace('<bpmn:serviceTask id="tell" name="通知项目经理" pinzhi:action="notify" />', `<bpmn:callActivity id="tell" name="调用" calledElement="${calls}" />`);
    // when they are deployed
    const direct = await deploy('call-self', self);
    expect((await deploy('call-a', fixture('call-notify'))).__typename).toBe('DeployWorkflowSuccess');
    expect((await deploy('call-b', loop('call-a'))).__typename).toBe('DeployWorkflowSuccess');
    const indirect = await deploy('call-a', loop('call-b'));
    // then each is refused, the call activity and the chain named
    expect(direct).toMatchObject({ __typename: 'ValidationError', issues: [{ pointer: '/tell', message: 'call activity tell calls call-self → call-self: a process may not call itself, directly or through others' }] });
    expect(indirect).toMatchObject({ __typename: 'ValidationError', issues: [{ pointer: '/tell', message: 'call activity tell calls call-a → call-b → call-a: a process may not call itself, directly or through others' }] });
  });
});

describe('a service task whose action fails, without an error boundary event', () => {
  it('fails the step as before: the start is refused and nothing is stored', async () => {
    // given the service-error process without its boundary events
    const bare = fixture('service-error').replace(/<bpmn:boundaryEvent[\s\S]*?<\/bpmn:boundaryEvent>/g, '')
      .replace(/<bpmn:sequenceFlow id="f[3568]"[^>]*\/>/g, '').replace(/<bpmn:(userTask|serviceTask) id="(fixCode|investigate|revise)"[^>]*\/>/g, '').replace(/<bpmn:endEvent id="(fixed|handled)" \/>/g, '').replace(/<bpmn:sequenceFlow id="f[47]"[^>]*\/>/g, '');
    expect((await deploy('service-bare', bare)).__typename).toBe('DeployWorkflowSuccess');
    // when it is started and its action fails
    const started = (await t.gql(START, { k: 'service-bare', v: { code: 'NO.SUCH.STANDARD' }, b: null }, admin)).data.startWorkflow;
    // then the start is refused with the action's error, and no instance exists
    expect(started).toEqual({ __typename: 'NotFoundError', message: 'No standard with code NO.SUCH.STANDARD' });
    const listed = (await t.gql('{ workflowInstances(key: "service-bare", first: 5) { ... on WorkflowInstanceConnection { totalCount } } }', {}, admin)).data.workflowInstances;
    expect(listed.totalCount).toBe(0);
  });
});
