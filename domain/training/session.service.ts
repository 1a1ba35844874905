/**
 * Training sessions: when, where and by whom a training is held (optionally for one project),
 * who is invited — by project and role from the memberships, or by username — and who came.
 * Every invitation carries the document code and version trained (attendance is pinned).
 */
import { authorize, holdsOn, projectsFor, PERMISSIONS, type Actor } from '../shared/access.ts';
import { NotFoundError, ValidationError, issue, type Issue } from '../shared/errors.ts';
import { inTransaction, type EntityManager } from '../shared/persistence.ts';
import type { ServiceContext } from '../shared/service-context.ts';
import { appendAudit } from '../audit/audit.service.ts';
import { peopleRepository } from '../people/people.repository.ts';
import type { ITraining, ITrainingAttendance, ITrainingSession } from './training.entity.ts';
import { trainingMessage as m } from './training.messages.ts';
import { trainingRepository as repo } from './training.repository.ts';
import { visibleTraining } from './training.service.ts';

export interface SessionInput {
  startsAt: Date;
  place: string;
  trainer: string;
  projectId?: number | null;
}

/** Whom to invite: holders of a role on a project, and/or people by username. */
export interface Invitees {
  projectId?: number | null;
  role?: string | null;
  usernames?: readonly string[] | null;
}

/** Schedules a session of a training. */
export async function scheduleSession(ctx: ServiceContext, trainingId: number, input: SessionInput): Promise<ITrainingSession> {
  const actor = authorize(ctx.actor, 'manageTraining');
  const training = await visibleTraining(ctx.em, actor, trainingId);
  const issues: Issue[] = (['place', 'trainer'] as const).filter((k) => input[k].trim().length === 0 || input[k].length > 255).map((k) => issue(`/${k}`, m('training.place_rule')));
  if (issues.length > 0) throw new ValidationError(m('training.place_rule'), issues);
  const projectId = input.projectId ?? null;
  if (projectId !== null) await assertProject(ctx.em, actor, projectId, '/projectId');
  return inTransaction(ctx.em, async (em) => {
    const session = await repo.insertSession(em, { trainingId: training.id, projectId, startsAt: input.startsAt, place: input.place.trim(), trainer: input.trainer.trim(), createdBy: actor.username, createdAt: new Date() });
    await appendAudit(em, actor, { action: 'training.session_scheduled', subjectType: 'training', subjectKey: String(training.id), detail: { session: session.id, place: session.place, trainer: session.trainer, projectId } });
    return session;
  });
}

/** Invites people to a session; those invited already stay as they are. Returns the session's attendance. */
export async function inviteAttendees(ctx: ServiceContext, sessionId: number, who: Invitees): Promise<ITrainingAttendance[]> {
  const actor = authorize(ctx.actor, 'manageTraining');
  const { session, training } = await sessionOf(ctx.em, actor, sessionId);
  const byRole = who.projectId != null && who.role != null;
  if (!byRole && !(who.usernames && who.usernames.length > 0)) throw new ValidationError(m('training.invite_rule'), [issue('', m('training.invite_rule'))]);
  const people: { username: string; projectId: number | null; role: string }[] = [];
  if (byRole) {
    await assertProject(ctx.em, actor, who.projectId!, '/projectId');
    for (const username of await repo.holdersOn(ctx.em, actor.organisationId, who.projectId!, who.role!)) people.push({ username, projectId: who.projectId!, role: who.role! });
  }
  const unknown: Issue[] = [];
  for (const [i, username] of (who.usernames ?? []).entries()) {
    const user = actor.organisationId === null ? await peopleRepository.anyUser(ctx.em, username) : await peopleRepository.userIn(ctx.em, actor.organisationId, username);
    if (!user) unknown.push(issue(`/usernames/${i}`, m('training.user_unknown', { username })));
    else people.push({ username, projectId: session.projectId ?? null, role: 'invited' });
  }
  if (unknown.length > 0) throw new ValidationError(m('training.user_unknown', { username: String(unknown[0].params.username) }), unknown);
  return inTransaction(ctx.em, async (em) => {
    const invited = new Set((await repo.attendance(em, [session.id])).map((a) => a.username));
    const added = people.filter((p) => !invited.has(p.username) && invited.add(p.username));
    await repo.addAttendances(em, added.map((p) => ({ sessionId: session.id, username: p.username, projectId: p.projectId ?? null, role: p.role, code: training.code, version: training.version })));
    await appendAudit(em, actor, { action: 'training.invited', subjectType: 'training', subjectKey: String(training.id), detail: { session: session.id, invited: people.map((p) => p.username) } });
    return repo.attendance(em, [session.id]);
  });
}

/** Records whether an invited person came to a session. */
export async function recordAttendance(ctx: ServiceContext, sessionId: number, username: string, present: boolean): Promise<ITrainingAttendance> {
  const actor = authorize(ctx.actor, 'manageTraining');
  const { session } = await sessionOf(ctx.em, actor, sessionId);
  const row = await repo.invitation(ctx.em, session.id, username);
  if (!row) throw new NotFoundError(m('training.not_invited', { username, id: sessionId }), `${sessionId}/${username}`);
  return inTransaction(ctx.em, (em) => repo.markAttendance(em, row, { present, recordedBy: actor.username, recordedAt: new Date() }));
}

/** The sessions of a training the actor sees: all for the organisation's readers, else those of their projects. */
export function sessionsVisible(em: EntityManager, actor: Actor, training: ITraining): Promise<ITrainingSession[]> {
  return repo.sessions(em, training.id, projectsFor(actor, 'readTraining'));
}

async function sessionOf(em: EntityManager, actor: Actor, id: number): Promise<{ session: ITrainingSession; training: ITraining }> {
  const session = await repo.session(em, actor.organisationId, id);
  if (!session || !holdsOn(actor, PERMISSIONS.manageTraining, session.projectId ?? null)) throw new NotFoundError(m('training.session_not_found', { id }), String(id));
  return { session, training: await visibleTraining(em, actor, session.trainingId) };
}

async function assertProject(em: EntityManager, actor: Actor, projectId: number, at: string): Promise<void> {
  const found = actor.organisationId === null ? [{ id: projectId }] : await peopleRepository.projectsByIds(em, actor.organisationId, [projectId]);
  if (found.length === 0) throw new ValidationError(m('training.project_unknown', { id: projectId }), [issue(at, m('training.project_unknown', { id: projectId }))]);
}
