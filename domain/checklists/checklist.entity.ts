import { defineEntity, p, type InferEntity } from '@mikro-orm/core';

/** A generated checklist, stored once (gzipped JSON) under the hash of its content and never changed. */
export const ChecklistRow = defineEntity({
  name: 'Checklist',
  tableName: 'checklist',
  properties: {
    id: p.string().primary(),
    /** the organisation the row belongs to (row-level security keys on it); filled from the session by default */
    organisationId: p.integer().defaultRaw('pinzhi_row_organisation()'),
    projectId: p.integer(),
    tier: p.string(),
    scope: p.string(),
    editionName: p.string(),
    period: p.string().nullable(),
    variantProfile: p.string().nullable(),
    variantVersion: p.integer().nullable(),
    itemCount: p.integer(),
    contentGzip: p.blob(),
    createdAt: p.datetime(),
  },
});
export type IChecklistRow = InferEntity<typeof ChecklistRow>;
