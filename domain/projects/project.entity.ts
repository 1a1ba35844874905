import { defineEntity, p, type InferEntity } from '@mikro-orm/core';

/** A managed property: a residential estate, commercial complex or office building. */
export const Project = defineEntity({
  name: 'Project',
  tableName: 'project',
  properties: {
    id: p.integer().primary().autoincrement(),
    /** the organisation the row belongs to (row-level security keys on it); filled from the session by default */
    organisationId: p.integer().defaultRaw('pinzhi_row_organisation()'),
    regionId: p.integer(),
    code: p.string(),
    name: p.string(),
    type: p.string(),
    region: p.string(),
    /** `standard`, or `platinum` (白金服务标准) for commercial complexes */
    profile: p.string(),
    address: p.string(),
    createdAt: p.datetime(),
  },
});
export type IProject = InferEntity<typeof Project>;

/** A place inside a project where items are inspected: 楼栋, 大堂, 地下车库 B1 … */
export const Place = defineEntity({
  name: 'Place',
  tableName: 'place',
  properties: {
    id: p.integer().primary().autoincrement(),
    /** the organisation the row belongs to (row-level security keys on it); filled from the session by default */
    organisationId: p.integer().defaultRaw('pinzhi_row_organisation()'),
    projectId: p.integer(),
    name: p.string(),
    kind: p.string(),
  },
});
export type IPlace = InferEntity<typeof Place>;
