import type { EntityManager } from '../domain/shared/persistence.ts';

/** Helpers of the survey-results tests: the queries, and responses of known NPS answers. */
export const NPS_FIELDS = 'n promoters passives detractors nps ciLow ciHigh smallSample';
export const RESULTS = `query ($w: Int!, $p: Int, $g: NpsGrouping, $grain: TrendGrain) { surveyResults(waveId: $w, projectId: $p, groupBy: $g, grain: $grain) {
  __typename ... on SurveyResults { waveName questionnaireCode version groupBy rows { label projectId ${NPS_FIELDS} trend { period ${NPS_FIELDS} } } total { label ${NPS_FIELDS} } } ... on Error { code } } }`;
export const DRIVERS = `query ($w: Int!, $p: Int) { keyDrivers(waveId: $w, projectId: $p) {
  __typename ... on KeyDriverAnalysis { questionnaireCode version projectId n rSquared drivers { key name weight importance constant mean performance topTwoBox answered quadrant } }
  ... on TooFewResponsesError { n required } ... on Error { code } } }`;

/** Inserts responses answering only the NPS question with `scores`, on `day` (noon, China time). */
export async function insertResponses(em: EntityManager, wave: { waveId: number; versionId: number }, projectId: number, scores: number[], day: string): Promise<void> {
  for (const score of scores) {
    await em.execute(`insert into survey_response (organisation_id, wave_id, project_id, version_id, answers, nps, submitted_at) select organisation_id, ?, ?, ?, ?::jsonb, ?, ? from survey_wave where id = ?`,
      [wave.waveId, projectId, wave.versionId, JSON.stringify({ recommend: score }), score, new Date(`${day}T12:00:00+08:00`), wave.waveId]);
  }
}
