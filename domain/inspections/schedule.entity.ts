import { defineEntity, p, type InferEntity } from '@mikro-orm/core';

/** Who inspects which project at which tier (daily patrol, monthly flying inspection, quarterly audit). */
export const Schedule = defineEntity({
  name: 'Schedule',
  tableName: 'schedule',
  properties: {
    id: p.integer().primary().autoincrement(),
    /** the organisation the row belongs to (row-level security keys on it); filled from the session by default */
    organisationId: p.integer().defaultRaw('pinzhi_row_organisation()'),
    projectId: p.integer(),
    tier: p.string(),
    inspector: p.string(),
    startsOn: p.string().columnType('date'),
    active: p.boolean(),
    createdAt: p.datetime(),
  },
});
export type ISchedule = InferEntity<typeof Schedule>;
