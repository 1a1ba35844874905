import { defineEntity, p, type InferEntity } from '@mikro-orm/core';

/** A customer touchpoint (客户触点): where and when a resident meets the service. */
export const Touchpoint = defineEntity({
  name: 'Touchpoint',
  tableName: 'touchpoint',
  properties: {
    code: p.string().primary(),
    name: p.string(),
    stage: p.string(),
    place: p.string(),
  },
});
export type ITouchpoint = InferEntity<typeof Touchpoint>;
