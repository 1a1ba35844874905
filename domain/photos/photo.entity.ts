import { defineEntity, p, type InferEntity } from '@mikro-orm/core';

/** An uploaded photo, stored on disk by its sha256. */
export const Photo = defineEntity({
  name: 'Photo',
  tableName: 'photo',
  properties: {
    sha256: p.string().primary(),
    /** the organisation the row belongs to (row-level security keys on it); filled from the session by default */
    organisationId: p.integer().primary().defaultRaw('pinzhi_row_organisation()'),
    mime: p.string(),
    bytes: p.integer(),
    uploadedBy: p.string(),
    createdAt: p.datetime(),
    /** when it was taken, as the phone that took it says */
    takenAt: p.datetime().nullable(),
  },
});
export type IPhoto = InferEntity<typeof Photo>;
