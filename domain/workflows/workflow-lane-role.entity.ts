import { defineEntity, p, type InferEntity } from '@mikro-orm/core';

/** A lane name an organisation maps to a role: a user task in such a lane needs no candidate role (see lane-role.service.ts). */
export const WorkflowLaneRoleEntity = defineEntity({
  name: 'WorkflowLaneRole',
  tableName: 'workflow_lane_role',
  properties: {
    id: p.integer().primary().autoincrement(),
    organisationId: p.integer().defaultRaw('pinzhi_row_organisation()'),
    /** the lane name as the modeller wrote it */
    lane: p.string(),
    /** the name compared: trimmed, lower-case, separators as one space (compiler/lanes.ts) */
    laneKey: p.string(),
    role: p.string(),
    updatedBy: p.string(),
    updatedAt: p.datetime(),
  },
});
export type IWorkflowLaneRoleEntity = InferEntity<typeof WorkflowLaneRoleEntity>;
