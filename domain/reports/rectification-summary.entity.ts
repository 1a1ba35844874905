import { defineEntity, p } from '@mikro-orm/core';

/*
 * The rectification summaries of issue 18 (migration `Migration20261205040000RectificationSummaries`):
 * kept by triggers on `workflow_instance` and `workflow_task`, keyed by the organisation, day found,
 * project and module of the finding rectified, read by `rectificationFigures` in report.repository.ts
 * with SQL of its own, never written by the application (its role may only select them). Described
 * here so that every table has an entity.
 */

/** Rectifications started and completed, of the findings of a day, per organisation, project and module. */
export const RectificationSummaryDay = defineEntity({
  name: 'RectificationSummaryDay',
  tableName: 'rectification_summary_day',
  readonly: true,
  properties: {
    organisationId: p.integer().primary(),
    day: p.string().columnType('date').primary(),
    projectId: p.integer().primary(),
    module: p.string().primary(),
    started: p.integer(),
    completed: p.integer(),
  },
});

/** Completed tasks of a step, those on time, those with a due time and their hours from creation to completion, keyed as above. */
export const RectificationStepSummaryDay = defineEntity({
  name: 'RectificationStepSummaryDay',
  tableName: 'rectification_step_summary_day',
  readonly: true,
  properties: {
    organisationId: p.integer().primary(),
    day: p.string().columnType('date').primary(),
    projectId: p.integer().primary(),
    module: p.string().primary(),
    step: p.string().primary(),
    completed: p.integer(),
    onTime: p.integer(),
    withDue: p.integer(),
    hoursSum: p.decimal(),
  },
});

/** An open rectification task with its due time and its finding's key: the overdue ones are those due before now. */
export const RectificationOpenTask = defineEntity({
  name: 'RectificationOpenTask',
  tableName: 'rectification_open_task',
  readonly: true,
  properties: {
    taskId: p.integer().primary(),
    organisationId: p.integer(),
    day: p.string().columnType('date'),
    projectId: p.integer(),
    module: p.string(),
    dueAt: p.datetime().nullable(),
  },
});
