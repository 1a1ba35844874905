import { defineEntity, p, type InferEntity } from '@mikro-orm/core';

/** One immutable version of a profile's variant: its overlays as JSON text, in authored order. */
export const VariantVersion = defineEntity({
  name: 'VariantVersion',
  tableName: 'variant_version',
  properties: {
    id: p.integer().primary().autoincrement(),
    profile: p.string(),
    version: p.integer(),
    title: p.string(),
    description: p.text(),
    overlaysJson: p.text(),
    overlayCount: p.integer(),
    contentHash: p.string(),
    author: p.string(),
    note: p.text().nullable(),
    createdAt: p.datetime(),
  },
});
export type IVariantVersion = InferEntity<typeof VariantVersion>;

/** The variant version of a profile an edition pins. */
export const EditionVariant = defineEntity({
  name: 'EditionVariant',
  tableName: 'edition_variant',
  properties: {
    editionName: p.string().primary(),
    profile: p.string().primary(),
    version: p.integer(),
  },
});
export type IEditionVariant = InferEntity<typeof EditionVariant>;
