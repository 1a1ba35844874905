import { defineEntity, p, type InferEntity } from '@mikro-orm/core';

/** A certificate a person holds, e.g. 物业经理证, with its expiry. */
export interface Qualification {
  certificate: string;
  number?: string;
  expiresOn?: string;
}

/** A person who signs in: roles decide what they may do, qualifications what they are certified for. */
export const User = defineEntity({
  name: 'User',
  tableName: 'app_user',
  properties: {
    id: p.integer().primary().autoincrement(),
    username: p.string().unique(),
    displayName: p.string(),
    passwordHash: p.string(),
    /** the organisation the person works for; their roles there are memberships */
    organisationId: p.integer().nullable(),
    qualifications: p.json<Qualification[]>(),
    active: p.boolean(),
    createdAt: p.datetime(),
  },
});
export type IUser = InferEntity<typeof User>;
