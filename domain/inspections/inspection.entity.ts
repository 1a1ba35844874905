import { defineEntity, p, type InferEntity } from '@mikro-orm/core';

/** A submitted inspection: the answers to one checklist, judged. */
export const Inspection = defineEntity({
  name: 'Inspection',
  tableName: 'inspection',
  properties: {
    id: p.integer().primary().autoincrement(),
    /** the organisation the row belongs to (row-level security keys on it); filled from the session by default */
    organisationId: p.integer().defaultRaw('pinzhi_row_organisation()'),
    checklistId: p.string(),
    projectId: p.integer(),
    placeId: p.integer().nullable(),
    tier: p.string(),
    editionName: p.string(),
    inspector: p.string(),
    clientSubmissionId: p.string(),
    answersHash: p.string(),
    answersJson: p.text(),
    applicable: p.integer(),
    passed: p.integer(),
    /** weighted score 0–100; null when no item applied */
    score: p.double().nullable(),
    executionRate: p.double().nullable(),
    variantProfile: p.string().nullable(),
    variantVersion: p.integer().nullable(),
    findingCount: p.integer(),
    inspectedOn: p.string().columnType('date'),
    submittedAt: p.datetime(),
  },
});
export type IInspection = InferEntity<typeof Inspection>;
