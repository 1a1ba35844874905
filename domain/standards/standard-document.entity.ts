import { defineEntity, p, type InferEntity } from '@mikro-orm/core';

/** A standard's identity: code, kind and place in the module → procedure → instruction tree. */
export const StandardDocument = defineEntity({
  name: 'StandardDocument',
  tableName: 'standard_document',
  properties: {
    code: p.string().primary(),
    kind: p.string(),
    parentCode: p.string().nullable(),
    title: p.string(),
    latestVersion: p.integer(),
    publishedVersion: p.integer().nullable(),
    retired: p.boolean(),
    createdAt: p.datetime(),
    updatedAt: p.datetime(),
    /** null: the shared baseline library; else the organisation whose own addition this is */
    organisationId: p.integer().nullable(),
  },
});
export type IStandardDocument = InferEntity<typeof StandardDocument>;
