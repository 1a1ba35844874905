import { defineEntity, p, type InferEntity } from '@mikro-orm/core';

/**
 * One version of an organisation's overlay on a baseline document: a JSON Merge Patch (RFC 7386)
 * the organisation's checklists apply on top of the baseline. draft → published → superseded;
 * a published row never changes again but for becoming superseded (a trigger enforces it).
 */
export const OrganisationOverlay = defineEntity({
  name: 'OrganisationOverlay',
  tableName: 'organisation_overlay',
  properties: {
    id: p.integer().primary().autoincrement(),
    organisationId: p.integer(),
    code: p.string(),
    version: p.integer(),
    status: p.string(),
    /** the baseline version the patch was checked against when last saved */
    baseVersion: p.integer(),
    patchJson: p.text(),
    contentHash: p.string(),
    note: p.text(),
    author: p.string(),
    createdAt: p.datetime(),
    updatedAt: p.datetime(),
    publishedBy: p.string().nullable(),
    publishedAt: p.datetime().nullable(),
  },
});
export type IOrganisationOverlay = InferEntity<typeof OrganisationOverlay>;

/** An organisation's immutable edition: the baseline edition it builds on and (in its entries) the overlay and addition versions it pins. */
export const OrganisationEdition = defineEntity({
  name: 'OrganisationEdition',
  tableName: 'organisation_edition',
  properties: {
    id: p.integer().primary().autoincrement(),
    organisationId: p.integer(),
    name: p.string(),
    baselineEdition: p.string(),
    note: p.text().nullable(),
    createdBy: p.string(),
    createdAt: p.datetime(),
  },
});
export type IOrganisationEdition = InferEntity<typeof OrganisationEdition>;

/** One overlay or addition version an organisation's edition pins. */
export const OrganisationEditionEntry = defineEntity({
  name: 'OrganisationEditionEntry',
  tableName: 'organisation_edition_entry',
  properties: {
    editionId: p.integer().primary(),
    code: p.string().primary(),
    organisationId: p.integer(),
    /** `overlay` or `addition` */
    layer: p.string(),
    version: p.integer(),
  },
});
export type IOrganisationEditionEntry = InferEntity<typeof OrganisationEditionEntry>;
