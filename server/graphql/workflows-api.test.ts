import { readFileSync } from 'node:fs';
import { startTestApp, type TestApp } from '../../test/harness.ts';
import { fireDueTimers, fireTimer } from '../../domain/workflows/timers/timer.service.ts';
import { SYSTEM_ACTOR } from '../../domain/shared/access.ts';

let t: TestApp;
let manager: string;
let inspector: string;
let pm: string;
const fixture = (name: string) => readFileSync(new URL(`../../domain/workflows/compiler/fixtures/${name}.bpmn`, import.meta.url), 'utf8');

const DEPLOY = `mutation ($k: String!, $x: String!) { deployWorkflow(key: $k, bpmnXml: $x) { __typename
  ... on DeployWorkflowSuccess { created definition { key version states } orphanedStates { instanceId states } }
  ... on ValidationError { message issues { pointer message } } ... on Error { message } } }`;
const START = `mutation ($k: String!, $v: JSON, $b: String) { startWorkflow(key: $k, variables: $v, businessKey: $b) { __typename
  ... on WorkflowInstance { id version status states tasks { id elementId status candidateRole dueAt } } ... on Error { message } } }`;
const COMPLETE = `mutation ($id: Int!, $d: JSON) { completeTask(id: $id, data: $d) { __typename ... on WorkflowTask { status completedBy instance { status states } }
  ... on ValidationError { issues { pointer message } } ... on Error { message } } }`;
const INSTANCE = `query ($id: Int!) { workflowInstance(id: $id) { ... on WorkflowInstance { status states incident variables revision
  tasks { id elementId status } history { event actor from to detail } } } }`;

beforeAll(async () => {
  t = await startTestApp();
  [manager, inspector, pm] = await Promise.all(['manager', 'inspector', 'pm'].map((u) => t.login(u)));
});
afterAll(() => t.close());

describe('deploying', () => {
  it('stores version n+1, keeps the same BPMN as one version, and returns compile errors located by element', async () => {
    const first = await t.gql(DEPLOY, { k: 'linear', x: fixture('linear') }, manager);
    expect(first.data.deployWorkflow).toMatchObject({ __typename: 'DeployWorkflowSuccess', created: true, definition: { key: 'linear', version: 1, states: expect.arrayContaining(['approve', 'end']) } });
    expect((await t.gql(DEPLOY, { k: 'linear', x: fixture('linear') }, manager)).data.deployWorkflow).toMatchObject({ created: false, definition: { version: 1 } });
    const bad = await t.gql(DEPLOY, { k: 'linear', x: fixture('linear').replace('<bpmn:endEvent id="end" />', '<bpmn:endEvent id="end" /><bpmn:businessRuleTask id="paper" />') }, manager);
    expect(bad.data.deployWorkflow).toMatchObject({ __typename: 'ValidationError', issues: [{ pointer: '/paper', message: expect.stringContaining('bpmn:BusinessRuleTask paper: BusinessRuleTask is not supported') }] });
    const forbidden = await t.gql(DEPLOY, { k: 'linear', x: fixture('linear') }, inspector);
    expect(forbidden.data.deployWorkflow.__typename).toBe('ForbiddenError');
  });
});

describe('running', () => {
  beforeAll(async () => {
    for (const k of ['gateway', 'timers', 'subprocess', 'parallel']) expect((await t.gql(DEPLOY, { k, x: fixture(k) }, manager)).data.deployWorkflow.__typename).toBe('DeployWorkflowSuccess');
  });

  it('moves an instance through its tasks, one transaction and one history row per step, and validates form data', async () => {
    const started = (await t.gql(START, { k: 'linear', b: 'demo-1' }, inspector)).data.startWorkflow;
    expect(started).toMatchObject({ status: 'running', version: 1, states: ['approve'], tasks: [{ elementId: 'approve', status: 'open', candidateRole: 'quality_manager' }] });
    const task = started.tasks[0].id;
    const invalid = await t.gql(COMPLETE, { id: task, d: { approved: 'yes' } }, manager);
    expect(invalid.data.completeTask).toMatchObject({ __typename: 'ValidationError', issues: [{ pointer: '/approved', message: 'must be boolean' }] });
    const wrongRole = await t.gql(COMPLETE, { id: task, d: { approved: true } }, pm);
    expect(wrongRole.data.completeTask.__typename).toBe('ForbiddenError');
    const done = await t.gql(COMPLETE, { id: task, d: { approved: true } }, manager);
    expect(done.data.completeTask).toMatchObject({ status: 'completed', completedBy: 'manager', instance: { status: 'completed', states: ['end'] } });
    const again = await t.gql(COMPLETE, { id: task, d: { approved: true } }, manager);
    expect(again.data.completeTask).toMatchObject({ __typename: 'ConflictError', message: expect.stringContaining('is completed, not open') });
    const view = (await t.gql(INSTANCE, { id: started.id }, manager)).data.workflowInstance;
    expect(view.history.map((h: { event: string; from: string[]; to: string[] }) => [h.event, h.from, h.to])).toEqual([['start', [], ['approve']], ['complete', ['approve'], ['end']]]);
    expect(view.variables).toEqual({ approved: true });
  });

  it('lets one of two concurrent completions win; the other gets a typed conflict', async () => {
    const started = (await t.gql(START, { k: 'gateway' }, inspector)).data.startWorkflow;
    const task = started.tasks[0].id;
    const [a, b] = await Promise.all([
      t.gql(COMPLETE, { id: task, d: { prevention: 'none' } }, manager),
      t.gql(COMPLETE, { id: task, d: { prevention: 'training' } }, manager),
    ]);
    const kinds = [a.data.completeTask.__typename, b.data.completeTask.__typename].sort();
    expect(kinds).toEqual(['ConflictError', 'WorkflowTask']);
    const view = (await t.gql(INSTANCE, { id: started.id }, manager)).data.workflowInstance;
    expect(view.history.filter((h: { event: string }) => h.event === 'complete')).toHaveLength(1);
  });

  it('lets a task be claimed once, by someone of its role', async () => {
    const started = (await t.gql(START, { k: 'gateway' }, inspector)).data.startWorkflow;
    await t.gql(COMPLETE, { id: started.tasks[0].id, d: { prevention: 'training' } }, manager);
    const training = (await t.gql(INSTANCE, { id: started.id }, manager)).data.workflowInstance.tasks.find((x: { elementId: string }) => x.elementId === 'training');
    const CLAIM = 'mutation ($id: Int!) { claimTask(id: $id) { __typename ... on WorkflowTask { claimedBy } ... on Error { message } } }';
    expect((await t.gql(CLAIM, { id: training.id }, inspector)).data.claimTask.__typename).toBe('ForbiddenError');
    expect((await t.gql(CLAIM, { id: training.id }, pm)).data.claimTask).toEqual({ __typename: 'WorkflowTask', claimedBy: 'pm' });
    expect((await t.gql('{ tasks(mine: true) { ... on WorkflowTaskConnection { nodes { id } } } }', {}, pm)).data.tasks.nodes).toEqual([{ id: training.id }]);
    expect((await t.gql(CLAIM, { id: training.id }, await t.login('admin'))).data.claimTask).toMatchObject({ __typename: 'ConflictError', message: 'Task ' + training.id + ' is claimed by pm' });
    expect((await t.gql(COMPLETE, { id: training.id, d: {} }, pm)).data.completeTask).toMatchObject({ __typename: 'WorkflowTask', instance: { status: 'completed' } });
  });

  it('flags an instance whose gateway finds no way as an incident, without losing it', async () => {
    const started = (await t.gql(START, { k: 'subprocess' }, inspector)).data.startWorkflow;
    const result = await t.gql(COMPLETE, { id: started.tasks[0].id, d: { ok: 'maybe' } }, inspector);
    expect(result.data.completeTask.instance).toEqual({ status: 'incident', states: ['__incident'] });
    const view = (await t.gql(INSTANCE, { id: started.id }, manager)).data.workflowInstance;
    expect(view.incident).toContain('no condition of gateway passed matched');
    expect(view.variables).toEqual({ ok: 'maybe' });
    // stored as a message, read in the reader's language
    const INCIDENT = `query ($id: Int!) { workflowInstance(id: $id) { ... on WorkflowInstance { incident incidentCode } } }`;
    expect((await t.gql(INCIDENT, { id: started.id }, manager, 'zh-CN')).data.workflowInstance).toEqual({ incident: '网关 passed 的条件都不成立，且没有默认流向：流程无路可走', incidentCode: 'instance.no_path' });
    // an instance stopped before incidents were messages shows the English text it recorded
    await t.em().execute('update workflow_instance set incident = ? where id = ?', ['no path could be taken', started.id]);
    expect((await t.gql(INCIDENT, { id: started.id }, manager, 'zh-CN')).data.workflowInstance).toEqual({ incident: 'no path could be taken（英文原文）', incidentCode: 'instance.incident_recorded' });
  });

  it('arms durable timers with absolute deadlines; a due timer fires once, however often it is delivered', async () => {
    const started = (await t.gql(START, { k: 'timers' }, inspector)).data.startWorkflow;
    expect(started.tasks[0].dueAt).toBeTruthy();
    const timers = await t.em().execute<{ id: number; element_id: string; due_at: Date }[]>('select id, element_id, due_at from workflow_timer where instance_id = ? order by element_id', [started.id]);
    expect(timers.map((x) => x.element_id)).toEqual(['late72', 'remind48']);
    const hours = (x: { due_at: Date }) => Math.round((new Date(x.due_at).getTime() - Date.now()) / 3600_000);
    expect(timers.map(hours)).toEqual([72, 48]);
    // not due yet: nothing fires
    expect(await fireTimer(t.app.context(SYSTEM_ACTOR), timers[1].id)).toBe(false);
    // the 48-hour reminder falls due (as if the server had been down meanwhile)
    await t.em().execute(`update workflow_timer set due_at = now() - interval '1 minute' where id = ?`, [timers[1].id]);
    expect(await fireDueTimers(t.app.context(SYSTEM_ACTOR))).toBe(1);
    expect(await fireTimer(t.app.context(SYSTEM_ACTOR), timers[1].id)).toBe(false); // delivered again: no effect
    let view = (await t.gql(INSTANCE, { id: started.id }, manager)).data.workflowInstance;
    expect(view.states).toEqual(['rectify']);
    expect(view.history.map((h: { event: string }) => h.event)).toEqual(['start', 'timer']);
    expect(view.history[1].detail.effects).toEqual([expect.objectContaining({ kind: 'service', action: 'notify' }), expect.objectContaining({ kind: 'escalate', code: 'RECTIFY_LATE' })]);
    // the 72-hour deadline passes: the task is taken away and escalated
    await t.em().execute(`update workflow_timer set due_at = now() - interval '1 minute' where id = ?`, [timers[0].id]);
    const outcomes = await Promise.all([fireTimer(t.app.context(SYSTEM_ACTOR), timers[0].id), fireTimer(t.app.context(SYSTEM_ACTOR), timers[0].id)].map((p) => p.catch((e) => e)));
    expect(outcomes.filter((o) => o === true)).toHaveLength(1);
    view = (await t.gql(INSTANCE, { id: started.id }, manager)).data.workflowInstance;
    expect(view.states).toEqual(['supervisor']);
    expect(view.tasks.map((x: { elementId: string; status: string }) => [x.elementId, x.status])).toEqual([['rectify', 'cancelled'], ['supervisor', 'open']]);
    expect(view.history.filter((h: { event: string }) => h.event === 'timer')).toHaveLength(2);
  });

  it('lists tasks for my roles and overdue ones, and cancels an instance with its tasks and timers', async () => {
    const started = (await t.gql(START, { k: 'parallel' }, inspector)).data.startWorkflow;
    const mine = (await t.gql('{ tasks(role: true) { ... on WorkflowTaskConnection { nodes { elementId candidateRole } } } }', {}, await t.login('auditor'))).data.tasks.nodes;
    expect(mine).toEqual(expect.arrayContaining([{ elementId: 'legal', candidateRole: 'auditor' }]));
    expect(mine.every((x: { candidateRole: string }) => x.candidateRole === 'auditor')).toBe(true);
    await t.em().execute(`update workflow_task set due_at = now() - interval '1 hour' where instance_id = ?`, [started.id]);
    const overdue = (await t.gql('{ tasks(overdue: true) { ... on WorkflowTaskConnection { totalCount nodes { elementId } } } }', {}, manager)).data.tasks;
    expect(overdue.nodes.map((x: { elementId: string }) => x.elementId).sort()).toEqual(['finance', 'legal']);
    expect(overdue.totalCount).toBe(2);
    const cancelled = await t.gql('mutation ($id: Int!) { cancelInstance(id: $id, reason: "重复发起") { ... on WorkflowInstance { status tasks { status } } ... on Error { message } } }', { id: started.id }, manager);
    expect(cancelled.data.cancelInstance).toEqual({ status: 'cancelled', tasks: [{ status: 'cancelled' }, { status: 'cancelled' }] });
  });

  it('lists instances newest first by process and status, and tells modelers the roles and actions they may name', async () => {
    const page = (await t.gql('{ workflowInstances(key: "parallel", first: 50) { ... on WorkflowInstanceConnection { totalCount nodes { id key status } } } }', {}, manager)).data.workflowInstances;
    expect(page.totalCount).toBeGreaterThan(0);
    expect(page.nodes.every((i: { key: string }) => i.key === 'parallel')).toBe(true);
    const cancelled = (await t.gql('{ workflowInstances(status: "cancelled") { ... on WorkflowInstanceConnection { nodes { status } } } }', {}, manager)).data.workflowInstances.nodes;
    expect(cancelled.length).toBeGreaterThan(0);
    expect(cancelled.every((i: { status: string }) => i.status === 'cancelled')).toBe(true);
    const ids = (await t.gql('{ workflowInstances { ... on WorkflowInstanceConnection { nodes { id } } } }', {}, manager)).data.workflowInstances.nodes.map((i: { id: number }) => i.id);
    expect(ids).toEqual([...ids].sort((a: number, b: number) => b - a));
    const bad = await t.gql('{ workflowInstances(status: "sleeping") { __typename ... on ValidationError { message issues { pointer } } } }', {}, manager);
    expect(bad.data.workflowInstances).toEqual({ __typename: 'ValidationError', message: 'Unknown instance status sleeping', issues: [{ pointer: '/status' }] });
    const vocabulary = (await t.gql('{ workflowVocabulary { roles actions } }', {}, pm)).data.workflowVocabulary;
    expect(vocabulary.roles).toEqual(['admin', 'quality_manager', 'inspector', 'project_manager', 'auditor', 'fund_committee', 'frontline']);
    expect(vocabulary.actions).toEqual(expect.arrayContaining(['notify', 'openStandardRevision', 'recordOutcome']));
  });

  it('reports the states a new version drops, and migrates running instances only with a mapping for them', async () => {
    const started = (await t.gql(START, { k: 'linear' }, inspector)).data.startWorkflow;
    const v2 = fixture('linear').replace(/"approve"/g, '"signOff"').replace('name="审批"', 'name="签批"');
    const deployed = (await t.gql(DEPLOY, { k: 'linear', x: v2 }, manager)).data.deployWorkflow;
    expect(deployed).toMatchObject({ created: true, definition: { version: 2 }, orphanedStates: [{ instanceId: started.id, states: ['approve'] }] });
    const MIGRATE = 'mutation ($m: [StateMappingInput!]!) { migrateInstances(key: "linear", fromVersion: 1, toVersion: 2, mapping: $m) { __typename ... on MigrateInstancesSuccess { migrated } ... on ValidationError { issues { pointer message } } } }';
    const refused = (await t.gql(MIGRATE, { m: [] }, manager)).data.migrateInstances;
    expect(refused).toMatchObject({ __typename: 'ValidationError', issues: [{ pointer: `/instances/${started.id}`, message: expect.stringContaining('stands in approve') }] });
    const migrated = (await t.gql(MIGRATE, { m: [{ from: 'approve', to: 'signOff' }] }, manager)).data.migrateInstances;
    expect(migrated.migrated).toContain(started.id);
    const view = (await t.gql(INSTANCE, { id: started.id }, manager)).data.workflowInstance;
    expect(view.states).toEqual(['signOff']);
    const task = view.tasks.find((x: { status: string }) => x.status === 'open');
    expect(task.elementId).toBe('signOff');
    const done = await t.gql(COMPLETE, { id: task.id, d: { approved: true } }, manager);
    expect(done.data.completeTask.instance).toEqual({ status: 'completed', states: ['end'] });
  });
});
