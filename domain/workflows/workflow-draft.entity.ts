import { defineEntity, p, type InferEntity } from '@mikro-orm/core';
import type { CompileIssue } from './compiler/errors.ts';

/** An imported BPMN diagram not yet deployed, with the Pinzhi properties it still lacks (see draft.service.ts). */
export const WorkflowDraftEntity = defineEntity({
  name: 'WorkflowDraft',
  tableName: 'workflow_draft',
  properties: {
    id: p.integer().primary().autoincrement(),
    organisationId: p.integer().defaultRaw('pinzhi_row_organisation()'),
    key: p.string(),
    name: p.string(),
    /** the pool of a collaboration to run; null for the default choice */
    processId: p.string().nullable(),
    bpmnXml: p.text(),
    missing: p.json<CompileIssue[]>(),
    /** draft | deployed */
    status: p.string(),
    deployedVersion: p.integer().nullable(),
    revision: p.integer(),
    createdBy: p.string(),
    createdAt: p.datetime(),
    updatedBy: p.string(),
    updatedAt: p.datetime(),
  },
});
export type IWorkflowDraftEntity = InferEntity<typeof WorkflowDraftEntity>;
