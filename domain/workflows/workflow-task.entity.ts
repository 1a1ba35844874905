import { defineEntity, p, type InferEntity } from '@mikro-orm/core';

/** A user task of an instance: open for a role (or an assignee), then completed with its form data or cancelled. */
export const WorkflowTaskEntity = defineEntity({
  name: 'WorkflowTask',
  tableName: 'workflow_task',
  properties: {
    id: p.integer().primary().autoincrement(),
    instanceId: p.integer(),
    elementId: p.string(),
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
