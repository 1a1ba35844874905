import { readdirSync, readFileSync } from 'node:fs';
import { startTestApp, type TestApp } from '../../test/harness.ts';

/**
 * Diagrams in the shapes other modelling tools export (compiler/fixtures/foreign/), each deployed,
 * started and worked to its end on a real database: `<case>.json` lists, per run, the tasks in the
 * order they open, the role each must be offered to, who completes it and with what.
 */
interface Step {
  task: string;
  role: string;
  by: string;
  data: Record<string, unknown>;
}
interface Fixture {
  description: string;
  runs: { steps: Step[] }[];
}

const dir = new URL('./compiler/fixtures/foreign/', import.meta.url);
const cases = readdirSync(dir).filter((f) => f.endsWith('.bpmn')).map((f) => f.replace(/\.bpmn$/, ''));

const DEPLOY = `mutation ($k: String!, $x: String!) { deployWorkflow(key: $k, bpmnXml: $x) { __typename
  ... on DeployWorkflowSuccess { definition { key version } } ... on ValidationError { message issues { pointer message } } ... on Error { message } } }`;
const START = `mutation ($k: String!) { startWorkflow(key: $k) { __typename ... on WorkflowInstance { id status } ... on Error { message } } }`;
const INSTANCE = `query ($id: Int!) { workflowInstance(id: $id) { ... on WorkflowInstance { status variables tasks { id elementId status candidateRole } } } }`;
const COMPLETE = `mutation ($id: Int!, $d: JSON) { completeTask(id: $id, data: $d) { __typename ... on Error { message } } }`;

let t: TestApp;
const tokens: Record<string, string> = {};
const as = async (user: string) => (tokens[user] ??= await t.login(user));

beforeAll(async () => {
  t = await startTestApp();
});
afterAll(() => t.close());

describe.each(cases)('the foreign diagram %s', (name) => {
  const fixture = JSON.parse(readFileSync(new URL(`${name}.json`, dir), 'utf8')) as Fixture;
  const xml = readFileSync(new URL(`${name}.bpmn`, dir), 'utf8');

  it.each(fixture.runs.map((run, i) => [i + 1, run] as const))(`${fixture.description} (run %i)`, async (_, run) => {
    // given the diagram deployed as it was exported, with no Pinzhi properties added
    const deployed = (await t.gql(DEPLOY, { k: name, x: xml }, await as('manager'))).data.deployWorkflow;
    expect(deployed).toMatchObject({ __typename: 'DeployWorkflowSuccess', definition: { key: name } });
    const started = (await t.gql(START, { k: name }, await as('inspector'))).data.startWorkflow;
    expect(started).toMatchObject({ __typename: 'WorkflowInstance', status: 'running' });
    for (const step of run.steps) {
      // when the next task opens, it is offered to the role its lane stands for, and is completed
      const view = (await t.gql(INSTANCE, { id: started.id }, await as('manager'))).data.workflowInstance;
      expect(view.status).toBe('running');
      const task = view.tasks.find((x: { elementId: string; status: string }) => x.elementId === step.task && x.status === 'open');
      expect(task).toMatchObject({ elementId: step.task, candidateRole: step.role });
      expect((await t.gql(COMPLETE, { id: task.id, d: step.data }, await as(step.by))).data.completeTask).toEqual({ __typename: 'WorkflowTask' });
    }
    // then the instance has run to its end, with no task left open
    const end = (await t.gql(INSTANCE, { id: started.id }, await as('manager'))).data.workflowInstance;
    expect(end.status).toBe('completed');
    expect(end.tasks.filter((x: { status: string }) => x.status === 'open')).toEqual([]);
  });
});

describe('a collaboration with several executable pools', () => {
  const xml = readFileSync(new URL('camunda-complaint-pools.bpmn', dir), 'utf8').replace('name="Customer" isExecutable="false"', 'name="Customer" isExecutable="true"');
  const DEPLOY_POOL = `mutation ($k: String!, $x: String!, $p: String) { deployWorkflow(key: $k, bpmnXml: $x, processId: $p) { __typename
    ... on DeployWorkflowSuccess { definition { key version states } } ... on ValidationError { issues { pointer message } } } }`;

  it('is refused with the candidates named, nothing stored, until the pool to run is chosen', async () => {
    // when it is deployed as it is, then the error names both pools, and no version exists
    const refused = (await t.gql(DEPLOY_POOL, { k: 'two-pools', x: xml }, await as('manager'))).data.deployWorkflow;
    expect(refused).toEqual({ __typename: 'ValidationError', issues: [{ pointer: '', message: expect.stringContaining('Process_Customer (Customer), Process_Complaint (Leak complaint)') }] });
    const [{ n }] = await t.em().execute<{ n: string }[]>(`select count(*) as n from workflow_definition where key = 'two-pools'`);
    expect(Number(n)).toBe(0);
    // when the company's pool is chosen, then it deploys with that pool's steps
    const chosen = (await t.gql(DEPLOY_POOL, { k: 'two-pools', x: xml, p: 'Process_Complaint' }, await as('manager'))).data.deployWorkflow;
    expect(chosen).toMatchObject({ __typename: 'DeployWorkflowSuccess', definition: { key: 'two-pools', version: 1, states: expect.arrayContaining(['Activity_Register', 'Activity_Answer']) } });
    expect(chosen.definition.states).not.toContain('Activity_Report');
  });
});
