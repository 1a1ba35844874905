import type { EntityManager, NewRow } from '../shared/persistence.ts';
import type { KeysetOrder, PageWindow } from '../shared/paging.ts';
import { ormWindow, withWindow } from '../shared/keyset-query.ts';
import { Membership } from '../organisations/organisation.entity.ts';
import { QuizAttempt, Training, TrainingAttendance, TrainingSession, type IQuizAttempt, type ITraining, type ITrainingAttendance, type ITrainingSession } from './training.entity.ts';

/** Rows of one organisation (none: the system's, across organisations; row-level security still applies). */
function of(organisationId: number | null): Record<string, unknown> {
  return organisationId === null ? {} : { organisationId };
}

/** Queries over trainings, their sessions, attendance and quiz attempts. */
export const trainingRepository = {
  training(em: EntityManager, organisationId: number | null, id: number): Promise<ITraining | null> {
    return em.findOne(Training, { id, ...of(organisationId) });
  },

  /** The organisation's training of a version, if one was opened. */
  trainingOf(em: EntityManager, organisationId: number | null, code: string, version: number): Promise<ITraining | null> {
    return em.findOne(Training, { code, version, ...of(organisationId) }, { orderBy: { id: 'asc' } });
  },

  async insertTraining(em: EntityManager, row: NewRow<ITraining>): Promise<ITraining> {
    const training = em.create(Training, row);
    await em.flush();
    return training;
  },

  /** A window of the organisation's trainings (of one document when `code` is given). */
  window(em: EntityManager, organisationId: number | null, code: string | null, keyset: KeysetOrder, window: PageWindow): Promise<ITraining[]> {
    const { where, orderBy, limit } = ormWindow(keyset, window);
    return em.find(Training, withWindow({ ...of(organisationId), ...(code ? { code } : {}) }, where), { orderBy, limit });
  },

  count(em: EntityManager, organisationId: number | null, code: string | null): Promise<number> {
    return em.count(Training, { ...of(organisationId), ...(code ? { code } : {}) });
  },

  trainingsByIds(em: EntityManager, ids: readonly number[]): Promise<ITraining[]> {
    return em.find(Training, { id: { $in: [...ids] } }, { orderBy: { id: 'desc' } });
  },

  /** A training's sessions, earliest first; only those of `projects` (and none of an organisation-wide session) when given. */
  sessions(em: EntityManager, trainingId: number, projects: readonly number[] | null): Promise<ITrainingSession[]> {
    return em.find(TrainingSession, { trainingId, ...(projects === null ? {} : { projectId: { $in: [...projects] } }) }, { orderBy: { startsAt: 'asc', id: 'asc' } });
  },

  session(em: EntityManager, organisationId: number | null, id: number): Promise<ITrainingSession | null> {
    return em.findOne(TrainingSession, { id, ...of(organisationId) });
  },

  async insertSession(em: EntityManager, row: NewRow<ITrainingSession>): Promise<ITrainingSession> {
    const session = em.create(TrainingSession, row);
    await em.flush();
    return session;
  },

  attendance(em: EntityManager, sessionIds: readonly number[]): Promise<ITrainingAttendance[]> {
    return em.find(TrainingAttendance, { sessionId: { $in: [...sessionIds] } }, { orderBy: { sessionId: 'asc', username: 'asc' } });
  },

  /** A person's invitations, newest session first. */
  invitationsOf(em: EntityManager, organisationId: number | null, username: string): Promise<ITrainingAttendance[]> {
    return em.find(TrainingAttendance, { username, ...of(organisationId) }, { orderBy: { id: 'desc' } });
  },

  invitation(em: EntityManager, sessionId: number, username: string): Promise<ITrainingAttendance | null> {
    return em.findOne(TrainingAttendance, { sessionId, username });
  },

  /** Whether the person is invited to any session of the training. */
  async invitedTo(em: EntityManager, trainingId: number, username: string): Promise<boolean> {
    const sessions = await em.find(TrainingSession, { trainingId }, { fields: ['id'] });
    return sessions.length > 0 && (await em.count(TrainingAttendance, { sessionId: { $in: sessions.map((s) => s.id) }, username })) > 0;
  },

  async addAttendances(em: EntityManager, rows: NewRow<ITrainingAttendance>[]): Promise<void> {
    for (const row of rows) em.create(TrainingAttendance, row);
    await em.flush();
  },

  /** Records whether the invited person came. */
  async markAttendance(em: EntityManager, row: ITrainingAttendance, mark: Pick<ITrainingAttendance, 'present' | 'recordedBy' | 'recordedAt'>): Promise<ITrainingAttendance> {
    const stored = em.merge(row);
    Object.assign(stored, mark);
    await em.flush();
    return stored;
  },

  /** Who holds `role` on the project (project memberships). */
  async holdersOn(em: EntityManager, organisationId: number | null, projectId: number, role: string): Promise<string[]> {
    const rows = await em.find(Membership, { projectId, role, ...of(organisationId) }, { orderBy: { username: 'asc' } });
    return [...new Set(rows.map((r) => r.username))];
  },

  /** Quiz attempts of a training, newest first; one person's only when `username` is given. */
  attempts(em: EntityManager, trainingId: number, username: string | null): Promise<IQuizAttempt[]> {
    return em.find(QuizAttempt, { trainingId, ...(username === null ? {} : { username }) }, { orderBy: { id: 'desc' } });
  },

  async insertAttempt(em: EntityManager, row: NewRow<IQuizAttempt>): Promise<IQuizAttempt> {
    const attempt = em.create(QuizAttempt, row);
    await em.flush();
    return attempt;
  },
};
