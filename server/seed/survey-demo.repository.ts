import type { EntityManager } from '../../domain/shared/persistence.ts';

/** The queries of the survey demo seeding (the demo wave, its questionnaire, its responses). */
export const surveyDemoRepository = {
  async wave(em: EntityManager, waveId: number, versionId: number) {
    const [wave] = await em.execute<{ organisation_id: number; opens_on: string | Date; closes_on: string | Date; schema: Record<string, unknown> | string }[]>(
      `select w.organisation_id, w.opens_on, w.closes_on, v.schema from survey_wave w join questionnaire_version v on v.id = w.version_id where w.id = ? and v.id = ?`, [waveId, versionId]);
    return wave ?? null;
  },

  /** Inserts responses (organisation, wave, project, version, answers JSON, nps, submitted at) in one statement. */
  async insertResponses(em: EntityManager, rows: unknown[][]): Promise<void> {
    await em.execute(`insert into survey_response (organisation_id, wave_id, project_id, version_id, answers, nps, submitted_at) values ${rows.map(() => '(?, ?, ?, ?, ?::jsonb, ?, ?)').join(', ')}`, rows.flat());
  },

  async insertWave(em: EntityManager, organisationId: number, code: string, schema: Record<string, unknown>, opensOn: string, closesOn: string, name: string): Promise<{ waveId: number; versionId: number }> {
    const now = new Date();
    const [q] = await em.execute<{ id: number }[]>(`insert into questionnaire (organisation_id, code, title, created_by, created_at) values (?, ?, ?, 'system', ?) returning id`, [organisationId, code, '业主满意度调查', now]);
    const [v] = await em.execute<{ id: number }[]>(
      `insert into questionnaire_version (organisation_id, questionnaire_id, version, schema, status, created_by, created_at, published_by, published_at) values (?, ?, 1, ?::jsonb, 'published', 'system', ?, 'system', ?) returning id`,
      [organisationId, q.id, JSON.stringify(schema), now, now]);
    const [w] = await em.execute<{ id: number }[]>(`insert into survey_wave (organisation_id, version_id, name, opens_on, closes_on, created_by, created_at) values (?, ?, ?, ?, ?, 'system', ?) returning id`,
      [organisationId, v.id, name, opensOn, closesOn, now]);
    return { waveId: w.id, versionId: v.id };
  },

  async latestDriverWave(em: EntityManager, organisationId: number): Promise<{ waveId: number; versionId: number } | null> {
    const [found] = await em.execute<{ id: number; version_id: number }[]>(
      `select w.id, w.version_id from survey_wave w join questionnaire_version v on v.id = w.version_id
       where w.organisation_id = ? and exists (select 1 from jsonb_each(v.schema -> 'properties') q where q.value ->> 'x-role' = 'driver') order by w.id desc limit 1`, [organisationId]);
    return found ? { waveId: found.id, versionId: found.version_id } : null;
  },

  async responseCount(em: EntityManager, waveId: number): Promise<number> {
    const [{ n }] = await em.execute<{ n: string }[]>(`select count(*) as n from survey_response where wave_id = ?`, [waveId]);
    return Number(n);
  },

  projects(em: EntityManager, organisationId: number): Promise<{ id: number; code: string }[]> {
    return em.execute<{ id: number; code: string }[]>(`select id, code from project where organisation_id = ? order by code`, [organisationId]);
  },
};
