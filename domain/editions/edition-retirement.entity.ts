import { defineEntity, p, type InferEntity } from '@mikro-orm/core';

/** An edition withdrawn from use: its checklists can no longer be submitted. Append-only. */
export const EditionRetirement = defineEntity({
  name: 'EditionRetirement',
  tableName: 'edition_retirement',
  properties: {
    editionName: p.string().primary(),
    retiredBy: p.string(),
    retiredAt: p.datetime(),
    note: p.text(),
  },
});
export type IEditionRetirement = InferEntity<typeof EditionRetirement>;
