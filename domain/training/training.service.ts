/**
 * Trainings (标准培训): opened by the quality manager for a published version of a work
 * instruction, with material and quiz generated from what changed since the version before.
 */
import { authorize, holds, type Actor } from '../shared/access.ts';
import { ConflictError, NotFoundError } from '../shared/errors.ts';
import { inTransaction, type EntityManager } from '../shared/persistence.ts';
import { keysetPage, type Keyset, type Page, type PageArgs } from '../shared/paging.ts';
import type { ServiceContext } from '../shared/service-context.ts';
import { appendAudit } from '../audit/audit.service.ts';
import { standardRepository } from '../standards/standard.repository.ts';
import { parseSchema } from '../standards/standard.views.ts';
import { materialOf } from './material.ts';
import { quizOf } from './quiz.ts';
import type { ITraining } from './training.entity.ts';
import { trainingMessage as m } from './training.messages.ts';
import { trainingRepository as repo } from './training.repository.ts';

/** A training opened, or the one already open for that version. */
export interface OpenedTraining {
  training: ITraining;
  reused: boolean;
}

const TRAININGS: Keyset<ITraining> = { list: 'trainings', columns: [{ name: 'id', type: 'int', direction: 'desc' }], keyOf: (t) => [t.id] };

/** Opens the training of a published version of a work instruction (or returns the one already opened). */
export async function openTraining(ctx: ServiceContext, code: string, version: number): Promise<OpenedTraining> {
  const actor = authorize(ctx.actor, 'manageTraining');
  const doc = await standardRepository.getDocument(ctx.em, code);
  if (doc.kind !== 'instruction') throw new ConflictError(m('training.not_instruction', { code }));
  const row = await standardRepository.getVersion(ctx.em, code, version);
  if (row.publishedAt === null) throw new ConflictError(m('training.not_published', { code, version }));
  const existing = await repo.trainingOf(ctx.em, actor.organisationId, code, version);
  if (existing) return { training: existing, reused: true };
  const previous = (await standardRepository.listVersions(ctx.em, code)).filter((v) => v.version < version && v.publishedAt !== null).at(-1) ?? null;
  const from = previous ? parseSchema(previous) : null;
  const to = parseSchema(row);
  return inTransaction(ctx.em, async (em) => {
    const training = await repo.insertTraining(em, {
      ...(actor.organisationId === null ? {} : { organisationId: actor.organisationId }), code, version, baseVersion: previous?.version ?? null, title: `${row.title}（第${version}版）`,
      material: materialOf(from, to), quiz: quizOf(from, to), createdBy: actor.username, createdAt: new Date(),
    });
    await appendAudit(em, actor, { action: 'training.opened', subjectType: 'training', subjectKey: String(training.id), detail: { code, version, baseVersion: training.baseVersion ?? null } });
    return { training, reused: false };
  });
}

/** Opens (or reuses) the training of a document's current published version: the rectification's prevention by training. */
export async function openTrainingForCurrent(ctx: ServiceContext, code: string): Promise<OpenedTraining> {
  const doc = await standardRepository.getDocument(ctx.em, code);
  if (doc.publishedVersion == null) throw new ConflictError(m('training.no_published', { code }));
  return openTraining(ctx, code, doc.publishedVersion);
}

/** The organisation's trainings, newest first, of one document when `code` is given. */
export function listTrainings(ctx: ServiceContext, code: string | null, args: PageArgs): Promise<Page<ITraining>> {
  const actor = authorize(ctx.actor, 'readTraining');
  return keysetPage(TRAININGS, args, (w) => repo.window(ctx.em, actor.organisationId, code, TRAININGS, w), () => repo.count(ctx.em, actor.organisationId, code));
}

/**
 * A training by id, for those who read trainings, or for a person invited to one of its sessions
 * (who takes its quiz). Another organisation's answers like a missing one.
 */
export async function getTraining(ctx: ServiceContext, id: number): Promise<ITraining> {
  const actor = authorize(ctx.actor, ctx.actor && holds(ctx.actor, 'readTraining') ? 'readTraining' : 'takeQuizzes');
  return visibleTraining(ctx.em, actor, id);
}

/** The training when the actor may see it; otherwise the error a missing one gives. */
export async function visibleTraining(em: EntityManager, actor: Actor, id: number): Promise<ITraining> {
  const training = await repo.training(em, actor.organisationId, id);
  if (!training || (!holds(actor, 'readTraining') && !(await repo.invitedTo(em, id, actor.username)))) {
    throw new NotFoundError(m('training.not_found', { id }), String(id));
  }
  return training;
}

/** Whether the actor may see a quiz's right answers (those who manage trainings). */
export function seesAnswers(actor: Actor | null): boolean {
  return actor !== null && holds(actor, 'manageTraining');
}
