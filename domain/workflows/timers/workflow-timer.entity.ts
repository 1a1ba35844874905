import { defineEntity, p, type InferEntity } from '@mikro-orm/core';

/** A durable timer of an instance (a boundary or intermediate timer event): armed, then fired or cancelled. */
export const WorkflowTimerEntity = defineEntity({
  name: 'WorkflowTimer',
  tableName: 'workflow_timer',
  properties: {
    id: p.integer().primary().autoincrement(),
    /** the organisation the row belongs to (row-level security keys on it); filled from the session by default */
    organisationId: p.integer().defaultRaw('pinzhi_row_organisation()'),
    instanceId: p.integer(),
    elementId: p.string(),
    dueAt: p.datetime(),
    status: p.string(),
    createdAt: p.datetime(),
    firedAt: p.datetime().nullable(),
  },
});
export type IWorkflowTimerEntity = InferEntity<typeof WorkflowTimerEntity>;
