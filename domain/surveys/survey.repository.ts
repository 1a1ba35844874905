import type { EntityManager, NewRow } from '../shared/persistence.ts';
import { Project, type IProject } from '../projects/project.entity.ts';
import {
  Questionnaire, QuestionnaireVersion, SurveyLink, SurveyResponse, SurveyWave,
  type IQuestionnaire, type IQuestionnaireVersion, type ISurveyLink, type ISurveyResponse, type ISurveyWave,
} from './survey.entity.ts';

/** Rows of one organisation, or of every organisation for the system (null). */
const of = (organisationId: number | null) => (organisationId === null ? {} : { organisationId });

/** Questionnaires, their versions, waves, links and responses. */
export const surveyRepository = {
  questionnaires(em: EntityManager, organisationId: number | null): Promise<IQuestionnaire[]> {
    return em.find(Questionnaire, of(organisationId), { orderBy: { code: 'asc' } });
  },

  questionnaire(em: EntityManager, organisationId: number | null, code: string): Promise<IQuestionnaire | null> {
    return em.findOne(Questionnaire, { ...of(organisationId), code });
  },

  questionnaireById(em: EntityManager, id: number): Promise<IQuestionnaire | null> {
    return em.findOne(Questionnaire, { id });
  },

  /** The versions of a questionnaire, oldest first. */
  versions(em: EntityManager, questionnaireId: number): Promise<IQuestionnaireVersion[]> {
    return em.find(QuestionnaireVersion, { questionnaireId }, { orderBy: { version: 'asc' } });
  },

  version(em: EntityManager, questionnaireId: number, version: number): Promise<IQuestionnaireVersion | null> {
    return em.findOne(QuestionnaireVersion, { questionnaireId, version });
  },

  versionById(em: EntityManager, id: number): Promise<IQuestionnaireVersion | null> {
    return em.findOne(QuestionnaireVersion, { id });
  },

  async insertQuestionnaire(em: EntityManager, row: NewRow<IQuestionnaire>): Promise<IQuestionnaire> {
    const questionnaire = em.create(Questionnaire, row);
    await em.flush();
    return questionnaire;
  },

  /** Writes the unit of work's pending changes (a draft's new content, a publication, a response). */
  async save(em: EntityManager): Promise<void> {
    await em.flush();
  },

  insertVersion(em: EntityManager, row: NewRow<IQuestionnaireVersion>): IQuestionnaireVersion {
    return em.create(QuestionnaireVersion, row);
  },

  waves(em: EntityManager, organisationId: number | null): Promise<ISurveyWave[]> {
    return em.find(SurveyWave, of(organisationId), { orderBy: { opensOn: 'desc', id: 'desc' } });
  },

  wave(em: EntityManager, organisationId: number | null, id: number): Promise<ISurveyWave | null> {
    return em.findOne(SurveyWave, { ...of(organisationId), id });
  },

  async insertWave(em: EntityManager, row: NewRow<ISurveyWave>): Promise<ISurveyWave> {
    const wave = em.create(SurveyWave, row);
    await em.flush();
    return wave;
  },

  project(em: EntityManager, organisationId: number | null, id: number): Promise<IProject | null> {
    return em.findOne(Project, { ...of(organisationId), id });
  },

  projectsOf(em: EntityManager, organisationId: number): Promise<IProject[]> {
    return em.find(Project, { organisationId }, { orderBy: { code: 'asc' } });
  },

  /** Stores links in one statement (a wave may send thousands). */
  async insertLinks(em: EntityManager, rows: NewRow<ISurveyLink>[]): Promise<void> {
    await em.insertMany(SurveyLink, rows);
  },

  /** How many links and responses a wave has, per project. */
  async waveCounts(em: EntityManager, waveId: number): Promise<{ projectId: number; links: number; responses: number }[]> {
    const rows = await em.execute<{ project_id: number; links: string; responses: string }[]>(
      `select p.project_id, coalesce(l.n, 0) as links, coalesce(r.n, 0) as responses
         from (select project_id from survey_link where wave_id = ? union select project_id from survey_response where wave_id = ?) p
         left join (select project_id, count(*) n from survey_link where wave_id = ? group by project_id) l on l.project_id = p.project_id
         left join (select project_id, count(*) n from survey_response where wave_id = ? group by project_id) r on r.project_id = p.project_id
         order by p.project_id`, [waveId, waveId, waveId, waveId]);
    return rows.map((r) => ({ projectId: Number(r.project_id), links: Number(r.links), responses: Number(r.responses) }));
  },

  /**
   * The organisation of a link's token hash, read through a security-definer function: an
   * anonymous caller's session sees no organisation's rows until this names one.
   */
  async organisationOfToken(em: EntityManager, tokenHash: string): Promise<number | null> {
    const rows = await em.execute<{ organisation_id: number | null }[]>('select "pinzhi_survey_link_organisation"(?) as organisation_id', [tokenHash]);
    return rows[0]?.organisation_id ?? null;
  },

  link(em: EntityManager, organisationId: number, tokenHash: string): Promise<ISurveyLink | null> {
    return em.findOne(SurveyLink, { organisationId, tokenHash });
  },

  /** Marks a link used unless it already is; false when another submission took it first (it waits for that one's commit). */
  async claimLink(em: EntityManager, linkId: number, at: Date): Promise<boolean> {
    const rows = await em.execute<{ id: number }[]>('update "survey_link" set "used_at" = ? where "id" = ? and "used_at" is null returning "id"', [at, linkId]);
    return rows.length === 1;
  },

  insertResponse(em: EntityManager, row: NewRow<ISurveyResponse>): ISurveyResponse {
    return em.create(SurveyResponse, row);
  },

  /** Stores many responses in one statement (imports and the demo). */
  async insertResponses(em: EntityManager, rows: NewRow<ISurveyResponse>[]): Promise<void> {
    if (rows.length > 0) await em.insertMany(SurveyResponse, rows);
  },
};
