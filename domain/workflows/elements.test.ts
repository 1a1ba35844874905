import { readdirSync, readFileSync } from 'node:fs';
import { startTestApp, type TestApp } from '../../test/harness.ts';

/**
 * The BPMN elements beyond tasks and exclusive gateways, run on a database: each compiler fixture
 * with a `runtime` part (compiler/fixtures/<case>.json) is deployed, started with its variables and
 * business key, and driven to its end — tasks completed by people of their role, messages and
 * signals delivered — checking at each step which tasks stand open.
 */
type Action =
  | { complete: string; by: string; data?: Record<string, unknown>; open?: string[] }
  | { message: string; businessKey: string; variables?: Record<string, unknown>; open?: string[] }
  | { signal: string; variables?: Record<string, unknown>; open?: string[] };
interface Runtime {
  variables?: Record<string, unknown>;
  businessKey?: string;
  open: string[];
  steps: Action[];
}

const dir = new URL('./compiler/fixtures/', import.meta.url);
const cases = readdirSync(dir).filter((f) => f.endsWith('.json'))
  .map((f) => ({ name: f.replace(/\.json$/, ''), fixture: JSON.parse(readFileSync(new URL(f, dir), 'utf8')) as { description: string; runtime?: Runtime[] } }))
  .filter((c) => c.fixture.runtime);

const DEPLOY = `mutation ($k: String!, $x: String!) { deployWorkflow(key: $k, bpmnXml: $x) { __typename ... on ValidationError { message issues { pointer message } } ... on Error { message } } }`;
const START = `mutation ($k: String!, $v: JSON, $b: String) { startWorkflow(key: $k, variables: $v, businessKey: $b) { __typename ... on WorkflowInstance { id status } ... on Error { message } } }`;
const INSTANCE = `query ($id: Int!) { workflowInstance(id: $id) { ... on WorkflowInstance { status variables tasks { id elementId status } } } }`;
const COMPLETE = `mutation ($id: Int!, $d: JSON) { completeTask(id: $id, data: $d) { __typename ... on Error { message } } }`;
const MESSAGE = `mutation ($n: String!, $b: String!, $v: JSON) { correlateMessage(name: $n, businessKey: $b, variables: $v) { __typename ... on CorrelateMessageSuccess { instanceIds } ... on Error { message } } }`;
const SIGNAL = `mutation ($n: String!, $v: JSON) { broadcastSignal(name: $n, variables: $v) { __typename ... on CorrelateMessageSuccess { instanceIds } ... on Error { message } } }`;

let t: TestApp;
const tokens: Record<string, string> = {};
const as = async (user: string) => (tokens[user] ??= await t.login(user));

beforeAll(async () => {
  t = await startTestApp();
});
afterAll(() => t.close());

describe.each(cases)('the $name process on a database', ({ name, fixture }) => {
  it.each(fixture.runtime!.map((run, i) => [i + 1, run] as const))(`${fixture.description} (run %i)`, async (i, run) => {
    // given the fixture deployed and an instance started
    const key = `${name}-${i}`;
    const deployed = (await t.gql(DEPLOY, { k: key, x: readFileSync(new URL(`${name}.bpmn`, dir), 'utf8') }, await as('admin'))).data.deployWorkflow;
    expect(deployed.__typename).toBe('DeployWorkflowSuccess');
    const businessKey = run.businessKey ? `${run.businessKey}-${i}` : null;
    const started = (await t.gql(START, { k: key, v: run.variables ?? {}, b: businessKey }, await as('admin'))).data.startWorkflow;
    expect(started).toMatchObject({ __typename: 'WorkflowInstance', status: 'running' });
    const open = async () => {
      const view = (await t.gql(INSTANCE, { id: started.id }, await as('admin'))).data.workflowInstance;
      return { view, tasks: view.tasks.filter((x: { status: string }) => x.status === 'open') as { id: number; elementId: string }[] };
    };
    expect((await open()).tasks.map((x) => x.elementId).sort()).toEqual([...run.open].sort());
    for (const step of run.steps) {
      // when the next thing happens
      if ('complete' in step) {
        const task = (await open()).tasks.find((x) => x.elementId === step.complete);
        expect(task).toBeDefined();
        expect((await t.gql(COMPLETE, { id: task!.id, d: step.data ?? {} }, await as(step.by))).data.completeTask).toEqual({ __typename: 'WorkflowTask' });
      } else if ('message' in step) {
        const result = (await t.gql(MESSAGE, { n: step.message, b: `${step.businessKey}-${i}`, v: step.variables ?? {} }, await as('admin'))).data.correlateMessage;
        expect(result).toEqual({ __typename: 'CorrelateMessageSuccess', instanceIds: [started.id] });
      } else {
        const result = (await t.gql(SIGNAL, { n: step.signal, v: step.variables ?? {} }, await as('admin'))).data.broadcastSignal;
        expect(result.instanceIds).toContain(started.id);
      }
      // then the tasks open are those the fixture names
      if (step.open) expect((await open()).tasks.map((x) => x.elementId).sort()).toEqual([...step.open].sort());
    }
    // then the instance has run to its end, with no task left open
    const end = await open();
    expect(end.view.status).toBe('completed');
    expect(end.tasks).toEqual([]);
  });
});

describe('a message or signal nobody waits for', () => {
  it('is refused with a typed error naming the message and the business key; a signal reaches nobody', async () => {
    // when a message is sent to a business key no instance holds, or that waits for another message
    const none = (await t.gql(MESSAGE, { n: '供应商回复', b: 'supplier:none', v: {} }, await as('admin'))).data.correlateMessage;
    // then it is a NotFoundError saying which message and key
    expect(none).toEqual({ __typename: 'NotFoundError', message: 'No running workflow instance with business key supplier:none waits for message "供应商回复", and no process starts with it' });
    expect((await t.gql(MESSAGE, { n: ' ', b: 'x', v: {} }, await as('admin'))).data.correlateMessage.__typename).toBe('ValidationError');
    expect((await t.gql(SIGNAL, { n: 'nobody-listens', v: {} }, await as('admin'))).data.broadcastSignal).toEqual({ __typename: 'CorrelateMessageSuccess', instanceIds: [] });
  });
});

describe('a collaboration whose message flows name the messages and a message start event begins it', () => {
  it('starts on the customer\'s message, notifies the customer\'s pool and waits for its reply, to the end', async () => {
    // given the complaint process deployed: the customer's pool is a black box, the flows carry the names
    const xml = readFileSync(new URL('message-flows.bpmn', dir), 'utf8');
    expect((await t.gql(DEPLOY, { k: 'complaint-by-message', x: xml }, await as('admin'))).data.deployWorkflow.__typename).toBe('DeployWorkflowSuccess');
    // when the customer's complaint arrives as a message no instance waits for
    const started = (await t.gql(MESSAGE, { n: '投诉', b: 'complaint:88', v: { room: '3-2-101' } }, await as('admin'))).data.correlateMessage;
    // then it started one instance of the process with the business key and the message's variables
    expect(started.__typename).toBe('CorrelateMessageSuccess');
    expect(started.instanceIds).toHaveLength(1);
    const [id] = started.instanceIds as number[];
    const view = async () => (await t.gql(`query ($id: Int!) { workflowInstance(id: $id) { ... on WorkflowInstance { status businessKey variables tasks { id elementId status } history { event detail } } } }`, { id }, await as('admin'))).data.workflowInstance;
    const first = await view();
    expect(first).toMatchObject({ status: 'running', businessKey: 'complaint:88', variables: { room: '3-2-101' } });
    // when the manager accepts it
    const accept = first.tasks.find((x: { elementId: string; status: string }) => x.elementId === 'accept' && x.status === 'open');
    expect((await t.gql(COMPLETE, { id: accept.id, d: {} }, await as('manager'))).data.completeTask).toEqual({ __typename: 'WorkflowTask' });
    // then the customer is notified, and a second complaint with the same key is not a reply: the instance waits for 客户确认
    const effects = (v: { history: { detail: { effects?: unknown[] } }[] }) => v.history.flatMap((h) => h.detail.effects ?? []);
    expect(effects(await view())).toEqual([{ kind: 'message', event: 'notify_visit', name: '上门通知', to: '客户' }]);
    // when the customer confirms, by the business key
    const confirmed = (await t.gql(MESSAGE, { n: '客户确认', b: 'complaint:88', v: { visit: '周六上午' } }, await as('admin'))).data.correlateMessage;
    expect(confirmed).toEqual({ __typename: 'CorrelateMessageSuccess', instanceIds: [id] });
    // then it ends, telling the customer the result
    const end = await view();
    expect(end).toMatchObject({ status: 'completed', variables: { room: '3-2-101', visit: '周六上午' } });
    expect(effects(end)).toEqual([
      { kind: 'message', event: 'notify_visit', name: '上门通知', to: '客户' },
      { kind: 'message', event: 'replied', name: '处理结果', to: '客户' },
    ]);
  });
});
