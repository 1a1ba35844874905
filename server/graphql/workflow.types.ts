import { render } from '../i18n/catalogue.ts';
import type { JsonValue } from '../../domain/shared/json.ts';
import { deployWorkflow, findDefinition, leavesOf, listDefinitions, migrateInstances, runnableOf, type DefinitionRow, type DeployResult, type MigrationResult } from '../../domain/workflows/definition.service.ts';
import { rectificationKpis, type RectificationKpi, type StepKpi } from '../../domain/reports/kpi.service.ts';
import { requestRectification } from '../../domain/findings/rectification.service.ts';
import { calledBy, callerOf, cancelInstance, getInstance, instanceHistory, instanceTasks, startWorkflow } from '../../domain/workflows/instance.service.ts';
import { claimTask, completeTask, listTasks } from '../../domain/workflows/task.service.ts';
import type { HistoryEntry, WorkflowInstance } from '../../domain/workflows/instance.repository.ts';
import type { WorkflowTask } from '../../domain/workflows/task.repository.ts';
import { listInstances } from '../../domain/workflows/instance-list.service.ts';
import { authorize, ROLES } from '../../domain/shared/access.ts';
import { SERVICE_ACTIONS } from '../../domain/workflows/actions.service.ts';
import { WorkflowIncompleteError } from '../../domain/workflows/missing.ts';
import { builder } from './builder.ts';
import { READ_ERRORS, WRITE_ERRORS } from './error.types.ts';
import { QUALIFICATION_ERRORS } from './qualification-error.types.ts';
import { FIELD_COST } from './query-limits.ts';
import { connectionOf, pagedCost, pageArgs, toConnection } from './connection.ts';

export const DefinitionRef = builder.objectRef<DefinitionRow>('WorkflowDefinition').implement({
  description: 'A deployed version of a BPMN process, compiled to an XState machine.',
  isTypeOf: (v) => typeof v === 'object' && v !== null && 'bpmnXml' in v,
  fields: (t) => ({
    key: t.exposeString('key'),
    version: t.exposeInt('version'),
    name: t.exposeString('name'),
    deployedBy: t.exposeString('deployedBy'),
    deployedAt: t.expose('deployedAt', { type: 'DateTime' }),
    bpmnXml: t.exposeString('bpmnXml'),
    userTasks: t.field({ type: 'JSON', description: 'user tasks by element id: name, candidate role, assignee expression, form, timers', resolve: (d) => d.compiled.userTasks as unknown as JsonValue }),
    timers: t.field({ type: 'JSON', resolve: (d) => d.compiled.timers as unknown as JsonValue }),
    states: t.stringList({ description: 'the element ids an instance can stand in', resolve: (d) => d.compiled.stateIds }),
  }),
});

const OrphanRef = builder.objectRef<DeployResult['orphanedStates'][number]>('OrphanedStates').implement({
  fields: (t) => ({ instanceId: t.exposeInt('instanceId'), version: t.exposeInt('version'), states: t.exposeStringList('states') }),
});

export const DeployRef = builder.objectRef<DeployResult>('DeployWorkflowSuccess').implement({
  isTypeOf: (v) => typeof v === 'object' && v !== null && 'orphanedStates' in v,
  fields: (t) => ({
    definition: t.field({ type: DefinitionRef, resolve: (d) => d.definition }),
    created: t.exposeBoolean('created', { description: 'false when the same BPMN was already the newest version' }),
    orphanedStates: t.field({ type: [OrphanRef], description: 'running instances of older versions standing in states this version no longer has', resolve: (d) => d.orphanedStates }),
  }),
});

const HistoryRef = builder.objectRef<HistoryEntry>('WorkflowHistoryEntry').implement({
  fields: (t) => ({
    at: t.expose('at', { type: 'DateTime' }),
    actor: t.exposeString('actor'),
    event: t.exposeString('event'),
    detail: t.field({ type: 'JSON', resolve: (h) => h.detail as JsonValue }),
    from: t.exposeStringList('fromStates'),
    to: t.exposeStringList('toStates'),
  }),
});

// tasks and instances refer to each other: the instance type is declared first, implemented below
export const InstanceRef = builder.objectRef<WorkflowInstance>('WorkflowInstance');

export const TaskRef = builder.objectRef<WorkflowTask>('WorkflowTask').implement({
  description: 'A user task of a workflow instance.',
  isTypeOf: (v) => typeof v === 'object' && v !== null && 'candidateRole' in v,
  fields: (t) => ({
    id: t.exposeInt('id'),
    elementId: t.exposeString('elementId'),
    name: t.exposeString('name'),
    candidateRole: t.exposeString('candidateRole'),
    assignee: t.exposeString('assignee', { nullable: true }),
    status: t.exposeString('status'),
    dueAt: t.expose('dueAt', { type: 'DateTime', nullable: true }),
    createdAt: t.expose('createdAt', { type: 'DateTime' }),
    claimedBy: t.exposeString('claimedBy', { nullable: true }),
    completedBy: t.exposeString('completedBy', { nullable: true }),
    data: t.field({ type: 'JSON', nullable: true, resolve: (x) => x.data as JsonValue | null }),
    form: t.field({
      type: 'JSON', nullable: true, description: 'the JSON Schema the completion data must satisfy',
      complexity: FIELD_COST.lookup,
      resolve: async (x, _a, ctx) => {
        const instance = await getInstance(ctx, x.instanceId);
        return ((await runnableOf(ctx.em, instance.definitionKey, instance.definitionVersion)).compiled.userTasks[x.elementId]?.form ?? null) as JsonValue;
      },
    }),
    instance: t.field({ type: InstanceRef, complexity: FIELD_COST.lookup, resolve: (x, _a, ctx) => getInstance(ctx, x.instanceId) }),
  }),
});

InstanceRef.implement({
  description: 'A running (or ended) workflow: a persisted XState actor on the definition version it started on.',
  isTypeOf: (v) => typeof v === 'object' && v !== null && 'snapshot' in v && 'definitionKey' in v,
  fields: (t) => ({
    id: t.exposeInt('id'),
    key: t.exposeString('definitionKey'),
    version: t.exposeInt('definitionVersion'),
    status: t.exposeString('status', { description: 'running, completed, cancelled, incident or failed (an error end event no boundary caught)' }),
    businessKey: t.exposeString('businessKey', { nullable: true }),
    revision: t.exposeInt('revision'),
    states: t.stringList({ description: 'the element ids the instance stands in', resolve: (i) => leavesOf(i.snapshot.value) }),
    variables: t.field({ type: 'JSON', resolve: (i) => (i.snapshot.context?.variables ?? {}) as JsonValue }),
    incident: t.string({ nullable: true, description: 'Why the instance stopped, in the request\'s language.', resolve: (i, _a, ctx) => (i.incident ? render(i.incident, ctx.locale) : null) }),
    incidentCode: t.string({ nullable: true, description: 'The stable code of the incident (instance.no_path).', resolve: (i) => i.incident?.code ?? null }),
    startedBy: t.exposeString('startedBy'),
    startedAt: t.expose('startedAt', { type: 'DateTime' }),
    endedAt: t.expose('endedAt', { type: 'DateTime', nullable: true }),
    tasks: t.field({ type: [TaskRef], complexity: { field: FIELD_COST.lookup, multiplier: 10 }, resolve: (i, _a, ctx) => instanceTasks(ctx, i.id) }),
    history: t.field({ type: [HistoryRef], complexity: { field: FIELD_COST.lookup, multiplier: 10 }, resolve: (i, _a, ctx) => instanceHistory(ctx, i.id) }),
    parentInstance: t.field({ type: InstanceRef, nullable: true, description: 'The instance whose call activity started this one; null for one started on its own.', complexity: FIELD_COST.lookup, resolve: (i, _a, ctx) => callerOf(ctx, i) }),
    parentElement: t.exposeString('parentElement', { nullable: true, description: 'The call activity of the parent instance that started this one.' }),
    calledInstances: t.field({ type: [InstanceRef], description: 'The instances this one\'s call activities started, oldest first.', complexity: { field: FIELD_COST.lookup, multiplier: 10 }, resolve: (i, _a, ctx) => calledBy(ctx, i.id) }),
  }),
});

const DefinitionConnection = connectionOf(DefinitionRef, 'WorkflowDefinition');
const InstanceConnection = connectionOf(InstanceRef, 'WorkflowInstance');
const TaskConnection = connectionOf(TaskRef, 'WorkflowTask');

builder.queryFields((t) => ({
  workflowInstances: t.field({
    type: InstanceConnection,
    description: 'Workflow instances, newest first.',
    errors: { types: READ_ERRORS, union: { name: 'WorkflowInstancesResult' } },
    args: { key: t.arg.string(), status: t.arg.string({ description: 'running, completed, cancelled, incident or failed' }), businessKey: t.arg.string(), ...pageArgs(t.arg) },
    complexity: (a) => pagedCost(a),
    resolve: async (_r, a, ctx) => toConnection(await listInstances(ctx, a, a)),
  }),
  workflowDefinitions: t.field({
    type: DefinitionConnection,
    description: 'Every deployed version, by key, newest first per key.',
    errors: { types: READ_ERRORS, union: { name: 'WorkflowDefinitionsResult' } },
    args: pageArgs(t.arg),
    complexity: (a) => pagedCost(a),
    resolve: async (_r, a, ctx) => toConnection(await listDefinitions(ctx, a)),
  }),
  workflowDefinition: t.field({
    type: DefinitionRef,
    errors: { types: READ_ERRORS, union: { name: 'WorkflowDefinitionResult' } },
    args: { key: t.arg.string({ required: true }), version: t.arg.int() },
    resolve: (_r, a, ctx) => {
      authorize(ctx.actor, 'readStandards');
      return findDefinition(ctx.em, a.key, a.version);
    },
  }),
  workflowInstance: t.field({
    type: InstanceRef,
    errors: { types: READ_ERRORS, union: { name: 'WorkflowInstanceResult' } },
    args: { id: t.arg.int({ required: true }) },
    resolve: (_r, a, ctx) => getInstance(ctx, a.id),
  }),
  tasks: t.field({
    type: TaskConnection,
    description: 'Open tasks (or of another status): mine, my roles\', or overdue; of a project\'s or a severity\'s findings, at a step; the soonest due first (or the newest).',
    errors: { types: READ_ERRORS, union: { name: 'TasksResult' } },
    args: {
      mine: t.arg.boolean(), role: t.arg.boolean(), overdue: t.arg.boolean(), status: t.arg.string(),
      projectId: t.arg.int({ description: 'rectification tasks of this project\'s findings' }), severity: t.arg.string({ description: 'rectification tasks of findings of this severity: critical, major or minor' }),
      step: t.arg.string({ description: 'tasks at this step (element id, e.g. rectify)' }), sort: t.arg.string({ description: 'due (soonest first, the default) or newest' }),
      ...pageArgs(t.arg),
    },
    complexity: (a) => pagedCost(a),
    resolve: async (_r, a, ctx) => toConnection(await listTasks(ctx, a, a)),
  }),
}));

builder.mutationFields((t) => ({
  deployWorkflow: t.field({
    type: DeployRef,
    errors: { types: [WorkflowIncompleteError, ...WRITE_ERRORS], union: { name: 'DeployWorkflowResult' } },
    description: 'Compiles BPMN and stores it as the next version. Compile errors come as a ValidationError whose issue pointers are `/<element id>`; a diagram that only lacks Pinzhi properties (roles, actions, conditions) as a WorkflowIncompleteError listing them.',
    args: {
      key: t.arg.string({ required: true }),
      bpmnXml: t.arg.string({ required: true }),
      processId: t.arg.string({ description: 'The process (pool) to run when the diagram is a collaboration of several; by default the one marked isExecutable.' }),
    },
    resolve: (_r, a, ctx) => deployWorkflow(ctx, a.key, a.bpmnXml, a.processId),
  }),
  startWorkflow: t.field({
    type: InstanceRef,
    errors: { types: WRITE_ERRORS, union: { name: 'StartWorkflowResult' } },
    args: { key: t.arg.string({ required: true }), variables: t.arg({ type: 'JSON' }), businessKey: t.arg.string() },
    resolve: (_r, a, ctx) => startWorkflow(ctx, a.key, (a.variables ?? {}) as Record<string, unknown>, a.businessKey ?? null),
  }),
  claimTask: t.field({ type: TaskRef, errors: { types: WRITE_ERRORS, union: { name: 'ClaimTaskResult' } }, args: { id: t.arg.int({ required: true }) }, resolve: (_r, a, ctx) => claimTask(ctx, a.id) }),
  completeTask: t.field({
    type: TaskRef,
    errors: { types: [...WRITE_ERRORS, ...QUALIFICATION_ERRORS], union: { name: 'CompleteTaskResult' } },
    args: { id: t.arg.int({ required: true }), data: t.arg({ type: 'JSON' }) },
    resolve: (_r, a, ctx) => completeTask(ctx, a.id, (a.data ?? {}) as Record<string, unknown>),
  }),
  cancelInstance: t.field({
    type: InstanceRef,
    errors: { types: WRITE_ERRORS, union: { name: 'CancelInstanceResult' } },
    args: { id: t.arg.int({ required: true }), reason: t.arg.string({ required: true }) },
    resolve: (_r, a, ctx) => cancelInstance(ctx, a.id, a.reason),
  }),
}));

const StateMappingInput = builder.inputType('StateMappingInput', {
  fields: (t) => ({ from: t.string({ required: true }), to: t.string({ required: true }) }),
});

const MigrationRef = builder.objectRef<MigrationResult>('MigrateInstancesSuccess').implement({
  isTypeOf: (v) => typeof v === 'object' && v !== null && 'migrated' in v,
  fields: (t) => ({ migrated: t.exposeIntList('migrated', { description: 'the instances moved to the new version' }) }),
});

const StepKpiRef = builder.objectRef<StepKpi>('RectificationStepKpi').implement({
  fields: (t) => ({
    step: t.exposeString('step', { description: 'analyse (分析, 48 h), rectify (整改, 72 h), verify, prevent' }),
    completed: t.exposeInt('completed'),
    onTime: t.exposeInt('onTime'),
    onTimeRate: t.exposeFloat('onTimeRate', { nullable: true }),
    meanHours: t.exposeFloat('meanHours', { nullable: true }),
  }),
});

const KpiRef = builder.objectRef<RectificationKpi>('RectificationKpi').implement({
  fields: (t) => ({
    key: t.exposeString('key'),
    started: t.exposeInt('started'),
    completed: t.exposeInt('completed'),
    completionRate: t.exposeFloat('completionRate', { nullable: true }),
    openOverdue: t.exposeInt('openOverdue'),
    steps: t.field({ type: [StepKpiRef], resolve: (k) => k.steps }),
  }),
});

const KpiGroupEnum = builder.enumType('KpiGroup', { values: { project: { value: 'project' }, module: { value: 'module' }, month: { value: 'month' } } as const });

const VocabularyRef = builder.objectRef<{ roles: readonly string[]; actions: string[] }>('WorkflowVocabulary').implement({
  description: 'What the BPMN compiler accepts: candidate roles of user tasks and built-in actions of service tasks.',
  fields: (t) => ({ roles: t.stringList({ resolve: (v) => [...v.roles] }), actions: t.exposeStringList('actions') }),
});

builder.queryField('workflowVocabulary', (t) =>
  t.field({
    type: VocabularyRef,
    description: 'The roles and service actions a process may name (for modelers).',
    resolve: (_r, _a, ctx) => {
      authorize(ctx.actor, 'readStandards');
      return { roles: ROLES, actions: Object.keys(SERVICE_ACTIONS) };
    },
  }),
);

builder.queryField('rectificationKpis', (t) =>
  t.field({
    type: [KpiRef],
    description: 'Rectification completion rate, on-time rate and mean hours per step, open overdue tasks — by project, module or month.',
    complexity: { field: FIELD_COST.report, multiplier: 10 },
    args: { groupBy: t.arg({ type: KpiGroupEnum, required: true }), from: t.arg.string(), to: t.arg.string() },
    resolve: (_r, a, ctx) => rectificationKpis(ctx, a.groupBy, a),
  }),
);

builder.mutationFields((t) => ({
  migrateInstances: t.field({
    type: MigrationRef,
    errors: { types: WRITE_ERRORS, union: { name: 'MigrateInstancesResult' } },
    args: { key: t.arg.string({ required: true }), fromVersion: t.arg.int({ required: true }), toVersion: t.arg.int({ required: true }), mapping: t.arg({ type: [StateMappingInput], required: true }) },
    resolve: (_r, a, ctx) => migrateInstances(ctx, a.key, a.fromVersion, a.toVersion, a.mapping),
  }),
  requestRectification: t.field({
    type: InstanceRef,
    errors: { types: WRITE_ERRORS, union: { name: 'RequestRectificationResult' } },
    description: 'Opens the rectification of a finding (minor findings are not opened automatically).',
    args: { findingId: t.arg.int({ required: true }) },
    resolve: async (_r, a, ctx) => getInstance(ctx, await requestRectification(ctx, a.findingId)),
  }),
}));
