import { defineEntity, p, type InferEntity } from '@mikro-orm/core';

/** A single-use link a mystery customer (神秘客户) answers a project's mystery checklist through, without an account. */
export const MysteryLink = defineEntity({
  name: 'MysteryLink',
  tableName: 'mystery_link',
  properties: {
    id: p.integer().primary().autoincrement(),
    organisationId: p.integer().defaultRaw('pinzhi_row_organisation()'),
    projectId: p.integer(),
    /** sha256 of the token, hex (the token itself is never stored) */
    tokenHash: p.string(),
    /** the last day (China Standard Time) the link may be answered */
    expiresOn: p.string().columnType('date'),
    createdBy: p.string(),
    createdAt: p.datetime(),
    usedAt: p.datetime().nullable(),
    /** the inspection the answers became */
    inspectionId: p.integer().nullable(),
  },
});
export type IMysteryLink = InferEntity<typeof MysteryLink>;
