import { defineEntity, p } from '@mikro-orm/core';

/*
 * The report summaries of issue 18 (migration `Migration20261204200000Summaries`): kept by triggers
 * on `inspection_tally` and `finding`, read by `summaryOver` in report.repository.ts with SQL of its
 * own, never written by the application (the application's role may only select them). Described
 * here so that every table has an entity.
 */

/** Inspections of a day and their answers, per organisation, module ('' = all modules), project and tier. */
export const InspectionSummaryDay = defineEntity({
  name: 'InspectionSummaryDay',
  tableName: 'inspection_summary_day',
  readonly: true,
  properties: {
    organisationId: p.integer().primary(),
    module: p.string().primary(),
    day: p.string().columnType('date').primary(),
    projectId: p.integer().primary(),
    tier: p.string().primary(),
    inspections: p.integer(),
    applicable: p.bigint(),
    passed: p.bigint(),
  },
});

/** The same per month (the first day of the month). */
export const InspectionSummaryMonth = defineEntity({
  name: 'InspectionSummaryMonth',
  tableName: 'inspection_summary_month',
  readonly: true,
  properties: {
    organisationId: p.integer().primary(),
    module: p.string().primary(),
    month: p.string().columnType('date').primary(),
    projectId: p.integer().primary(),
    tier: p.string().primary(),
    inspections: p.integer(),
    applicable: p.bigint(),
    passed: p.bigint(),
  },
});

/** Findings of a day per organisation, project and module. */
export const FindingSummaryDay = defineEntity({
  name: 'FindingSummaryDay',
  tableName: 'finding_summary_day',
  readonly: true,
  properties: {
    organisationId: p.integer().primary(),
    day: p.string().columnType('date').primary(),
    projectId: p.integer().primary(),
    module: p.string().primary(),
    findings: p.integer(),
  },
});

/** The same per month (the first day of the month). */
export const FindingSummaryMonth = defineEntity({
  name: 'FindingSummaryMonth',
  tableName: 'finding_summary_month',
  readonly: true,
  properties: {
    organisationId: p.integer().primary(),
    month: p.string().columnType('date').primary(),
    projectId: p.integer().primary(),
    module: p.string().primary(),
    findings: p.integer(),
  },
});
