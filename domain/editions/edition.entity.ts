import { defineEntity, p, type InferEntity } from '@mikro-orm/core';

/** An immutable, named snapshot of the library: which version of every document was current. */
export const Edition = defineEntity({
  name: 'Edition',
  tableName: 'edition',
  properties: {
    name: p.string().primary(),
    seq: p.integer().unique(),
    createdBy: p.string(),
    createdAt: p.datetime(),
    note: p.text().nullable(),
    documentCount: p.integer(),
  },
});
export type IEdition = InferEntity<typeof Edition>;

/** One document of an edition, pinned to a version. */
export const EditionEntry = defineEntity({
  name: 'EditionEntry',
  tableName: 'edition_entry',
  properties: {
    editionName: p.string().primary(),
    code: p.string().primary(),
    version: p.integer(),
  },
});
export type IEditionEntry = InferEntity<typeof EditionEntry>;
