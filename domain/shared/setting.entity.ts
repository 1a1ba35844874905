import { defineEntity, p, type InferEntity } from '@mikro-orm/core';

/** Server-wide settings kept in the database (e.g. the token-signing secret). */
export const Setting = defineEntity({
  name: 'Setting',
  tableName: 'setting',
  properties: {
    key: p.string().primary(),
    value: p.text(),
  },
});
export type ISetting = InferEntity<typeof Setting>;
