import { failingValue, passingAnswers } from '../../domain/checklists/sample-answers.ts';
import type { ChecklistItem } from '../../domain/checklists/generate.ts';
import { solidPng } from '../../server/seed/png.ts';
import { ApiClient, eventually, freshStore, startServer, type ServerProcess, type Store, tearDown, signedIn } from './server-process.ts';
import { EFFECT_DEMO_INSPECTIONS } from '../../server/seed/training-effect-demo.ts';
import { DEMO_ASSESSMENTS } from '../../server/seed/assessment-demo.ts';

/**
 * The product as a user runs it: the real server process started with `npm start`'s command on a
 * fresh store (PGlite, or PostgreSQL with TEST_DATABASE_URL), its job queue and timers running,
 * driven over HTTP through the core loop — an inspection's findings open rectifications through the
 * queue, a rectification on request, tasks worked, a timer firing — then stopped with SIGTERM,
 * restarted, killed with SIGKILL mid-loop and restarted again. At every step a new login must
 * answer within a second.
 */
const WAIT_BPMN = (id: string, duration: string) => `<?xml version="1.0" encoding="UTF-8"?>
<bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL" xmlns:pinzhi="urn:pinzhi:bpmn" id="d" targetNamespace="urn:t">
  <bpmn:process id="${id}" isExecutable="true">
    <bpmn:startEvent id="s" />
    <bpmn:intermediateCatchEvent id="pause"><bpmn:timerEventDefinition><bpmn:timeDuration>${duration}</bpmn:timeDuration></bpmn:timerEventDefinition></bpmn:intermediateCatchEvent>
    <bpmn:userTask id="confirm" pinzhi:candidateRole="quality_manager" />
    <bpmn:endEvent id="e" />
    <bpmn:sequenceFlow id="f1" sourceRef="s" targetRef="pause" /><bpmn:sequenceFlow id="f2" sourceRef="pause" targetRef="confirm" /><bpmn:sequenceFlow id="f3" sourceRef="confirm" targetRef="e" />
  </bpmn:process>
</bpmn:definitions>`;

const INSTANCE = `query ($id: Int!) { workflowInstance(id: $id) { ... on WorkflowInstance { id status states businessKey tasks { id elementId status dueAt } history { event } } } }`;
const BY_KEY = `query ($k: String!) { workflowInstances(businessKey: $k) { ... on WorkflowInstanceConnection { nodes { id key status states tasks { id elementId status } } } } }`;

let store: Store;
let server: ServerProcess;
const logins: number[] = [];

/** A new user signs in; the server must answer within a second. */
async function assertResponsive(step: string): Promise<void> {
  const ms = await new ApiClient(server.base).login('auditor');
  logins.push(ms);
  if (ms >= 1000) throw new Error(`login took ${ms.toFixed(0)} ms at: ${step}`);
}

const as = (username: string): Promise<ApiClient> => signedIn(server, username);

/** Submits `project`'s quarterly checklist with the chosen items failing (each with a photo). */
async function inspect(inspector: ApiClient, submissionId: string, fail: (severity: string) => number): Promise<{ id: number; findings: { id: number; severity: string; status: string }[] }> {
  const list = (await inspector.gql(`{ checklist(projectId: 1, tier: quarterly) { ... on Checklist { id items { id key code version title severity input evidence touchpoints options schema } } ... on Error { message } } }`)).data.checklist;
  const photos = await Promise.all([[90, 140, 120], [160, 120, 80], [70, 90, 150], [150, 150, 150], [200, 180, 90]].map((rgb) => inspector.upload(solidPng(64, 48, rgb as [number, number, number]))));
  const items = list.items as ChecklistItem[];
  const failing = new Set<string>();
  for (const severity of ['minor', 'major', 'critical']) {
    items.filter((i) => i.severity === severity && failingValue(i) !== null).slice(0, fail(severity)).forEach((i) => failing.add(i.id));
  }
  const answers = passingAnswers(items, photos).map((a) => (failing.has(a.itemId) ? { itemId: a.itemId, value: failingValue(items.find((i) => i.id === a.itemId)!), photos: [photos[0]] } : a));
  const result = (await inspector.gql(`mutation ($c: String!, $s: String!, $a: [AnswerInput!]!) { submitInspection(checklistId: $c, clientSubmissionId: $s, answers: $a) { __typename ... on SubmitInspectionSuccess { inspection { id findings { id severity status } } } ... on Error { message } } }`, { c: list.id, s: submissionId, a: answers })).data.submitInspection;
  if (!result.inspection) throw new Error(`submission refused: ${JSON.stringify(result)}`);
  return result.inspection;
}

/** The rectification of a finding once the queue (or the start-up sweep) has opened it. */
function rectificationOf(client: ApiClient, findingId: number, timeoutMs = 20_000) {
  return eventually(`the rectification of finding ${findingId}`, async () => {
    const items = (await client.gql(BY_KEY, { k: `finding:${findingId}` })).data.workflowInstances.nodes;
    return items.length > 0 ? items[0] : undefined;
  }, timeoutMs);
}

async function stopWith(signal: NodeJS.Signals): Promise<{ code: number | string; ms: number; output: string }> {
  const started = performance.now();
  server.child.kill(signal);
  const code = await server.exited;
  return { code, ms: performance.now() - started, output: server.output() };
}

const interrupted: { code: number | string; ms: number; output: string }[] = [];

beforeAll(async () => {
  store = await freshStore();
  // the first start is cut short twice while it fills the store: SIGTERM during the library's
  // import, SIGKILL during the demo activity
  for (const [signal, moment] of [['SIGTERM', /created \d+ demo users/], ['SIGKILL', /deployed workflows/]] as const) {
    server = await startServer(store);
    await server.printed(moment);
    interrupted.push(await stopWith(signal));
  }
  server = await startServer(store);
  await server.ready();
}, 240_000);

afterAll(() => tearDown(server, store, 'SIGKILL'));

describe(`the core loop in the real server process (${process.env.TEST_DATABASE_URL ? 'PostgreSQL' : 'embedded PGlite'})`, () => {
  it('a first start cut short by SIGTERM (stopping within 10 s) and then by SIGKILL comes up complete on the next start', async () => {
    // it stopped at once, by its own choice (exit 0, said so), not cut off by its 10 s deadline
    // (which exits 1 saying "still stopping"); the wall time depends on the machine's load, not on the
    // product: a starved 2-core machine may not run the signal handler for seconds
    expect(interrupted[0].code).toBe(0);
    expect(interrupted[0].output).toMatch(/SIGTERM: stopping\s+stopped during start-up; the next start completes it/);
    expect(interrupted[0].output).not.toMatch(/still stopping after/);
    expect(interrupted[1].code).toBe('SIGKILL');
    await assertResponsive('after two interrupted first starts');
    const auditor = await as('auditor');
    expect((await auditor.gql('{ editions { ... on EditionConnection { nodes { name } } } }')).data.editions.nodes.map((e: { name: string }) => e.name).sort()).toEqual(['2026-Q3', '2026-Q4', '2027-Q1']);
    expect((await auditor.gql('{ workflowDefinitions { ... on WorkflowDefinitionConnection { nodes { key } } } }')).data.workflowDefinitions.nodes.map((d: { key: string }) => d.key)).toEqual(expect.arrayContaining(['rectification', 'innovation-fund', 'standard-revision']));
    // and the demo activity, cut off by SIGKILL, was finished: its 18 inspections, each once (and the training-effect demo's daily ones after it)
    expect((await auditor.gql('{ inspections(first: 1) { ... on InspectionConnection { totalCount } } }')).data.inspections.totalCount).toBe(18 + DEMO_ASSESSMENTS.scenario + DEMO_ASSESSMENTS.mystery + EFFECT_DEMO_INSPECTIONS);
    expect(server.output()).toMatch(/demo activity: 18 inspections/);
  });

  let major: { id: number };
  let critical: { id: number };
  let minor: { id: number };
  let longTimerInstance: number;

  it('an inspection with major, critical and minor findings: the queue opens the rectifications of the major and critical ones', async () => {
    await assertResponsive('first start');
    const inspector = await as('inspector');
    // given an inspection where one item of each severity fails
    const inspection = await inspect(inspector, 'product-loop-1', () => 1);
    major = inspection.findings.find((f) => f.severity === 'major')!;
    critical = inspection.findings.find((f) => f.severity === 'critical')!;
    minor = inspection.findings.find((f) => f.severity === 'minor')!;
    expect([major, critical, minor].every(Boolean)).toBe(true);
    await assertResponsive('after the submission');
    // then the job queue opens a rectification for the major and the critical finding, each at 分析
    const manager = await as('manager');
    for (const finding of [major, critical]) {
      const instance = await rectificationOf(manager, finding.id);
      expect(instance).toMatchObject({ key: 'rectification', status: 'running', states: ['analyse'] });
      await assertResponsive(`rectification of finding ${finding.id} opened`);
    }
    // and none for the minor one
    expect((await manager.gql(BY_KEY, { k: `finding:${minor.id}` })).data.workflowInstances.nodes).toEqual([]);
    const statuses = (await manager.gql(`{ inspection(id: ${inspection.id}) { ... on Inspection { findings { id status } } } }`)).data.inspection.findings;
    expect(Object.fromEntries(statuses.map((f: { id: number; status: string }) => [f.id, f.status]))).toMatchObject({ [major.id]: 'rectifying', [critical.id]: 'rectifying', [minor.id]: 'open' });
  }, 120_000);

  it('a rectification requested for the minor finding opens at once, and the tasks are worked', async () => {
    const manager = await as('manager');
    const requested = (await manager.gql(`mutation { requestRectification(findingId: ${minor.id}) { __typename ... on WorkflowInstance { id states } ... on Error { message } } }`, {}, 10_000)).data.requestRectification;
    expect(requested).toMatchObject({ __typename: 'WorkflowInstance', states: ['analyse'] });
    await assertResponsive('after requestRectification');
    // the project manager analyses and rectifies the major finding, with a photo
    const pm = await as('pm');
    const instance = await rectificationOf(pm, major.id);
    const complete = async (client: ApiClient, element: string, data: Record<string, unknown>) => {
      const view = (await client.gql(INSTANCE, { id: instance.id })).data.workflowInstance;
      const task = view.tasks.find((x: { elementId: string; status: string }) => x.elementId === element && x.status === 'open');
      const done = (await client.gql(`mutation ($id: Int!, $d: JSON) { completeTask(id: $id, data: $d) { __typename ... on Error { message } } }`, { id: task.id, d: data })).data.completeTask;
      expect(done).toEqual({ __typename: 'WorkflowTask' });
      await assertResponsive(`task ${element} completed`);
    };
    await complete(pm, 'analyse', { cause: '保洁员漏做地坎清理', plan: '增加午间一次地坎专项清理并培训' });
    const proof = await pm.upload(solidPng(64, 48, [30, 160, 60]));
    await complete(pm, 'rectify', { measures: '已完成地坎清理并调整排班', evidencePhotos: [proof] });
    const view = (await pm.gql(INSTANCE, { id: instance.id })).data.workflowInstance;
    expect(view.states).toEqual(['verify']);
  }, 120_000);

  it('a short timer fires through the queue; a longer one stays armed', async () => {
    const manager = await as('manager');
    for (const [key, duration] of [['product-short', 'PT2S'], ['product-long', 'PT12S']]) {
      const deployed = (await manager.gql(`mutation ($k: String!, $x: String!) { deployWorkflow(key: $k, bpmnXml: $x) { __typename ... on Error { message } } }`, { k: key, x: WAIT_BPMN(key, duration) })).data.deployWorkflow;
      expect(deployed).toEqual({ __typename: 'DeployWorkflowSuccess' });
    }
    const short = (await manager.gql(`mutation { startWorkflow(key: "product-short") { ... on WorkflowInstance { id states } } }`)).data.startWorkflow;
    expect(short.states).toEqual(['pause']);
    const fired = await eventually('the 2-second timer', async () => {
      const view = (await manager.gql(INSTANCE, { id: short.id })).data.workflowInstance;
      return view.states[0] === 'confirm' ? view : undefined;
    });
    expect(fired.history.map((h: { event: string }) => h.event)).toEqual(['start', 'timer']);
    await assertResponsive('timer fired');
    longTimerInstance = (await manager.gql(`mutation { startWorkflow(key: "product-long") { ... on WorkflowInstance { id } } }`)).data.startWorkflow.id;
  }, 60_000);

  it('SIGTERM stops the server within 10 s; a restart finds the data and the timers intact, and the armed timer fires once', async () => {
    // the stop comes while requests are in flight
    const busy = await as('manager');
    const inflight = Array.from({ length: 8 }, (_, i) => busy.gql(i % 2 ? '{ findings(first: 200) { ... on FindingConnection { totalCount nodes { id title } } } }' : '{ editionDiff(from: "2026-Q3", to: "2026-Q4") { __typename } }').catch(() => null));
    const stopped = await stopWith('SIGTERM');
    await Promise.all(inflight);
    // exit 0 is the orderly stop; the 10 s deadline exits 1 saying "still stopping"
    expect(stopped.code).toBe(0);
    expect(stopped.output).not.toMatch(/still stopping after/);
    server = await startServer(store);
    await server.ready();
    await assertResponsive('after the restart');
    const manager = await as('manager');
    // the data: every finding's rectification where it was
    expect((await rectificationOf(manager, major.id)).states).toEqual(['verify']);
    expect((await rectificationOf(manager, critical.id)).states).toEqual(['analyse']);
    expect((await rectificationOf(manager, minor.id)).states).toEqual(['analyse']);
    // the timer armed before the stop fires after the restart, once
    const view = await eventually('the 12-second timer after the restart', async () => {
      const v = (await manager.gql(INSTANCE, { id: longTimerInstance })).data.workflowInstance;
      return v.states[0] === 'confirm' ? v : undefined;
    }, 30_000);
    expect(view.history.map((h: { event: string }) => h.event)).toEqual(['start', 'timer']);
    await assertResponsive('long timer fired');
  }, 120_000);

  it('SIGKILL right after a submission: the restart opens its rectifications and answers at once', async () => {
    const inspector = await as('inspector');
    const inspection = await inspect(inspector, 'product-loop-2', (severity) => (severity === 'major' ? 2 : 0));
    const stopped = await stopWith('SIGKILL');
    expect(stopped.code).toBe('SIGKILL');
    server = await startServer(store);
    await server.ready();
    await assertResponsive('after the restart from SIGKILL');
    const manager = await as('manager');
    for (const finding of inspection.findings) {
      expect(await rectificationOf(manager, finding.id)).toMatchObject({ status: 'running', states: ['analyse'] });
    }
    // and each finding has exactly one rectification
    for (const finding of inspection.findings) {
      expect((await manager.gql(BY_KEY, { k: `finding:${finding.id}` })).data.workflowInstances.nodes).toHaveLength(1);
    }
    await assertResponsive('end of the loop');
    expect(server.output()).not.toMatch(/Unexpected error|deadlock/i);
    expect(Math.max(...logins)).toBeLessThan(1000);
  }, 180_000);
});
