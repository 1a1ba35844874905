import { defineEntity, p, type InferEntity } from '@mikro-orm/core';

/** A questionnaire (满意度问卷): a named document whose content lives in its versions. */
export const Questionnaire = defineEntity({
  name: 'Questionnaire',
  tableName: 'questionnaire',
  properties: {
    id: p.integer().primary().autoincrement(),
    organisationId: p.integer().defaultRaw('pinzhi_row_organisation()'),
    /** e.g. SV-ANNUAL; unique within the organisation */
    code: p.string(),
    title: p.string(),
    createdBy: p.string(),
    createdAt: p.datetime(),
  },
});
export type IQuestionnaire = InferEntity<typeof Questionnaire>;

/**
 * One version of a questionnaire: a JSON-Schema document (draft until published, then immutable).
 * Its questions' roles (overall satisfaction, NPS, key-driver questions) are annotations in the schema.
 */
export const QuestionnaireVersion = defineEntity({
  name: 'QuestionnaireVersion',
  tableName: 'questionnaire_version',
  properties: {
    id: p.integer().primary().autoincrement(),
    organisationId: p.integer().defaultRaw('pinzhi_row_organisation()'),
    questionnaireId: p.integer(),
    version: p.integer(),
    schema: p.json<Record<string, unknown>>(),
    /** draft | published */
    status: p.string(),
    createdBy: p.string(),
    createdAt: p.datetime(),
    publishedBy: p.string().nullable(),
    publishedAt: p.datetime().nullable(),
  },
});
export type IQuestionnaireVersion = InferEntity<typeof QuestionnaireVersion>;

/** A survey wave (一次调查): a published questionnaire version pinned, asked over a period. */
export const SurveyWave = defineEntity({
  name: 'SurveyWave',
  tableName: 'survey_wave',
  properties: {
    id: p.integer().primary().autoincrement(),
    organisationId: p.integer().defaultRaw('pinzhi_row_organisation()'),
    versionId: p.integer(),
    name: p.string(),
    opensOn: p.string().columnType('date'),
    closesOn: p.string().columnType('date'),
    createdBy: p.string(),
    createdAt: p.datetime(),
  },
});
export type ISurveyWave = InferEntity<typeof SurveyWave>;

/** A single-use link of a wave for one household of a project; only the token's hash is kept. */
export const SurveyLink = defineEntity({
  name: 'SurveyLink',
  tableName: 'survey_link',
  properties: {
    id: p.integer().primary().autoincrement(),
    organisationId: p.integer().defaultRaw('pinzhi_row_organisation()'),
    waveId: p.integer(),
    projectId: p.integer(),
    /** sha256 of the token, hex */
    tokenHash: p.string(),
    createdAt: p.datetime(),
    usedAt: p.datetime().nullable(),
  },
});
export type ISurveyLink = InferEntity<typeof SurveyLink>;

/** A household's answers to a wave, validated against the wave's pinned questionnaire version. */
export const SurveyResponse = defineEntity({
  name: 'SurveyResponse',
  tableName: 'survey_response',
  properties: {
    id: p.integer().primary().autoincrement(),
    organisationId: p.integer().defaultRaw('pinzhi_row_organisation()'),
    waveId: p.integer(),
    projectId: p.integer(),
    versionId: p.integer(),
    /** the link it came through (null for responses imported from a survey company) */
    linkId: p.integer().nullable(),
    answers: p.json<Record<string, unknown>>(),
    /** the 0–10 likelihood-to-recommend answer, when the questionnaire asks it (denormalised for NPS queries) */
    nps: p.integer().nullable(),
    submittedAt: p.datetime(),
  },
});
export type ISurveyResponse = InferEntity<typeof SurveyResponse>;
