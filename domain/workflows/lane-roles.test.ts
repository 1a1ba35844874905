import { startTestApp, type TestApp } from '../../test/harness.ts';

/**
 * Lanes are roles (issue 19 item 3): a lane name the organisation maps to a role gives the user tasks
 * in that lane their role on import, on saving a draft and on deploy; the default names still count,
 * and a bad mapping is refused with nothing stored.
 */
const LANES = `<?xml version="1.0" encoding="UTF-8"?>
<bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL" id="d" targetNamespace="x">
  <bpmn:collaboration id="c"><bpmn:participant id="pool" name="保洁" processRef="cleaning" /></bpmn:collaboration>
  <bpmn:process id="cleaning" name="保洁抽查" isExecutable="true">
    <bpmn:laneSet id="ls">
      <bpmn:lane id="lead" name="保洁主管"><bpmn:flowNodeRef>clean</bpmn:flowNodeRef></bpmn:lane>
      <bpmn:lane id="qc" name="品控员"><bpmn:flowNodeRef>check</bpmn:flowNodeRef></bpmn:lane>
    </bpmn:laneSet>
    <bpmn:startEvent id="start" />
    <bpmn:userTask id="clean" name="整改保洁" />
    <bpmn:userTask id="check" name="复查" />
    <bpmn:endEvent id="end" />
    <bpmn:sequenceFlow id="f1" sourceRef="start" targetRef="clean" />
    <bpmn:sequenceFlow id="f2" sourceRef="clean" targetRef="check" />
    <bpmn:sequenceFlow id="f3" sourceRef="check" targetRef="end" />
  </bpmn:process>
</bpmn:definitions>`;

const MAPPING = `mappings { lane role } defaults { lane role }`;
const READ = `query { workflowLaneRoles { __typename ... on WorkflowLaneRoles { ${MAPPING} } ... on Error { message } } }`;
const SET = `mutation ($m: [WorkflowLaneRoleInput!]!) { setWorkflowLaneRoles(mappings: $m) { __typename ... on WorkflowLaneRoles { ${MAPPING} }
  ... on ValidationError { code issues { pointer code message } } ... on Error { code message } } }`;
const IMPORT = `mutation ($k: String!, $x: String!) { importWorkflow(key: $k, bpmnXml: $x) { __typename ... on WorkflowDraft { id missing { elementId code message } } ... on Error { message } } }`;
const DRAFT = `query ($id: Int!) { workflowDraft(id: $id) { ... on WorkflowDraft { missing { elementId code } } } }`;
const DEPLOY_DRAFT = `mutation ($id: Int!) { deployWorkflowDraft(id: $id) { __typename ... on DeployWorkflowSuccess { definition { key version } } ... on Error { message } } }`;
const DEPLOY = `mutation ($k: String!, $x: String!) { deployWorkflow(key: $k, bpmnXml: $x) { __typename ... on DeployWorkflowSuccess { definition { version } } ... on Error { message } } }`;
const START = `mutation ($k: String!) { startWorkflow(key: $k) { __typename ... on WorkflowInstance { id } ... on Error { message } } }`;
const INSTANCE = `query ($id: Int!) { workflowInstance(id: $id) { ... on WorkflowInstance { status tasks { id elementId status candidateRole } } } }`;
const COMPLETE = `mutation ($id: Int!) { completeTask(id: $id) { __typename ... on Error { code message } } }`;

let t: TestApp;
const tokens: Record<string, string> = {};
const as = async (user: string) => (tokens[user] ??= await t.login(user));
const stored = async () => t.em().execute<{ lane: string; role: string }[]>(`select lane, role from workflow_lane_role order by id`);

beforeAll(async () => {
  t = await startTestApp();
});
afterAll(() => t.close());

it('a lane the organisation maps to a role needs no candidate role: import, draft, deploy and a task claimed by that role', async () => {
  const manager = await as('manager');
  // given no mapping, the default names are recognised (品控员) and 保洁主管 is not, named in Chinese with the roles' names
  expect((await t.gql(READ, {}, manager)).data.workflowLaneRoles).toMatchObject({ mappings: [], defaults: expect.arrayContaining([{ lane: '品控员', role: 'inspector' }]) });
  const draft = (await t.gql(IMPORT, { k: 'cleaning', x: LANES }, manager, 'zh-CN')).data.importWorkflow;
  expect(draft.missing.map((m: { elementId: string; code: string }) => `${m.elementId} ${m.code}`)).toEqual(['clean compile.lane_role_unknown']);
  expect(draft.missing[0].message).toContain('泳道“保洁主管”');
  expect(draft.missing[0].message).toContain('品质经理、品控员');
  expect(draft.missing[0].message).not.toContain('quality_manager');

  // when the manager maps 保洁主管 to the project manager
  const set = (await t.gql(SET, { m: [{ lane: ' 保洁主管 ', role: 'project_manager' }] }, manager)).data.setWorkflowLaneRoles;
  expect(set).toMatchObject({ __typename: 'WorkflowLaneRoles', mappings: [{ lane: '保洁主管', role: 'project_manager' }] });

  // then the open draft lacks nothing, the change is audited, and a fresh import or a direct deploy needs no role either
  expect((await t.gql(DRAFT, { id: draft.id }, manager)).data.workflowDraft.missing).toEqual([]);
  const audit = await t.em().execute<{ actor: string; detail: string | object }[]>(`select actor, detail from audit_event where subject_key = 'workflow.laneRoles'`);
  expect(audit.map((a) => ({ actor: a.actor, detail: typeof a.detail === 'string' ? JSON.parse(a.detail) : a.detail }))).toEqual([{ actor: 'manager', detail: { before: [], after: [{ lane: '保洁主管', role: 'project_manager' }] } }]);
  expect((await t.gql(IMPORT, { k: 'cleaning-again', x: LANES }, manager)).data.importWorkflow.missing).toEqual([]);
  expect((await t.gql(DEPLOY, { k: 'cleaning-direct', x: LANES }, manager)).data.deployWorkflow).toEqual({ __typename: 'DeployWorkflowSuccess', definition: { version: 1 } });

  // when the draft is deployed and run, then the lane's task goes to the project manager and the default lane's to the inspector
  expect((await t.gql(DEPLOY_DRAFT, { id: draft.id }, manager)).data.deployWorkflowDraft).toEqual({ __typename: 'DeployWorkflowSuccess', definition: { key: 'cleaning', version: 1 } });
  const started = (await t.gql(START, { k: 'cleaning' }, manager)).data.startWorkflow;
  for (const [element, role, by] of [['clean', 'project_manager', 'pm'], ['check', 'inspector', 'inspector']]) {
    const task = (await t.gql(INSTANCE, { id: started.id }, manager)).data.workflowInstance.tasks.find((x: { elementId: string; status: string }) => x.elementId === element && x.status === 'open');
    expect(task).toMatchObject({ candidateRole: role });
    if (element === 'clean') expect((await t.gql(COMPLETE, { id: task.id }, await as('inspector'))).data.completeTask.__typename).toBe('ForbiddenError');
    expect((await t.gql(COMPLETE, { id: task.id }, await as(by))).data.completeTask).toEqual({ __typename: 'WorkflowTask' });
  }
  expect((await t.gql(INSTANCE, { id: started.id }, manager)).data.workflowInstance.status).toBe('completed');
});

describe('a bad mapping', () => {
  it.each([
    ['an empty lane name', [{ lane: '  ', role: 'inspector' }], ['/mappings/0/lane workflow.lane_empty']],
    ['an unknown role', [{ lane: '保洁组', role: 'cleaner' }], ['/mappings/0/role workflow.lane_role_not_role']],
    ['a lane named twice (ignoring case and separators)', [{ lane: 'Cleaning Lead', role: 'inspector' }, { lane: 'cleaning_lead', role: 'auditor' }], ['/mappings/1/lane workflow.lane_duplicate']],
    ['an over-long lane name', [{ lane: '泳'.repeat(256), role: 'inspector' }], ['/mappings/0/lane workflow.lane_too_long']],
  ])('with %s is a ValidationError pointing at it, and nothing is stored', async (_, mappings, expected) => {
    const before = await stored();
    const result = (await t.gql(SET, { m: mappings }, await as('manager'))).data.setWorkflowLaneRoles;
    expect(result).toMatchObject({ __typename: 'ValidationError', code: 'workflow.lane_roles_invalid' });
    expect(result.issues.map((i: { pointer: string; code: string }) => `${i.pointer} ${i.code}`)).toEqual(expected);
    expect(await stored()).toEqual(before);
  });

  it('may be set only by those who manage workflows', async () => {
    const before = await stored();
    expect((await t.gql(SET, { m: [] }, await as('inspector'))).data.setWorkflowLaneRoles).toMatchObject({ __typename: 'ForbiddenError' });
    expect(await stored()).toEqual(before);
  });
});
