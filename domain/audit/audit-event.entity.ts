import { defineEntity, p, type InferEntity } from '@mikro-orm/core';

/**
 * An append-only, hash-chained record of a change. `hash` is the sha256 of the previous row's
 * hash and this row's canonical content, so removing or editing any row breaks the chain.
 */
export const AuditEvent = defineEntity({
  name: 'AuditEvent',
  tableName: 'audit_event',
  properties: {
    id: p.integer().primary().autoincrement(false),
    /** whose chain the event is in; none for the shared library's own chain */
    organisationId: p.integer().nullable(),
    /** the event's position in its chain, from 1 */
    seq: p.integer(),
    occurredAt: p.datetime(),
    actor: p.string().nullable(),
    action: p.string(),
    subjectType: p.string(),
    subjectKey: p.string(),
    detail: p.text(),
    prevHash: p.string(),
    hash: p.string(),
  },
});
export type IAuditEvent = InferEntity<typeof AuditEvent>;
