import type { CompileIssue } from '../../domain/workflows/compiler/errors.ts';
import { reasonOf } from '../../domain/workflows/compiler/errors.ts';
import { deployWorkflowDraft, getDraft, importWorkflow, listDrafts, saveWorkflowDraft } from '../../domain/workflows/draft.service.ts';
import type { WorkflowDraft } from '../../domain/workflows/draft.repository.ts';
import { exportDefinition } from '../../domain/workflows/definition.service.ts';
import { WorkflowIncompleteError } from '../../domain/workflows/missing.ts';
import { paramsData } from '../../domain/shared/messages.ts';
import { render } from '../i18n/catalogue.ts';
import { builder } from './builder.ts';
import { ErrorInterface, IssueRef, READ_ERRORS, WRITE_ERRORS } from './error.types.ts';
import { connectionOf, pagedCost, pageArgs, toConnection } from './connection.ts';
import { DefinitionRef, DeployRef } from './workflow.types.ts';

/** Import, then complete; export (issue 19). */

const MissingRef = builder.objectRef<CompileIssue>('WorkflowMissingItem').implement({
  description: 'A Pinzhi property an element still lacks before the process may deploy: a task with no role, a service task with no action, a gateway flow with no condition, a timer with no duration.',
  fields: (t) => ({
    elementId: t.exposeString('id', { description: 'the BPMN element id' }),
    elementType: t.exposeString('type', { description: 'the BPMN type, e.g. bpmn:UserTask' }),
    name: t.exposeString('name', { nullable: true }),
    code: t.exposeString('code', { description: 'compile.role_missing, compile.lane_role_unknown, compile.action_missing, compile.flow_without_condition or compile.timer_empty' }),
    params: t.field({ type: 'JSON', resolve: (i) => paramsData(i.params) }),
    message: t.string({ description: 'what is missing, in the request\'s language', resolve: (i, _a, ctx) => render(reasonOf(i), ctx.locale) }),
  }),
});

builder.objectType(WorkflowIncompleteError, {
  name: 'WorkflowIncompleteError',
  description: 'The process lacks Pinzhi properties; `missing` lists them by element (and `issues` points at them as `/<element id>`). Nothing was deployed.',
  interfaces: [ErrorInterface],
  fields: (t) => ({
    missing: t.field({ type: [MissingRef], resolve: (e) => e.missing }),
    issues: t.field({ type: [IssueRef], resolve: (e) => e.issues }),
  }),
});

const DraftRef = builder.objectRef<WorkflowDraft>('WorkflowDraft').implement({
  description: 'A BPMN diagram imported from another tool, stored until it is complete and deployed.',
  isTypeOf: (v) => typeof v === 'object' && v !== null && 'missing' in v && 'status' in v,
  fields: (t) => ({
    id: t.exposeInt('id'),
    key: t.exposeString('key'),
    name: t.exposeString('name'),
    processId: t.exposeString('processId', { nullable: true, description: 'the pool of a collaboration that runs' }),
    bpmnXml: t.exposeString('bpmnXml'),
    missing: t.field({ type: [MissingRef], description: 'what must be completed before deploying; empty when the draft deploys', resolve: (d) => d.missing }),
    complete: t.boolean({ resolve: (d) => d.missing.length === 0 }),
    status: t.exposeString('status', { description: 'draft, or deployed' }),
    deployedVersion: t.exposeInt('deployedVersion', { nullable: true }),
    revision: t.exposeInt('revision'),
    createdBy: t.exposeString('createdBy'),
    createdAt: t.expose('createdAt', { type: 'DateTime' }),
    updatedBy: t.exposeString('updatedBy'),
    updatedAt: t.expose('updatedAt', { type: 'DateTime' }),
  }),
});

const ExportRef = builder.objectRef<Awaited<ReturnType<typeof exportDefinition>>>('WorkflowExport').implement({
  description: 'A deployed version as BPMN 2.0 for other tools: Pinzhi\'s properties in the urn:pinzhi:bpmn namespace, diagram interchange kept.',
  fields: (t) => ({
    definition: t.field({ type: DefinitionRef, resolve: (e) => e.definition }),
    fileName: t.exposeString('fileName'),
    bpmnXml: t.exposeString('bpmnXml'),
  }),
});

const DraftConnection = connectionOf(DraftRef, 'WorkflowDraft');

builder.queryFields((t) => ({
  workflowDrafts: t.field({
    type: DraftConnection,
    description: 'The organisation\'s imported drafts not yet deployed (all: deployed ones too), newest first.',
    errors: { types: READ_ERRORS, union: { name: 'WorkflowDraftsResult' } },
    args: { all: t.arg.boolean(), ...pageArgs(t.arg) },
    complexity: (a) => pagedCost(a),
    resolve: async (_r, a, ctx) => toConnection(await listDrafts(ctx, a, a.all ?? false)),
  }),
  workflowDraft: t.field({
    type: DraftRef,
    errors: { types: READ_ERRORS, union: { name: 'WorkflowDraftResult' } },
    args: { id: t.arg.int({ required: true }) },
    resolve: (_r, a, ctx) => getDraft(ctx, a.id),
  }),
  exportWorkflow: t.field({
    type: ExportRef,
    description: 'A deployed version (the newest when none is given) as BPMN 2.0 XML that other tools open.',
    errors: { types: READ_ERRORS, union: { name: 'ExportWorkflowResult' } },
    args: { key: t.arg.string({ required: true }), version: t.arg.int() },
    resolve: (_r, a, ctx) => exportDefinition(ctx, a.key, a.version),
  }),
}));

builder.mutationFields((t) => ({
  importWorkflow: t.field({
    type: DraftRef,
    errors: { types: WRITE_ERRORS, union: { name: 'ImportWorkflowResult' } },
    description: 'Stores a BPMN file from another tool as the draft of `key` (replacing its open draft), with what it still lacks in `missing`. A file that is not BPMN 2.0, too large, has a DOCTYPE, no process or an unsupported element is a ValidationError and nothing is stored.',
    args: {
      key: t.arg.string({ required: true }),
      bpmnXml: t.arg.string({ required: true }),
      processId: t.arg.string({ description: 'The pool to run when the file is a collaboration of several.' }),
    },
    resolve: (_r, a, ctx) => importWorkflow(ctx, a.key, a.bpmnXml, a.processId),
  }),
  saveWorkflowDraft: t.field({
    type: DraftRef,
    errors: { types: WRITE_ERRORS, union: { name: 'SaveWorkflowDraftResult' } },
    description: 'Saves the completed diagram over a draft and recomputes its missing list.',
    args: { id: t.arg.int({ required: true }), bpmnXml: t.arg.string({ required: true }), processId: t.arg.string() },
    resolve: (_r, a, ctx) => saveWorkflowDraft(ctx, a.id, a.bpmnXml, a.processId),
  }),
  deployWorkflowDraft: t.field({
    type: DeployRef,
    errors: { types: [WorkflowIncompleteError, ...WRITE_ERRORS], union: { name: 'DeployWorkflowDraftResult' } },
    description: 'Deploys a complete draft as the next version of its key and marks it deployed; a WorkflowIncompleteError while anything is missing.',
    args: { id: t.arg.int({ required: true }) },
    resolve: (_r, a, ctx) => deployWorkflowDraft(ctx, a.id),
  }),
}));
