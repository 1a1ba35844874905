import { readdirSync, readFileSync } from 'node:fs';
import { BpmnModdle } from 'bpmn-moddle';
import { startTestApp, type TestApp } from '../../test/harness.ts';
import { compileWorkflow } from './definition.service.ts';

/**
 * Import, then complete; export (issue 19). Each foreign diagram (compiler/fixtures/foreign/) is
 * imported with its lanes renamed so that no task has a role, completed by setting the roles,
 * deployed and run to its end; its export re-imports complete and compiles to the same machine.
 */
const dir = new URL('./compiler/fixtures/foreign/', import.meta.url);
const cases = readdirSync(dir).filter((f) => f.endsWith('.bpmn')).map((f) => f.replace(/\.bpmn$/, ''));
const extension = JSON.parse(readFileSync(new URL('./pinzhi-moddle.json', import.meta.url), 'utf8'));
const moddle = () => new BpmnModdle({ pinzhi: extension });

const DRAFT = `id key name status deployedVersion processId missing { elementId elementType name code message }`;
const IMPORT = `mutation ($k: String!, $x: String!, $p: String) { importWorkflow(key: $k, bpmnXml: $x, processId: $p) { __typename
  ... on WorkflowDraft { ${DRAFT} } ... on ValidationError { code issues { pointer code message } } ... on Error { message } } }`;
const SAVE = `mutation ($id: Int!, $x: String!) { saveWorkflowDraft(id: $id, bpmnXml: $x) { __typename ... on WorkflowDraft { ${DRAFT} } ... on Error { message } } }`;
const DEPLOY_DRAFT = `mutation ($id: Int!) { deployWorkflowDraft(id: $id) { __typename ... on DeployWorkflowSuccess { definition { key version } }
  ... on WorkflowIncompleteError { code missing { elementId code } issues { pointer } } ... on Error { code message } } }`;
const DEPLOY = `mutation ($k: String!, $x: String!) { deployWorkflow(key: $k, bpmnXml: $x) { __typename
  ... on WorkflowIncompleteError { message missing { elementId code message } } ... on ValidationError { issues { pointer code } } ... on Error { message } } }`;
const DRAFTS = `query ($all: Boolean, $first: Int, $after: String) { workflowDrafts(all: $all, first: $first, after: $after) { __typename
  ... on WorkflowDraftConnection { totalCount pageInfo { hasNextPage endCursor } nodes { id key status } } } }`;
const EXPORT = `query ($k: String!) { exportWorkflow(key: $k) { __typename ... on WorkflowExport { fileName bpmnXml definition { version } } ... on Error { message } } }`;
const START = `mutation ($k: String!) { startWorkflow(key: $k) { __typename ... on WorkflowInstance { id status } ... on Error { message } } }`;
const INSTANCE = `query ($id: Int!) { workflowInstance(id: $id) { ... on WorkflowInstance { status tasks { id elementId status candidateRole } } } }`;
const COMPLETE = `mutation ($id: Int!, $d: JSON) { completeTask(id: $id, data: $d) { __typename ... on Error { message } } }`;

let t: TestApp;
const tokens: Record<string, string> = {};
const as = async (user: string) => (tokens[user] ??= await t.login(user));
const draftRows = async (key: string) => Number((await t.em().execute<{ n: string }[]>(`select count(*) as n from workflow_draft where key = ?`, [key]))[0].n);

beforeAll(async () => {
  t = await startTestApp();
});
afterAll(() => t.close());

/** The diagram as a tool that knows nothing of Pinzhi's roles exports it: lanes named by team, no candidate roles. */
function withoutRoles(xml: string): string {
  return xml.replace(/(<(?:\w+:)?lane\b[^>]*?\bname=")[^"]*(")/g, '$1Team$2').replace(/\s+pinzhi:candidateRole="[^"]*"/g, '');
}

/** What a modeller does in the properties panel, done through bpmn-moddle: sets `property` of each element. */
async function complete(xml: string, values: Record<string, Record<string, string>>): Promise<string> {
  const m = moddle();
  const { rootElement, elementsById } = (await m.fromXML(xml)) as unknown as { rootElement: unknown; elementsById: Record<string, Record<string, unknown>> };
  for (const [id, props] of Object.entries(values)) {
    for (const [name, value] of Object.entries(props)) {
      if (name === 'condition') elementsById[id].conditionExpression = (m as unknown as { create(t: string, a: object): unknown }).create('bpmn:FormalExpression', { body: value });
      else elementsById[id][name] = value;
    }
  }
  return (await m.toXML(rootElement, { format: true })).xml;
}

const shapes = (xml: string) => [...xml.matchAll(/<(?:\w+:)?BPMNShape\b[^>]*\bbpmnElement="([^"]+)"/g)].map((x) => x[1]).sort();

describe.each(cases)('the foreign diagram %s, imported without roles', (name) => {
  const fixture = JSON.parse(readFileSync(new URL(`${name}.json`, dir), 'utf8')) as { runs: { steps: { task: string; role: string; by: string; data: Record<string, unknown> }[] }[] };
  const original = readFileSync(new URL(`${name}.bpmn`, dir), 'utf8');
  const key = `imported-${name}`;

  it('becomes a draft listing each task without a role, is completed, deployed, run to its end and exported', async () => {
    const manager = await as('manager');
    // given the diagram imported with no role anywhere
    const imported = (await t.gql(IMPORT, { k: key, x: withoutRoles(original) }, manager)).data.importWorkflow;
    expect(imported).toMatchObject({ __typename: 'WorkflowDraft', key, status: 'draft' });
    expect(imported.missing.length).toBeGreaterThan(0);
    for (const item of imported.missing) {
      expect(['compile.lane_role_unknown', 'compile.role_missing']).toContain(item.code);
      expect(item.message).toMatch(/candidate role/);
    }
    // when it is deployed as it is, then it is refused with the same list, and no version exists
    const refused = (await t.gql(DEPLOY_DRAFT, { id: imported.id }, manager)).data.deployWorkflowDraft;
    expect(refused.__typename).toBe('WorkflowIncompleteError');
    expect(refused.missing.map((x: { elementId: string }) => x.elementId).sort()).toEqual(imported.missing.map((x: { elementId: string }) => x.elementId).sort());
    expect(refused.issues.map((x: { pointer: string }) => x.pointer)).toContain(`/${imported.missing[0].elementId}`);
    expect(Number((await t.em().execute<{ n: string }[]>(`select count(*) as n from workflow_definition where key = ?`, [key]))[0].n)).toBe(0);

    // when the modeller sets every role (the one each run offers the task to) and saves, then nothing is missing
    const roleOf = new Map(fixture.runs.flatMap((r) => r.steps.map((s) => [s.task, s.role] as const)));
    const completed = await complete(withoutRoles(original), Object.fromEntries(imported.missing.map((x: { elementId: string }) => [x.elementId, { candidateRole: roleOf.get(x.elementId) ?? 'quality_manager' }])));
    const saved = (await t.gql(SAVE, { id: imported.id, x: completed }, manager)).data.saveWorkflowDraft;
    expect(saved).toMatchObject({ __typename: 'WorkflowDraft', missing: [], status: 'draft' });

    // then it deploys, the draft is marked deployed, and the first run works to its end
    const deployed = (await t.gql(DEPLOY_DRAFT, { id: imported.id }, manager)).data.deployWorkflowDraft;
    expect(deployed).toEqual({ __typename: 'DeployWorkflowSuccess', definition: { key, version: 1 } });
    const all = (await t.gql(DRAFTS, { all: true, first: 500 }, manager)).data.workflowDrafts;
    expect(all.nodes).toContainEqual({ id: imported.id, key, status: 'deployed' });
    expect((await t.gql(DRAFTS, {}, manager)).data.workflowDrafts.nodes.map((d: { key: string }) => d.key)).not.toContain(key);
    const started = (await t.gql(START, { k: key }, await as('inspector'))).data.startWorkflow;
    for (const step of fixture.runs[0].steps) {
      const view = (await t.gql(INSTANCE, { id: started.id }, manager)).data.workflowInstance;
      const task = view.tasks.find((x: { elementId: string; status: string }) => x.elementId === step.task && x.status === 'open');
      expect(task).toMatchObject({ candidateRole: step.role });
      expect((await t.gql(COMPLETE, { id: task.id, d: step.data }, await as(step.by))).data.completeTask).toEqual({ __typename: 'WorkflowTask' });
    }
    expect((await t.gql(INSTANCE, { id: started.id }, manager)).data.workflowInstance.status).toBe('completed');

    // when it is exported, then the roles sit in Pinzhi's namespace, every diagram shape survives,
    // and the file imports complete and compiles to the same machine
    const exported = (await t.gql(EXPORT, { k: key }, manager)).data.exportWorkflow;
    expect(exported).toMatchObject({ __typename: 'WorkflowExport', fileName: `${key}-v1.bpmn`, definition: { version: 1 } });
    expect(exported.bpmnXml).toMatch(/xmlns:pinzhi="urn:pinzhi:bpmn"/);
    expect(exported.bpmnXml).toMatch(/pinzhi:candidateRole="/);
    expect(shapes(exported.bpmnXml)).toEqual(shapes(original));
    const { warnings } = await moddle().fromXML(exported.bpmnXml);
    expect(warnings).toEqual([]);
    expect((await compileWorkflow(exported.bpmnXml)).config).toEqual((await compileWorkflow(completed)).config);
    const again = (await t.gql(IMPORT, { k: `${key}-again`, x: exported.bpmnXml }, manager)).data.importWorkflow;
    expect(again).toMatchObject({ __typename: 'WorkflowDraft', missing: [] });
  });
});

const INCOMPLETE = `<?xml version="1.0" encoding="UTF-8"?>
<bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL" id="d" targetNamespace="x">
  <bpmn:process id="p" name="Incomplete" isExecutable="true">
    <bpmn:startEvent id="start" />
    <bpmn:serviceTask id="notify" name="Notify" />
    <bpmn:exclusiveGateway id="ok" name="OK?" />
    <bpmn:userTask id="fix" name="Fix" />
    <bpmn:endEvent id="end" />
    <bpmn:sequenceFlow id="f1" sourceRef="start" targetRef="notify" />
    <bpmn:sequenceFlow id="f2" sourceRef="notify" targetRef="fix" />
    <bpmn:sequenceFlow id="f3" sourceRef="fix" targetRef="ok" />
    <bpmn:sequenceFlow id="yes" sourceRef="ok" targetRef="end" />
    <bpmn:sequenceFlow id="no" sourceRef="ok" targetRef="fix" />
  </bpmn:process>
</bpmn:definitions>`;

describe('a diagram lacking a role, an action and gateway conditions', () => {
  it('is refused by deployWorkflow with what is missing, and imports as a draft that deploys once completed', async () => {
    const manager = await as('manager');
    // when it is deployed directly, then the refusal lists every missing property, in the request's language
    const refused = (await t.gql(DEPLOY, { k: 'incomplete', x: INCOMPLETE }, manager)).data.deployWorkflow;
    expect(refused.__typename).toBe('WorkflowIncompleteError');
    expect(refused.missing.map((x: { elementId: string; code: string }) => `${x.elementId} ${x.code}`).sort()).toEqual([
      'fix compile.role_missing', 'no compile.flow_without_condition', 'notify compile.action_missing', 'yes compile.flow_without_condition',
    ]);
    const zh = (await t.gql(DEPLOY, { k: 'incomplete', x: INCOMPLETE }, manager, 'zh-CN')).data.deployWorkflow;
    expect(zh.message).toBe('流程还缺少 4 项品质设置：补全后才能部署');
    expect(zh.missing.find((x: { elementId: string }) => x.elementId === 'fix').message).toBe('没有指定候选角色（pinzhi:candidateRole）');
    // when it is imported, completed one property at a time, then the list shrinks to nothing
    const draft = (await t.gql(IMPORT, { k: 'incomplete', x: INCOMPLETE }, manager)).data.importWorkflow;
    expect(draft).toMatchObject({ name: 'Incomplete', missing: expect.arrayContaining([expect.objectContaining({ elementId: 'notify', elementType: 'bpmn:ServiceTask', name: 'Notify' })]) });
    const step1 = await complete(INCOMPLETE, { fix: { candidateRole: 'project_manager' }, notify: { action: 'notify' } });
    expect((await t.gql(SAVE, { id: draft.id, x: step1 }, manager)).data.saveWorkflowDraft.missing.map((x: { elementId: string }) => x.elementId).sort()).toEqual(['no', 'yes']);
    const step2 = await complete(step1, { yes: { condition: 'done = true' }, ok: {} });
    const withDefault = step2.replace('<bpmn:exclusiveGateway id="ok" name="OK?"', '<bpmn:exclusiveGateway id="ok" name="OK?" default="no"');
    expect((await t.gql(SAVE, { id: draft.id, x: withDefault }, manager)).data.saveWorkflowDraft.missing).toEqual([]);
    expect((await t.gql(DEPLOY_DRAFT, { id: draft.id }, manager)).data.deployWorkflowDraft).toEqual({ __typename: 'DeployWorkflowSuccess', definition: { key: 'incomplete', version: 1 } });
    // then the deployed draft can be neither saved nor deployed again
    expect((await t.gql(DEPLOY_DRAFT, { id: draft.id }, manager)).data.deployWorkflowDraft).toMatchObject({ __typename: 'ConflictError', code: 'workflow.draft_deployed' });
  });

  it('lists a call activity that names no process to call as missing, not as a refusal', async () => {
    const xml = INCOMPLETE.replace('<bpmn:userTask id="fix" name="Fix" />', '<bpmn:callActivity id="fix" name="Fix" />');
    const draft = (await t.gql(IMPORT, { k: 'calls-nothing', x: xml }, await as('manager'))).data.importWorkflow;
    expect(draft.missing.map((x: { elementId: string; code: string }) => `${x.elementId} ${x.code}`)).toContain('fix compile.call_element_missing');
  });

  it('may be imported only by those who deploy', async () => {
    const refused = (await t.gql(IMPORT, { k: 'by-inspector', x: INCOMPLETE }, await as('inspector'))).data.importWorkflow;
    expect(refused.__typename).toBe('ForbiddenError');
    expect(await draftRows('by-inspector')).toBe(0);
  });
});

describe('bad input', () => {
  const big = `<?xml version="1.0"?><bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL"><!-- ${'x'.repeat(2 * 1024 * 1024)} --></bpmn:definitions>`;
  const cases: [string, string, string, string, RegExp][] = [
    ['not XML at all', 'not-xml', 'hello, this is a spreadsheet', '', /not a BPMN 2.0 document/],
    ['XML that is not BPMN 2.0', 'not-bpmn', '<?xml version="1.0"?><html><body>hi</body></html>', '', /not a BPMN 2.0 document/],
    ['over the size limit', 'too-big', big, '', /larger than 2097152 bytes/],
    ['with an external entity', 'xxe', `<?xml version="1.0"?><!DOCTYPE d [<!ENTITY x SYSTEM "file:///etc/passwd">]><bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL">&x;</bpmn:definitions>`, '', /DOCTYPE and entity declarations are not allowed/],
    ['with no process', 'no-process', `<?xml version="1.0"?><bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL" id="d" targetNamespace="x"><bpmn:message id="m" /></bpmn:definitions>`, '', /holds no process/],
    ['with an unsupported element', 'unsupported', INCOMPLETE.replace('<bpmn:userTask id="fix" name="Fix" />', '<bpmn:complexGateway id="fix" name="Fix" />'), '/fix', /ComplexGateway fix: ComplexGateway is not supported/],
  ];

  it.each(cases)('a file %s is a typed error naming the element, and nothing is stored', async (_, key, xml, pointer, reason) => {
    const result = (await t.gql(IMPORT, { k: key, x: xml }, await as('manager'))).data.importWorkflow;
    expect(result.__typename).toBe('ValidationError');
    expect(result.issues.length).toBeGreaterThan(0);
    expect(result.issues.map((i: { pointer: string }) => i.pointer)).toContain(pointer);
    expect(result.issues.find((i: { pointer: string }) => i.pointer === pointer).message).toMatch(reason);
    expect(await draftRows(key)).toBe(0);
  });
});
