import { defineEntity, p, type InferEntity } from '@mikro-orm/core';

/** Failed sign-ins counted per key (`user:<name>` or `addr:<ip>`) within a window, and a lock past the threshold. */
export const LoginThrottle = defineEntity({
  name: 'LoginThrottle',
  tableName: 'login_throttle',
  properties: {
    key: p.string().primary(),
    failures: p.integer(),
    windowStartedAt: p.datetime(),
    lockedUntil: p.datetime().nullable(),
  },
});
export type ILoginThrottle = InferEntity<typeof LoginThrottle>;
