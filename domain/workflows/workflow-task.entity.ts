import { defineEntity, p, type InferEntity } from '@mikro-orm/core';

/** A user task of an instance: open for a role (or an assignee), then completed with its form data or cancelled. */
export const WorkflowTaskEntity = defineEntity({
  name: 'WorkflowTask',
  tableName: 'workflow_task',
  properties: {
    id: p.integer().primary().autoincrement(),
    /** the organisation the row belongs to (row-level security keys on it); filled from the session by default */
    organisationId: p.integer().defaultRaw('pinzhi_row_organisation()'),
    /** its instance's project, or none */
    projectId: p.integer().nullable(),
    instanceId: p.integer(),
    elementId: p.string(),
    /** the position in its collection of the element a multi-instance task was opened for (0 for any other task) */
    itemIndex: p.integer().default(0),
    name: p.string(),
    candidateRole: p.string(),
    assignee: p.string().nullable(),
    status: p.string(),
    dueAt: p.datetime().nullable(),
    createdAt: p.datetime(),
    claimedBy: p.string().nullable(),
    claimedAt: p.datetime().nullable(),
    completedBy: p.string().nullable(),
    completedAt: p.datetime().nullable(),
    dataJson: p.text().nullable(),
  },
});
export type IWorkflowTaskEntity = InferEntity<typeof WorkflowTaskEntity>;
