import { defineEntity, p, type InferEntity } from '@mikro-orm/core';

/**
 * A certificate an inspection requires: `subject` is `tier` (target: an inspection tier such as
 * `quarterly`) or `document` (target: a module or document code, e.g. `M03.P06`, matching its sub-documents).
 */
export const QualificationRequirement = defineEntity({
  name: 'QualificationRequirement',
  tableName: 'qualification_requirement',
  properties: {
    id: p.integer().primary().autoincrement(),
    organisationId: p.integer().defaultRaw('pinzhi_row_organisation()'),
    subject: p.string(),
    target: p.string(),
    certificate: p.string(),
    createdBy: p.string(),
    createdAt: p.datetime(),
  },
});
export type IQualificationRequirement = InferEntity<typeof QualificationRequirement>;

/** A check of a person's certificate, passed or refused, for a task or an inspection. */
export const QualificationCheck = defineEntity({
  name: 'QualificationCheck',
  tableName: 'qualification_check',
  properties: {
    id: p.integer().primary().autoincrement(),
    organisationId: p.integer().defaultRaw('pinzhi_row_organisation()'),
    username: p.string(),
    /** `task` or `inspection` */
    subject: p.string(),
    subjectId: p.string(),
    certificate: p.string(),
    number: p.string().nullable(),
    expiresOn: p.string().columnType('date').nullable(),
    passed: p.boolean(),
    /** valid | missing | expired */
    reason: p.string(),
    checkedAt: p.datetime(),
  },
});
export type IQualificationCheck = InferEntity<typeof QualificationCheck>;

/** A warning that a certificate expires soon (`threshold` `30d`) or has expired (`expired`), for the holder or their manager. */
export const QualificationWarning = defineEntity({
  name: 'QualificationWarning',
  tableName: 'qualification_warning',
  properties: {
    id: p.integer().primary().autoincrement(),
    organisationId: p.integer().defaultRaw('pinzhi_row_organisation()'),
    recipient: p.string(),
    holder: p.string(),
    certificate: p.string(),
    number: p.string().nullable(),
    expiresOn: p.string().columnType('date'),
    threshold: p.string(),
    createdAt: p.datetime(),
  },
});
export type IQualificationWarning = InferEntity<typeof QualificationWarning>;
