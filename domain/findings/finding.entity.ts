import { defineEntity, p, type InferEntity } from '@mikro-orm/core';

/** A failed check item of an inspection: what was expected, what was found, by when to fix it. */
export const Finding = defineEntity({
  name: 'Finding',
  tableName: 'finding',
  properties: {
    id: p.integer().primary().autoincrement(),
    /** the organisation the row belongs to (row-level security keys on it); filled from the session by default */
    organisationId: p.integer().defaultRaw('pinzhi_row_organisation()'),
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
    /** the check item's 整改时限 in hours, when its standard gives one */
    rectifyWithinHours: p.integer().nullable(),
    foundOn: p.string().columnType('date'),
    createdAt: p.datetime(),
  },
});
export type IFinding = InferEntity<typeof Finding>;
