import { scopeSql, type Scope } from '../organisations/scope.ts';
import type { EntityManager } from '../shared/persistence.ts';

/** A wave with the questionnaire version it pins. */
export interface PinnedWave {
  id: number;
  organisationId: number;
  name: string;
  versionId: number;
  version: number;
  questionnaireCode: string;
  questionnaireTitle: string;
  schema: Record<string, unknown>;
}

/** NPS answers of one project in one month (China time), counted by class. */
export interface NpsCell {
  projectId: number;
  projectCode: string;
  regionId: number;
  region: string;
  month: string;
  promoters: number;
  passives: number;
  detractors: number;
}

/** The queries behind survey results; every one keeps to the wave's pinned version and the caller's scope. */
export const surveyResultsRepository = {
  async pinnedWave(em: EntityManager, waveId: number, organisationId: number | null): Promise<PinnedWave | null> {
    const rows = await em.execute<{ id: number; organisation_id: number; name: string; version_id: number; version: number; code: string; title: string; schema: Record<string, unknown> | string }[]>(
      `select w.id, w.organisation_id, w.name, w.version_id, v.version, q.code, q.title, v.schema
       from survey_wave w join questionnaire_version v on v.id = w.version_id join questionnaire q on q.id = v.questionnaire_id
       where w.id = ? and (?::int is null or w.organisation_id = ?)`, [waveId, organisationId, organisationId]);
    const r = rows[0];
    if (!r) return null;
    return { id: r.id, organisationId: r.organisation_id, name: r.name, versionId: r.version_id, version: r.version, questionnaireCode: r.code, questionnaireTitle: r.title, schema: typeof r.schema === 'string' ? JSON.parse(r.schema) : r.schema };
  },

  /** NPS answers of the wave's responses to its pinned version, counted by class per project and month, within the scope (and one project when given). */
  async npsCells(em: EntityManager, wave: PinnedWave, scope: Scope, projectId: number | null): Promise<NpsCell[]> {
    const where = scopeSql(scope, 'r');
    const rows = await em.execute<{ project_id: number; code: string; region_id: number; region: string; month: string; promoters: string; passives: string; detractors: string }[]>(
      `select r.project_id, p.code, p.region_id, p.region, to_char(r.submitted_at at time zone 'Asia/Shanghai', 'YYYY-MM') as month,
         count(*) filter (where r.nps >= 9) as promoters, count(*) filter (where r.nps between 7 and 8) as passives, count(*) filter (where r.nps <= 6) as detractors
       from survey_response r join project p on p.id = r.project_id
       where r.wave_id = ? and r.version_id = ? and r.nps between 0 and 10 and ${where.sql} and (?::int is null or r.project_id = ?)
       group by 1, 2, 3, 4, 5`,
      [wave.id, wave.versionId, ...where.params, projectId, projectId]);
    return rows.map((r) => ({ projectId: r.project_id, projectCode: r.code, regionId: r.region_id, region: r.region, month: r.month, promoters: Number(r.promoters), passives: Number(r.passives), detractors: Number(r.detractors) }));
  },

  /** The answers of the wave's responses to its pinned version, within the scope (and one project when given). */
  async answers(em: EntityManager, wave: PinnedWave, scope: Scope, projectId: number | null): Promise<Record<string, unknown>[]> {
    const where = scopeSql(scope, 'r');
    const rows = await em.execute<{ answers: Record<string, unknown> | string }[]>(
      `select r.answers from survey_response r
       where r.wave_id = ? and r.version_id = ? and ${where.sql} and (?::int is null or r.project_id = ?)`,
      [wave.id, wave.versionId, ...where.params, projectId, projectId]);
    return rows.map((r) => (typeof r.answers === 'string' ? JSON.parse(r.answers) : r.answers));
  },

  async projectInOrganisation(em: EntityManager, projectId: number, organisationId: number | null): Promise<boolean> {
    const rows = await em.execute<{ id: number }[]>(`select id from project where id = ? and (?::int is null or organisation_id = ?)`, [projectId, organisationId, organisationId]);
    return rows.length > 0;
  },
};
