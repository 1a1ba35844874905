import { defineEntity, p, type InferEntity } from '@mikro-orm/core';

/** An uploaded photo, stored on disk by its sha256. */
export const Photo = defineEntity({
  name: 'Photo',
  tableName: 'photo',
  properties: {
    sha256: p.string().primary(),
    mime: p.string(),
    bytes: p.integer(),
    uploadedBy: p.string(),
    createdAt: p.datetime(),
  },
});
export type IPhoto = InferEntity<typeof Photo>;

/** A submitted inspection: the answers to one checklist, judged. */
export const Inspection = defineEntity({
  name: 'Inspection',
  tableName: 'inspection',
  properties: {
    id: p.integer().primary().autoincrement(),
    checklistId: p.string(),
    projectId: p.integer(),
    placeId: p.integer().nullable(),
    tier: p.string(),
    editionName: p.string(),
    inspector: p.string(),
    clientSubmissionId: p.string().unique(),
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
