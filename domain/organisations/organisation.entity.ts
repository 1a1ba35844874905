import { defineEntity, p, type InferEntity } from '@mikro-orm/core';

/**
 * A property-services company using this server: its own regions, projects, people, inspections,
 * findings and workflows, isolated from every other organisation (in the services and by row-level
 * security in the database).
 */
export const Organisation = defineEntity({
  name: 'Organisation',
  tableName: 'organisation',
  properties: {
    id: p.integer().primary().autoincrement(),
    code: p.string().unique(),
    name: p.string(),
    nameEn: p.string().nullable(),
    createdAt: p.datetime(),
  },
});
export type IOrganisation = InferEntity<typeof Organisation>;

/** A region of an organisation (区域), whose quality supervisors fly into its projects monthly. */
export const Region = defineEntity({
  name: 'Region',
  tableName: 'region',
  properties: {
    id: p.integer().primary().autoincrement(),
    organisationId: p.integer(),
    code: p.string(),
    name: p.string(),
    createdAt: p.datetime(),
  },
});
export type IRegion = InferEntity<typeof Region>;

/**
 * A role a person holds at one level of their organisation: on the whole organisation (HQ quality
 * roles, auditors), on a region (regional supervisors), or on a project (inspectors, project managers).
 */
export const Membership = defineEntity({
  name: 'Membership',
  tableName: 'membership',
  properties: {
    id: p.integer().primary().autoincrement(),
    organisationId: p.integer(),
    username: p.string(),
    role: p.string(),
    regionId: p.integer().nullable(),
    projectId: p.integer().nullable(),
    createdBy: p.string(),
    createdAt: p.datetime(),
  },
});
export type IMembership = InferEntity<typeof Membership>;
