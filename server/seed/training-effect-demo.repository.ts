import type { EntityManager } from '../../domain/shared/persistence.ts';

/** The queries of the training-effect demo seeding: a training and its sessions, straight into the foundation's tables. */
export const trainingDemoRepository = {
  /** Whether an earlier start submitted the demo's inspections already. */
  async seeded(em: EntityManager): Promise<boolean> {
    return (await em.execute<{ id: number }[]>(`select id from inspection where client_submission_id like 'effect-demo-%' limit 1`)).length > 0;
  },

  /** One session a day at 09:00 China time in the project's lobby. */
  async insertSessions(em: EntityManager, organisationId: number, trainingId: number, projectId: number, days: string[]): Promise<void> {
    const now = new Date();
    await em.execute(`insert into training_session (organisation_id, training_id, project_id, starts_at, place, trainer, created_by, created_at) values ${days.map(() => '(?, ?, ?, ?, ?, ?, ?, ?)').join(', ')}`,
      days.flatMap((d) => [organisationId, trainingId, projectId, new Date(`${d}T09:00:00+08:00`), '项目大堂', 'manager', 'manager', now]));
  },
};
