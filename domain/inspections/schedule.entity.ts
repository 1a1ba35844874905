import { defineEntity, p, type InferEntity } from '@mikro-orm/core';

/** Who inspects which project at which tier (daily patrol, monthly flying inspection, quarterly audit). */
export const Schedule = defineEntity({
  name: 'Schedule',
  tableName: 'schedule',
  properties: {
    id: p.integer().primary().autoincrement(),
    projectId: p.integer(),
    tier: p.string(),
    inspector: p.string(),
    startsOn: p.string().columnType('date'),
    active: p.boolean(),
    createdAt: p.datetime(),
  },
});
export type ISchedule = InferEntity<typeof Schedule>;
