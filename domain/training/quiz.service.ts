/**
 * Taking a training's quiz: an attendee's answers are scored and kept as an attempt pinned to the
 * code and version trained. Answers written for another version are refused and nothing is stored.
 */
import { authorize, holds, type Actor } from '../shared/access.ts';
import { ValidationError, issue, type Issue } from '../shared/errors.ts';
import { inTransaction, type EntityManager } from '../shared/persistence.ts';
import type { ServiceContext } from '../shared/service-context.ts';
import { scoreQuiz } from './quiz.ts';
import type { IQuizAttempt, ITraining, ITrainingAttendance } from './training.entity.ts';
import { trainingMessage as m } from './training.messages.ts';
import { trainingRepository as repo } from './training.repository.ts';
import { visibleTraining } from './training.service.ts';

/** Scores the caller's answers (question id → option index) to the quiz of a training of `version`. */
export async function submitQuiz(ctx: ServiceContext, trainingId: number, version: number, answers: unknown): Promise<IQuizAttempt> {
  const actor = authorize(ctx.actor, 'takeQuizzes');
  const training = await visibleTraining(ctx.em, actor, trainingId);
  if (version !== training.version) {
    throw new ValidationError(m('training.wrong_version', { code: training.code, given: version, version: training.version }), [issue('/version', m('training.version_rule', { version: training.version }))]);
  }
  const checked = checkAnswers(training, answers);
  return inTransaction(ctx.em, (em) => repo.insertAttempt(em, {
    trainingId: training.id, username: actor.username, code: training.code, version: training.version,
    answers: checked, score: scoreQuiz(training.quiz, checked), maxScore: training.quiz.length, submittedAt: new Date(),
  }));
}

/** The attempts of a training the actor sees: everyone's for readers of trainings, else their own. */
export function attemptsVisible(em: EntityManager, actor: Actor, training: ITraining): Promise<IQuizAttempt[]> {
  return repo.attempts(em, training.id, holds(actor, 'readTraining') ? null : actor.username);
}

/** A person's training: the invitation (pinned code and version, attendance) and their attempts. */
export interface MyTraining {
  training: ITraining;
  invitation: ITrainingAttendance;
  attempts: IQuizAttempt[];
}

/** The trainings the caller is invited to, newest invitation first (one entry per training). */
export async function myTrainings(ctx: ServiceContext): Promise<MyTraining[]> {
  const actor = authorize(ctx.actor, 'takeQuizzes');
  const invitations = await repo.invitationsOf(ctx.em, actor.organisationId, actor.username);
  const sessions = await Promise.all(invitations.map((i) => repo.session(ctx.em, actor.organisationId, i.sessionId)));
  const byTraining = new Map<number, ITrainingAttendance>();
  invitations.forEach((inv, i) => { const s = sessions[i]; if (s && !byTraining.has(s.trainingId)) byTraining.set(s.trainingId, inv); });
  const trainings = await repo.trainingsByIds(ctx.em, [...byTraining.keys()]);
  return Promise.all(trainings.map(async (training) => ({ training, invitation: byTraining.get(training.id)!, attempts: await repo.attempts(ctx.em, training.id, actor.username) })));
}

/** Answers must name every question once, each with one of its options. */
function checkAnswers(training: ITraining, answers: unknown): Record<string, number> {
  if (typeof answers !== 'object' || answers === null || Array.isArray(answers)) throw new ValidationError(m('training.answers_invalid'), [issue('/answers', m('training.answers_invalid'))]);
  const given = answers as Record<string, unknown>;
  const ids = new Set(training.quiz.map((q) => q.id));
  const issues: Issue[] = Object.keys(given).filter((id) => !ids.has(id)).map((id) => issue(`/answers/${id}`, m('training.answer_unknown', { id })));
  for (const q of training.quiz) {
    const value = given[q.id];
    if (value === undefined) issues.push(issue(`/answers/${q.id}`, m('training.answer_missing', { id: q.id })));
    else if (!Number.isInteger(value) || (value as number) < 0 || (value as number) >= q.options.length) issues.push(issue(`/answers/${q.id}`, m('training.answer_range', { count: q.options.length, last: q.options.length - 1 })));
  }
  if (issues.length > 0) throw new ValidationError(m('training.answers_invalid'), issues);
  return Object.fromEntries(training.quiz.map((q) => [q.id, given[q.id] as number]));
}
