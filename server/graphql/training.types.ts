import { getProject } from '../../domain/projects/project.service.ts';
import { getTraining, listTrainings, openTraining, seesAnswers, type OpenedTraining } from '../../domain/training/training.service.ts';
import { inviteAttendees, recordAttendance, scheduleSession, sessionsVisible } from '../../domain/training/session.service.ts';
import { attemptsVisible, myTrainings, submitQuiz, type MyTraining } from '../../domain/training/quiz.service.ts';
import { trainingRepository } from '../../domain/training/training.repository.ts';
import type { IQuizAttempt, ITraining, ITrainingAttendance, ITrainingSession, MaterialPoint, QuizQuestion } from '../../domain/training/training.entity.ts';
import { builder } from './builder.ts';
import { connectionOf, pagedCost, pageArgs, toConnection } from './connection.ts';
import { READ_ERRORS, WRITE_ERRORS } from './error.types.ts';
import { ProjectRef } from './project.types.ts';

const MaterialPointRef = builder.objectRef<MaterialPoint>('TrainingMaterialPoint').implement({
  description: 'One point of a training\'s material: a change of the version trained, in words (or, for a first version, an item or step).',
  fields: (t) => ({
    pointer: t.exposeString('pointer', { description: 'the check item key, or the part of the document (e.g. x-standard/body/steps)' }),
    kind: t.exposeString('kind', { description: 'tightened | loosened | added | removed | reworded | other; item | step for a first version' }),
    text: t.exposeString('text'),
  }),
});

const QuizQuestionRef = builder.objectRef<QuizQuestion>('QuizQuestion').implement({
  description: 'A multiple-choice question generated from a changed item.',
  fields: (t) => ({
    id: t.exposeString('id'),
    prompt: t.exposeString('prompt'),
    options: t.exposeStringList('options'),
    pointer: t.exposeString('pointer'),
    answer: t.int({ nullable: true, description: 'the right option\'s index: only for those who manage trainings', resolve: (q, _a, ctx) => (seesAnswers(ctx.actor) ? q.answer : null) }),
  }),
});

const AttendanceRef = builder.objectRef<ITrainingAttendance>('TrainingAttendance').implement({
  description: 'A person invited to a session, pinned to the document code and version trained, and whether they came.',
  fields: (t) => ({
    id: t.exposeInt('id'),
    sessionId: t.exposeInt('sessionId'),
    username: t.exposeString('username'),
    role: t.exposeString('role', { description: 'the role they were invited by, or "invited" when invited by name' }),
    projectId: t.int({ nullable: true, resolve: (a) => a.projectId ?? null }),
    code: t.exposeString('code'),
    version: t.exposeInt('version'),
    present: t.boolean({ nullable: true, description: 'null until recorded', resolve: (a) => a.present ?? null }),
    recordedBy: t.string({ nullable: true, resolve: (a) => a.recordedBy ?? null }),
    recordedAt: t.field({ type: 'DateTime', nullable: true, resolve: (a) => a.recordedAt ?? null }),
  }),
});

const SessionRef = builder.objectRef<ITrainingSession>('TrainingSession').implement({
  fields: (t) => ({
    id: t.exposeInt('id'),
    startsAt: t.field({ type: 'DateTime', resolve: (s) => s.startsAt }),
    place: t.exposeString('place'),
    trainer: t.exposeString('trainer'),
    project: t.field({ type: ProjectRef, nullable: true, resolve: (s, _a, ctx) => (s.projectId == null ? null : getProject(ctx.em, s.projectId)) }),
    attendance: t.field({ type: [AttendanceRef], resolve: (s, _a, ctx) => trainingRepository.attendance(ctx.em, [s.id]) }),
  }),
});

const AttemptRef = builder.objectRef<IQuizAttempt>('QuizAttempt').implement({
  description: 'A person\'s scored answers to a training\'s quiz, pinned to the code and version.',
  fields: (t) => ({
    id: t.exposeInt('id'),
    username: t.exposeString('username'),
    code: t.exposeString('code'),
    version: t.exposeInt('version'),
    score: t.exposeInt('score'),
    maxScore: t.exposeInt('maxScore'),
    submittedAt: t.field({ type: 'DateTime', resolve: (a) => a.submittedAt }),
  }),
});

export const TrainingRef = builder.objectRef<ITraining>('Training').implement({
  description: 'A training (标准培训) of a published version of a work instruction: material and quiz from what changed.',
  fields: (t) => ({
    id: t.exposeInt('id'),
    code: t.exposeString('code'),
    version: t.exposeInt('version'),
    baseVersion: t.int({ nullable: true, description: 'the version the material is the diff from; null for a first version', resolve: (x) => x.baseVersion ?? null }),
    title: t.exposeString('title'),
    createdBy: t.exposeString('createdBy'),
    createdAt: t.field({ type: 'DateTime', resolve: (x) => x.createdAt }),
    material: t.field({ type: [MaterialPointRef], resolve: (x) => x.material }),
    quiz: t.field({ type: [QuizQuestionRef], resolve: (x) => x.quiz }),
    sessions: t.field({ type: [SessionRef], description: 'all for the organisation\'s managers; those of their projects for project roles', resolve: (x, _a, ctx) => (ctx.actor ? sessionsVisible(ctx.em, ctx.actor, x) : []) }),
    attempts: t.field({ type: [AttemptRef], description: 'everyone\'s for readers of trainings, else the caller\'s own', resolve: (x, _a, ctx) => (ctx.actor ? attemptsVisible(ctx.em, ctx.actor, x) : []) }),
  }),
});

const OpenedRef = builder.objectRef<OpenedTraining>('OpenedTraining').implement({
  fields: (t) => ({
    training: t.field({ type: TrainingRef, resolve: (o) => o.training }),
    reused: t.exposeBoolean('reused', { description: 'the version had a training already' }),
  }),
});

const MyTrainingRef = builder.objectRef<MyTraining>('MyTraining').implement({
  fields: (t) => ({
    training: t.field({ type: TrainingRef, resolve: (m) => m.training }),
    invitation: t.field({ type: AttendanceRef, resolve: (m) => m.invitation }),
    attempts: t.field({ type: [AttemptRef], resolve: (m) => m.attempts }),
  }),
});

const TrainingConnection = connectionOf(TrainingRef, 'Training');

builder.queryFields((t) => ({
  trainings: t.field({
    type: TrainingConnection,
    description: 'The organisation\'s trainings, newest first.',
    errors: { types: READ_ERRORS, union: { name: 'TrainingsResult' } },
    args: { code: t.arg.string(), ...pageArgs(t.arg) },
    complexity: (a) => pagedCost(a),
    resolve: async (_r, a, ctx) => toConnection(await listTrainings(ctx, a.code ?? null, a)),
  }),
  training: t.field({
    type: TrainingRef,
    errors: { types: READ_ERRORS, union: { name: 'TrainingResult' } },
    args: { id: t.arg.int({ required: true }) },
    resolve: (_r, a, ctx) => getTraining(ctx, a.id),
  }),
  myTrainings: t.field({
    type: [MyTrainingRef],
    description: 'The trainings the caller is invited to, with their attendance and quiz attempts.',
    errors: { types: READ_ERRORS, union: { name: 'MyTrainingsResult' } },
    resolve: (_r, _a, ctx) => myTrainings(ctx),
  }),
}));

builder.mutationFields((t) => ({
  openTraining: t.field({
    type: OpenedRef,
    description: 'Opens the training of a published version of a work instruction (material and quiz from its diff), or returns the one opened already.',
    errors: { types: WRITE_ERRORS, union: { name: 'OpenTrainingResult' } },
    args: { code: t.arg.string({ required: true }), version: t.arg.int({ required: true }) },
    resolve: (_r, a, ctx) => openTraining(ctx, a.code, a.version),
  }),
  scheduleTrainingSession: t.field({
    type: SessionRef,
    errors: { types: WRITE_ERRORS, union: { name: 'ScheduleTrainingSessionResult' } },
    args: { trainingId: t.arg.int({ required: true }), startsAt: t.arg({ type: 'DateTime', required: true }), place: t.arg.string({ required: true }), trainer: t.arg.string({ required: true }), projectId: t.arg.int() },
    resolve: (_r, a, ctx) => scheduleSession(ctx, a.trainingId, { startsAt: a.startsAt, place: a.place, trainer: a.trainer, projectId: a.projectId ?? null }),
  }),
  inviteToTrainingSession: t.field({
    type: [AttendanceRef],
    description: 'Invites the holders of a role on a project, and/or people by username; returns the session\'s attendance.',
    errors: { types: WRITE_ERRORS, union: { name: 'InviteToTrainingSessionResult' } },
    args: { sessionId: t.arg.int({ required: true }), projectId: t.arg.int(), role: t.arg.string(), usernames: t.arg.stringList() },
    resolve: (_r, a, ctx) => inviteAttendees(ctx, a.sessionId, { projectId: a.projectId, role: a.role, usernames: a.usernames }),
  }),
  recordTrainingAttendance: t.field({
    type: AttendanceRef,
    errors: { types: WRITE_ERRORS, union: { name: 'RecordTrainingAttendanceResult' } },
    args: { sessionId: t.arg.int({ required: true }), username: t.arg.string({ required: true }), present: t.arg.boolean({ required: true }) },
    resolve: (_r, a, ctx) => recordAttendance(ctx, a.sessionId, a.username, a.present),
  }),
  submitQuiz: t.field({
    type: AttemptRef,
    description: 'Scores the caller\'s answers (question id → option index) to a training\'s quiz; answers for another version than the training\'s are refused.',
    errors: { types: WRITE_ERRORS, union: { name: 'SubmitQuizResult' } },
    args: { trainingId: t.arg.int({ required: true }), version: t.arg.int({ required: true }), answers: t.arg({ type: 'JSON', required: true }) },
    resolve: (_r, a, ctx) => submitQuiz(ctx, a.trainingId, a.version, a.answers),
  }),
}));
