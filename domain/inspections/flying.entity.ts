import { defineEntity, p, type InferEntity } from '@mikro-orm/core';

/** A region's flying-inspection plan for a month: the sample of its projects was drawn by someone, once. */
export const FlyingPlan = defineEntity({
  name: 'FlyingPlan',
  tableName: 'flying_plan',
  properties: {
    id: p.integer().primary().autoincrement(),
    /** the region's organisation (row-level security keys on it); set from the region by trigger */
    organisationId: p.integer().defaultRaw('pinzhi_organisation()'),
    regionId: p.integer(),
    /** YYYY-MM */
    month: p.string(),
    drawnBy: p.string(),
    drawnAt: p.datetime(),
  },
});
export type IFlyingPlan = InferEntity<typeof FlyingPlan>;

/** One sampled project of a plan and the regional supervisor who flies into it (null while the region has none). */
export const FlyingAssignment = defineEntity({
  name: 'FlyingAssignment',
  tableName: 'flying_assignment',
  properties: {
    id: p.integer().primary().autoincrement(),
    organisationId: p.integer().defaultRaw('pinzhi_organisation()'),
    planId: p.integer(),
    projectId: p.integer(),
    supervisor: p.string().nullable(),
    /** the order of the draw */
    position: p.integer(),
  },
});
export type IFlyingAssignment = InferEntity<typeof FlyingAssignment>;
