import { defineEntity, p, type InferEntity } from '@mikro-orm/core';

/** A generated checklist, stored once (gzipped JSON) under the hash of its content and never changed. */
export const ChecklistRow = defineEntity({
  name: 'Checklist',
  tableName: 'checklist',
  properties: {
    id: p.string().primary(),
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

/** A failed check item of an inspection: what was expected, what was found, by when to fix it. */
export const Finding = defineEntity({
  name: 'Finding',
  tableName: 'finding',
  properties: {
    id: p.integer().primary().autoincrement(),
    inspectionId: p.integer(),
    projectId: p.integer(),
    placeId: p.integer().nullable(),
    itemId: p.string(),
    code: p.string(),
    version: p.integer(),
    module: p.string(),
    itemKey: p.string(),
    title: p.string(),
    severity: p.string(),
    weight: p.double(),
    expectedZh: p.text(),
    expectedEn: p.text(),
    actualJson: p.text(),
    reasonsJson: p.text(),
    touchpoints: p.json<string[]>(),
    photos: p.json<string[]>(),
    remark: p.text().nullable(),
    status: p.string(),
    rectifyDueAt: p.datetime().nullable(),
    foundOn: p.string().columnType('date'),
    createdAt: p.datetime(),
  },
});
export type IFinding = InferEntity<typeof Finding>;
