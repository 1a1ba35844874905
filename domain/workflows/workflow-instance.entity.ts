import { defineEntity, p, type InferEntity } from '@mikro-orm/core';

/**
 * A workflow instance: its persisted XState snapshot with an optimistic revision. Written by
 * set-based statements in `instance.repository.ts` (one statement per step); the entity describes
 * the table to the ORM.
 */
export const WorkflowInstanceEntity = defineEntity({
  name: 'WorkflowInstance',
  tableName: 'workflow_instance',
  properties: {
    id: p.integer().primary().autoincrement(),
    /** the organisation the row belongs to (row-level security keys on it); filled from the session by default */
    organisationId: p.integer().defaultRaw('pinzhi_row_organisation()'),
    /** the project whose work this is (a finding's rectification), or none */
    projectId: p.integer().nullable(),
    definitionKey: p.string(),
    definitionVersion: p.integer(),
    status: p.string(),
    businessKey: p.string().nullable(),
    snapshotJson: p.text(),
    revision: p.integer(),
    startedBy: p.string(),
    startedAt: p.datetime(),
    updatedAt: p.datetime(),
    endedAt: p.datetime().nullable(),
    incident: p.text().nullable(),
    /** the instance whose call activity started this one, and that call activity; null for an instance started on its own */
    parentInstanceId: p.integer().nullable(),
    parentElement: p.text().nullable(),
  },
});
export type IWorkflowInstanceEntity = InferEntity<typeof WorkflowInstanceEntity>;

/** One recorded step of an instance: who, which event, from which states to which. Append-only. */
export const WorkflowHistoryEntity = defineEntity({
  name: 'WorkflowHistory',
  tableName: 'workflow_history',
  properties: {
    id: p.integer().primary().autoincrement(),
    /** the organisation the row belongs to (row-level security keys on it); filled from the session by default */
    organisationId: p.integer().defaultRaw('pinzhi_row_organisation()'),
    instanceId: p.integer(),
    at: p.datetime(),
    actor: p.string(),
    event: p.string(),
    detailJson: p.text(),
    fromStates: p.text(),
    toStates: p.text(),
  },
});
export type IWorkflowHistoryEntity = InferEntity<typeof WorkflowHistoryEntity>;
