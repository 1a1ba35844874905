import { defineEntity, p, type InferEntity } from '@mikro-orm/core';

/**
 * One numbered version of a standard. The schema is kept as the JSON text it was saved with
 * (key order is the order of check items); `contentHash` is the sha256 of its canonical form.
 * Once published, a row only ever changes status (to superseded or retired); a trigger enforces it.
 * `note` is the author's; the submitter's, the returning reviewer's and the publisher's notes are kept beside it.
 */
export const StandardVersion = defineEntity({
  name: 'StandardVersion',
  tableName: 'standard_version',
  properties: {
    id: p.integer().primary().autoincrement(),
    code: p.string(),
    version: p.integer(),
    status: p.string(),
    title: p.string(),
    schemaJson: p.text(),
    contentHash: p.string(),
    revision: p.integer(),
    author: p.string(),
    note: p.text().nullable(),
    createdAt: p.datetime(),
    updatedAt: p.datetime(),
    submittedBy: p.string().nullable(),
    submittedAt: p.datetime().nullable(),
    publishedBy: p.string().nullable(),
    publishedAt: p.datetime().nullable(),
    statusChangedBy: p.string().nullable(),
    statusChangedAt: p.datetime().nullable(),
    statusNote: p.text().nullable(),
    // document control: who last saved the draft, and each step's own note (none overwrites another)
    editedBy: p.string().nullable(),
    submitNote: p.text().nullable(),
    returnedBy: p.string().nullable(),
    returnedAt: p.datetime().nullable(),
    returnNote: p.text().nullable(),
    publishNote: p.text().nullable(),
  },
  uniques: [{ properties: ['code', 'version'] }],
});
export type IStandardVersion = InferEntity<typeof StandardVersion>;
