import { defineEntity, p, type InferEntity } from '@mikro-orm/core';

/** An on-site coaching visit (现场指导): a coach at a project on a work instruction, pinned to the version coached. */
export const Coaching = defineEntity({
  name: 'Coaching',
  tableName: 'coaching',
  properties: {
    id: p.integer().primary().autoincrement(),
    organisationId: p.integer().defaultRaw('pinzhi_row_organisation()'),
    projectId: p.integer(),
    /** the work instruction coached */
    code: p.string(),
    /** its published version on the day of recording */
    version: p.integer(),
    /** the day of the visit, YYYY-MM-DD */
    coachedOn: p.string().columnType('date'),
    coach: p.string(),
    notes: p.text(),
    /** sha256 of uploaded photos */
    photos: p.json<string[]>(),
    /** usernames (or names) of the people coached */
    people: p.json<string[]>(),
    recordedBy: p.string(),
    recordedAt: p.datetime(),
  },
});
export type ICoaching = InferEntity<typeof Coaching>;
