import { defineEntity, p, type InferEntity } from '@mikro-orm/core';

/** One piece of a training's material: a change between two versions, in words. */
export interface MaterialPoint {
  /** the item (check key) or part of the document the change is in */
  pointer: string;
  /** tightened | loosened | added | removed | reworded | other */
  kind: string;
  /** the change, in Chinese, as the trainer reads it out */
  text: string;
}

/** One quiz question: generated from a changed item, with its right answer. */
export interface QuizQuestion {
  id: string;
  prompt: string;
  options: string[];
  /** index of the right option */
  answer: number;
  /** the material point it tests */
  pointer: string;
}

/** A training (标准培训) for a published version of a work instruction: material and quiz from its diff. */
export const Training = defineEntity({
  name: 'Training',
  tableName: 'training',
  properties: {
    id: p.integer().primary().autoincrement(),
    organisationId: p.integer().defaultRaw('pinzhi_row_organisation()'),
    /** the work instruction trained */
    code: p.string(),
    /** the published version trained (attendance and quizzes pin it) */
    version: p.integer(),
    /** the version the material is the diff from; null for a first version (the whole document is the material) */
    baseVersion: p.integer().nullable(),
    title: p.string(),
    material: p.json<MaterialPoint[]>(),
    quiz: p.json<QuizQuestion[]>(),
    createdBy: p.string(),
    createdAt: p.datetime(),
  },
});
export type ITraining = InferEntity<typeof Training>;

/** A session of a training: when, where, who trains; optionally for one project. */
export const TrainingSession = defineEntity({
  name: 'TrainingSession',
  tableName: 'training_session',
  properties: {
    id: p.integer().primary().autoincrement(),
    organisationId: p.integer().defaultRaw('pinzhi_row_organisation()'),
    trainingId: p.integer(),
    projectId: p.integer().nullable(),
    startsAt: p.datetime(),
    place: p.string(),
    trainer: p.string(),
    createdBy: p.string(),
    createdAt: p.datetime(),
  },
});
export type ITrainingSession = InferEntity<typeof TrainingSession>;

/** A person invited to a session (by project and role) and whether they came; pinned to the version trained. */
export const TrainingAttendance = defineEntity({
  name: 'TrainingAttendance',
  tableName: 'training_attendance',
  properties: {
    id: p.integer().primary().autoincrement(),
    organisationId: p.integer().defaultRaw('pinzhi_row_organisation()'),
    sessionId: p.integer(),
    username: p.string(),
    projectId: p.integer().nullable(),
    role: p.string(),
    code: p.string(),
    version: p.integer(),
    /** null until recorded: true present, false absent */
    present: p.boolean().nullable(),
    recordedBy: p.string().nullable(),
    recordedAt: p.datetime().nullable(),
  },
});
export type ITrainingAttendance = InferEntity<typeof TrainingAttendance>;

/** A person's answers to a training's quiz, scored; pinned to the version the quiz was for. */
export const QuizAttempt = defineEntity({
  name: 'QuizAttempt',
  tableName: 'quiz_attempt',
  properties: {
    id: p.integer().primary().autoincrement(),
    organisationId: p.integer().defaultRaw('pinzhi_row_organisation()'),
    trainingId: p.integer(),
    username: p.string(),
    code: p.string(),
    version: p.integer(),
    answers: p.json<Record<string, number>>(),
    score: p.integer(),
    maxScore: p.integer(),
    submittedAt: p.datetime(),
  },
});
export type IQuizAttempt = InferEntity<typeof QuizAttempt>;
