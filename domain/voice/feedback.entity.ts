import { defineEntity, p, type InferEntity } from '@mikro-orm/core';


/**
 * A piece of customer feedback (客户反馈) about a project: what the customer said, through which
 * channel and when, and the analysis it was given at intake — kept with the model version, so a
 * later model never rewrites what an item was judged to be.
 */
export const Feedback = defineEntity({
  name: 'Feedback',
  tableName: 'feedback',
  properties: {
    id: p.integer().primary().autoincrement(),
    /** the project's organisation (row-level security keys on it); set from the project by trigger */
    organisationId: p.integer().defaultRaw('pinzhi_row_organisation()'),
    projectId: p.integer(),
    channel: p.string(),
    receivedAt: p.datetime(),
    text: p.text(),
    /** where, in the customer's words or a place code (optional) */
    place: p.string().nullable(),
    contact: p.string().nullable(),
    /** the id the source system (call centre, app) gave it: an item is imported once per organisation */
    sourceId: p.string().nullable(),
    module: p.string().nullable(),
    touchpoints: p.json<string[]>(),
    problemType: p.string().nullable(),
    sentiment: p.string(),
    intensity: p.integer(),
    repetition: p.integer(),
    priority: p.string(),
    unclassified: p.string().nullable(),
    modelVersion: p.string(),
    /** the complaint-handling workflow a high-priority item opened */
    complaintInstanceId: p.integer().nullable(),
    /** how the complaint ended: satisfied, unsatisfied (after the last round) or cancelled; null while none ended */
    complaintOutcome: p.string().nullable(),
    /** the callbacks (回访) the complaint took */
    complaintRounds: p.integer().nullable(),
    /** the last callback's record */
    complaintNote: p.text().nullable(),
    complaintClosedAt: p.datetime().nullable(),
    createdBy: p.string(),
    createdAt: p.datetime(),
  },
});
export type IFeedback = InferEntity<typeof Feedback>;
