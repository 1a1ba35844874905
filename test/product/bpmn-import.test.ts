import { readFileSync } from 'node:fs';
import { eventually, freshStore, startServer, tearDown, signedIn, type ApiClient, type ServerProcess, type Store } from './server-process.ts';

/**
 * Issue 19 as a quality manager does it, over HTTP against the real server process (`npm start`'s
 * command on a fresh store, queue and timers running): a collaboration exported by Camunda Modeler
 * is imported as a draft listing what it lacks, refused for deployment until completed, completed,
 * deployed, run to its end and exported again; a process with messages and signals waits for them
 * and is moved on by `correlateMessage` and `broadcastSignal`.
 */
let store: Store;
let server: ServerProcess;

const as = (username: string): Promise<ApiClient> => signedIn(server, username);
const fixture = (path: string) => readFileSync(new URL(`../../domain/workflows/compiler/fixtures/${path}`, import.meta.url), 'utf8');

beforeAll(async () => {
  store = await freshStore();
  server = await startServer(store);
  await server.ready(240_000);
}, 300_000);

afterAll(() => tearDown(server, store));

const ERROR = '... on Error { __typename message }';
const INSTANCE = `query ($id: Int!) { workflowInstance(id: $id) { ... on WorkflowInstance { status states history { event detail } tasks { id elementId status } } ${ERROR} } }`;

/** Completes the open task `element` of instance `id` as `client`. */
async function complete(client: ApiClient, id: number, element: string): Promise<void> {
  const task = await eventually(`the open ${element} task`, async () => {
    const tasks = (await client.gql(INSTANCE, { id })).data.workflowInstance.tasks as { id: number; elementId: string; status: string }[];
    return tasks.find((t) => t.elementId === element && t.status === 'open');
  });
  const done = (await client.gql(`mutation ($id: Int!) { completeTask(id: $id, data: {}) { __typename ${ERROR} } }`, { id: task.id })).data.completeTask;
  expect(done.__typename).toBe('WorkflowTask');
}

describe(`BPMN from other tools in the real server process (${process.env.TEST_DATABASE_URL ? 'PostgreSQL' : 'embedded PGlite'})`, () => {
  it('imports a Camunda collaboration as a draft, refuses to deploy it until complete, then runs and exports it', async () => {
    const manager = await as('manager');
    // given Camunda Modeler's export, its lanes named for teams Pinzhi does not know
    const exported = fixture('foreign/camunda-complaint-pools.bpmn').replace(/(<bpmn:lane\b[^>]*?\bname=")[^"]*(")/g, '$1Team$2');

    // when it is imported, naming the company's pool
    const IMPORT = `mutation ($xml: String!) { importWorkflow(key: "leak-complaint", bpmnXml: $xml, processId: "Process_Complaint") { __typename ... on WorkflowDraft { id missing { elementId code message } } ${ERROR} } }`;
    const draft = (await manager.gql(IMPORT, { xml: exported })).data.importWorkflow;
    // then it is a draft listing the three tasks that name no role
    expect(draft.__typename).toBe('WorkflowDraft');
    expect(draft.missing.map((m: { elementId: string }) => m.elementId).sort()).toEqual(['Activity_Answer', 'Activity_Fix', 'Activity_Register']);

    // when it is deployed as it is, then the refusal lists them and no definition exists
    const DEPLOY = `mutation ($id: Int!) { deployWorkflowDraft(id: $id) { __typename ... on DeployWorkflowSuccess { definition { version } } ... on WorkflowIncompleteError { message missing { elementId } } ${ERROR} } }`;
    const refused = (await manager.gql(DEPLOY, { id: draft.id })).data.deployWorkflowDraft;
    expect(refused.__typename).toBe('WorkflowIncompleteError');
    expect(refused.missing).toHaveLength(3);
    expect((await manager.gql('{ workflowDefinition(key: "leak-complaint") { __typename } }')).data.workflowDefinition.__typename).toBe('NotFoundError');

    // when the roles are filled in (what the modeler writes) and the draft saved and deployed
    const completed = exported
      .replace('<bpmn:definitions ', '<bpmn:definitions xmlns:pinzhi="urn:pinzhi:bpmn" ')
      .replace(/(<bpmn:userTask id="Activity_(?:Register|Fix|Answer)")/g, '$1 pinzhi:candidateRole="quality_manager"');
    const saved = (await manager.gql(`mutation ($id: Int!, $xml: String!) { saveWorkflowDraft(id: $id, bpmnXml: $xml) { __typename ... on WorkflowDraft { missing { elementId } } ${ERROR} } }`, { id: draft.id, xml: completed })).data.saveWorkflowDraft;
    expect(saved).toEqual({ __typename: 'WorkflowDraft', missing: [] });
    const deployed = (await manager.gql(DEPLOY, { id: draft.id })).data.deployWorkflowDraft;
    expect(deployed).toEqual({ __typename: 'DeployWorkflowSuccess', definition: { version: 1 } });

    // then an instance runs through the company's three steps to its end
    const started = (await manager.gql(`mutation { startWorkflow(key: "leak-complaint", businessKey: "leak-1") { __typename ... on WorkflowInstance { id } ${ERROR} } }`)).data.startWorkflow;
    expect(started.__typename).toBe('WorkflowInstance');
    for (const element of ['Activity_Register', 'Activity_Fix', 'Activity_Answer']) await complete(manager, started.id, element);
    const ended = await eventually('the instance to end', async () => {
      const instance = (await manager.gql(INSTANCE, { id: started.id })).data.workflowInstance;
      return instance.status === 'completed' ? instance : undefined;
    });
    expect(ended.states).toEqual(['Event_End']);

    // and the deployed version exports as BPMN with Pinzhi's namespace and every diagram shape
    const out = (await manager.gql(`{ exportWorkflow(key: "leak-complaint", version: 1) { __typename ... on WorkflowExport { fileName bpmnXml } ${ERROR} } }`)).data.exportWorkflow;
    expect(out.__typename).toBe('WorkflowExport');
    expect(out.bpmnXml).toContain('urn:pinzhi:bpmn');
    const shapes = (xml: string) => (xml.match(/<bpmndi:BPMNShape\b/g) ?? []).length;
    expect(shapes(out.bpmnXml)).toBe(shapes(exported));
    expect(out.bpmnXml).toContain('pinzhi:candidateRole="quality_manager"');
  });

  it('refuses a file that is not BPMN, naming what is wrong, and stores nothing', async () => {
    const manager = await as('manager');
    const IMPORT = `mutation ($xml: String!) { importWorkflow(key: "not-bpmn", bpmnXml: $xml) { __typename ${ERROR} } }`;
    for (const xml of ['<html><body>not a diagram</body></html>', '<?xml version="1.0"?><!DOCTYPE x [<!ENTITY e SYSTEM "file:///etc/passwd">]><x>&e;</x>']) {
      expect((await manager.gql(IMPORT, { xml })).data.importWorkflow.__typename).toBe('ValidationError');
    }
    const drafts = (await manager.gql('{ workflowDrafts(first: 50) { ... on WorkflowDraftConnection { nodes { key } } } }')).data.workflowDrafts.nodes;
    expect(drafts.map((d: { key: string }) => d.key)).not.toContain('not-bpmn');
  });

  it('waits for messages and signals, and moves on when they are delivered by business key', async () => {
    const manager = await as('manager');
    const deployed = (await manager.gql(`mutation ($xml: String!) { deployWorkflow(key: "supplier-fix", bpmnXml: $xml) { __typename ${ERROR} } }`, { xml: fixture('messages.bpmn') })).data.deployWorkflow;
    expect(deployed.__typename).toBe('DeployWorkflowSuccess');
    const started = (await manager.gql(`mutation { startWorkflow(key: "supplier-fix", businessKey: "SUP-7") { __typename ... on WorkflowInstance { id } ${ERROR} } }`)).data.startWorkflow;
    const state = async () => (await manager.gql(INSTANCE, { id: started.id })).data.workflowInstance;
    const CORRELATE = `mutation ($name: String!, $key: String!) { correlateMessage(name: $name, businessKey: $key) { __typename ... on CorrelateMessageSuccess { instanceIds } ${ERROR} } }`;

    // given the instance waits for the supplier's reply (the notice sent is in its history)
    await eventually('the wait for the reply', async () => ((await state()).states.includes('reply') ? true : undefined));
    expect(JSON.stringify((await state()).history)).toContain('{"kind":"message","event":"notice","name":"整改通知"}');
    // when a reply arrives for another business key, then it is refused and nothing moves
    expect((await manager.gql(CORRELATE, { name: '供应商回复', key: 'SUP-8' })).data.correlateMessage.__typename).toBe('NotFoundError');
    expect((await state()).states).toContain('reply');
    // when the reply arrives for this one, then the check opens; once done it waits for the all-clear signal
    expect((await manager.gql(CORRELATE, { name: '供应商回复', key: 'SUP-7' })).data.correlateMessage).toEqual({ __typename: 'CorrelateMessageSuccess', instanceIds: [started.id] });
    await complete(manager, started.id, 'check');
    await eventually('the wait for the signal', async () => ((await state()).states.includes('typhoon') ? true : undefined));
    const signalled = (await manager.gql(`mutation { broadcastSignal(name: "台风预警解除") { __typename ... on CorrelateMessageSuccess { instanceIds } ${ERROR} } }`)).data.broadcastSignal;
    expect(signalled.instanceIds).toContain(started.id);
    // then it waits for the sample, and ends once it arrives
    await eventually('the wait for the sample', async () => ((await state()).states.includes('sample') ? true : undefined));
    expect((await manager.gql(CORRELATE, { name: '供应商回复', key: 'SUP-7' })).data.correlateMessage.instanceIds).toEqual([started.id]);
    expect(await eventually('the instance to end', async () => ((await state()).status === 'completed' ? true : undefined))).toBe(true);
  });

  it('starts a process on a customer\'s message (a message start event) and notifies the customer\'s pool along its message flows', async () => {
    const manager = await as('manager');
    const deployed = (await manager.gql(`mutation ($xml: String!) { deployWorkflow(key: "complaint-by-message", bpmnXml: $xml) { __typename ${ERROR} } }`, { xml: fixture('message-flows.bpmn') })).data.deployWorkflow;
    expect(deployed.__typename).toBe('DeployWorkflowSuccess');
    const CORRELATE = `mutation ($name: String!, $key: String!) { correlateMessage(name: $name, businessKey: $key, variables: { room: "3-2-101" }) { __typename ... on CorrelateMessageSuccess { instanceIds } ${ERROR} } }`;
    // when the complaint arrives and no instance waits for it, then it starts one
    const started = (await manager.gql(CORRELATE, { name: '投诉', key: 'CMP-1' })).data.correlateMessage;
    expect(started.__typename).toBe('CorrelateMessageSuccess');
    const [id] = started.instanceIds as number[];
    const state = async () => (await manager.gql(INSTANCE, { id })).data.workflowInstance;
    // when the manager accepts it, then the customer's pool is notified and the instance waits for the confirmation
    await complete(manager, id, 'accept');
    await eventually('the wait for the confirmation', async () => ((await state()).states.includes('confirmation') ? true : undefined));
    expect(JSON.stringify((await state()).history)).toContain('{"kind":"message","event":"notify_visit","name":"上门通知","to":"客户"}');
    // when the customer confirms, then it ends with the result sent to the customer
    expect((await manager.gql(CORRELATE, { name: '客户确认', key: 'CMP-1' })).data.correlateMessage).toEqual({ __typename: 'CorrelateMessageSuccess', instanceIds: [id] });
    expect(await eventually('the instance to end', async () => ((await state()).status === 'completed' ? true : undefined))).toBe(true);
    expect(JSON.stringify((await state()).history)).toContain('{"kind":"message","event":"replied","name":"处理结果","to":"客户"}');
  });
});
