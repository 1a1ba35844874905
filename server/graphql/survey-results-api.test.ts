import { startTestApp, type TestApp } from '../../test/harness.ts';
import { ensureSampleProjects } from '../../domain/projects/project.service.ts';
import { SAMPLE_PROJECTS } from '../../domain/projects/sample-projects.ts';
import { createOrganisation } from '../../domain/people/organisation.service.ts';
import { grantRole } from '../../domain/people/people.service.ts';
import { createUser, DEMO_PASSWORD } from '../../domain/users/user.service.ts';
import { organisationActor, SYSTEM_ACTOR } from '../../domain/shared/access.ts';
import { npsOf } from '../../domain/surveys/analysis/nps.ts';
import { DEMO_SCHEMA, insertWave } from '../seed/survey-results-demo.ts';
import { seedSurveyResponses } from '../seed/survey-responses-demo.ts';
import { NPS_FIELDS, RESULTS, DRIVERS, insertResponses } from '../../test/survey-results.ts';

/**
 * Survey results through the API on a real database: NPS by project / region / organisation with
 * intervals and trends, the key-driver analysis of the demo story, reproducibility from the pinned
 * version, and the caller's scope.
 */
let t: TestApp;
const tokens: Record<string, string> = {};
const ids: Record<string, number> = {};
let demo: { waveId: number; versionId: number };
let small: { waveId: number; versionId: number };
let otherOrgWave: number;
const as = (who: string) => (query: string, variables: Record<string, unknown>) => t.gql(query, variables, tokens[who]);

beforeAll(async () => {
  t = await startTestApp();
  await ensureSampleProjects(t.em());
  for (const r of await t.em().execute<{ code: string; id: number }[]>('select code, id from project where organisation_id = 1 order by code')) ids[r.code] = r.id;
  const projects = Object.entries(ids).map(([code, id]) => ({ code, id }));
  // the demo story over the two previous quarters, and a small wave of known answers
  demo = await insertWave(t.em(), 1, 'SV-RESIDENT', DEMO_SCHEMA, '2026-04-01', '2026-09-30', '年度调查');
  await seedSurveyResponses(t.em(), demo.waveId, demo.versionId, projects);
  small = await insertWave(t.em(), 1, 'SV-SMALL', DEMO_SCHEMA, '2026-01-01', '2026-03-31', '小样本');
  await insertResponses(t.em(), small, ids.HD01, [10, 10, 9, 8, 3, 0], '2026-01-15');
  await insertResponses(t.em(), small, ids.HD01, [9, 9, 6], '2026-02-15');
  await insertResponses(t.em(), small, ids.HN02, [7, 7, 10, 2], '2026-03-01');
  // another organisation's wave
  const other = await createOrganisation(t.em(), SYSTEM_ACTOR, { code: 'yueju', name: '悦居物业' });
  await ensureSampleProjects(t.em(), other.id, [{ ...SAMPLE_PROJECTS[0], code: 'YJ01', name: '悦居花园', region: '西南区域' }]);
  const [{ id: yj }] = await t.em().execute<{ id: number }[]>(`select id from project where code = 'YJ01'`);
  const theirs = await insertWave(t.em(), other.id, 'SV-YJ', DEMO_SCHEMA, '2026-01-01', '2026-03-31', '悦居调查');
  await insertResponses(t.em(), theirs, yj, [10, 9, 8], '2026-01-10');
  otherOrgWave = theirs.waveId;
  // a project manager of HD02 only
  const ctx = { em: t.em(), actor: organisationActor('admin', ['admin'], 1), limits: t.app.limits };
  await createUser(ctx.em, ctx.actor, { username: 'pm-hd02', displayName: '项目经理 HD02', password: DEMO_PASSWORD, roles: [], rolesLater: true, qualifications: [] });
  await grantRole(ctx, { username: 'pm-hd02', role: 'project_manager', projectId: ids.HD02 });
  for (const who of ['manager', 'auditor', 'inspector', 'pm-hd02']) tokens[who] = await t.login(who);
}, 240_000);
afterAll(async () => {
  await t?.close();
});

describe('NPS of a wave', () => {
  it('gives each project its NPS, n and interval as computed by hand, with the trend per month', async () => {
    const r = (await as('manager')(RESULTS, { w: small.waveId, g: 'project', grain: 'month' })).data!.surveyResults;
    expect(r).toMatchObject({ __typename: 'SurveyResults', questionnaireCode: 'SV-SMALL', version: 1, groupBy: 'project' });
    const hd01 = npsOf([10, 10, 9, 8, 3, 0, 9, 9, 6]);
    expect(r.rows.map((x: { label: string; n: number; nps: number }) => [x.label, x.n, x.nps])).toEqual([['HD01', 9, hd01.nps], ['HN02', 4, 0]]);
    expect(r.rows[0].ciLow).toBeCloseTo(hd01.ciLow!, 8);
    expect(r.rows[0]).toMatchObject({ promoters: 5, passives: 1, detractors: 3, smallSample: true });
    expect(r.rows[0].trend.map((p: { period: string; n: number }) => [p.period, p.n])).toEqual([['2026-01', 6], ['2026-02', 3]]);
    expect(r.rows[0].trend[0].nps).toBeCloseTo(100 / 6, 8);
    expect(r.rows[0].trend[1].nps).toBeCloseTo(100 / 3, 8);
    expect(r.total).toMatchObject({ label: '全部', n: 13, nps: ((6 - 4) / 13) * 100 });
  });

  it('tells the demo story: NPS by region and organisation, one project improving from about −12 to +23 between the quarters', async () => {
    const byProject = (await as('manager')(RESULTS, { w: demo.waveId, g: 'project', grain: 'quarter' })).data!.surveyResults;
    expect(byProject.rows).toHaveLength(18);
    expect(byProject.total.n).toBeGreaterThan(11_000);
    expect(byProject.total.n).toBeLessThan(13_000);
    const improving = byProject.rows.find((x: { label: string }) => x.label === 'HB01');
    expect(improving.trend.map((p: { period: string }) => p.period)).toEqual(['2026-Q2', '2026-Q3']);
    expect(Math.abs(improving.trend[0].nps - -12)).toBeLessThan(7);
    expect(Math.abs(improving.trend[1].nps - 23)).toBeLessThan(7);
    // a row's interval: about ±7 points on ~670 answers
    expect(improving.ciHigh - improving.ciLow).toBeGreaterThan(8);
    expect(improving.ciHigh - improving.ciLow).toBeLessThan(20);
    const spread = byProject.rows.map((x: { nps: number }) => x.nps);
    expect(Math.max(...spread) - Math.min(...spread)).toBeGreaterThan(30);
    const byRegion = (await as('manager')(RESULTS, { w: demo.waveId, g: 'region' })).data!.surveyResults;
    expect(byRegion.rows.map((x: { label: string }) => x.label)).toEqual(['华东区域', '华北区域', '华南区域'].sort());
    expect(byRegion.rows.reduce((s: number, x: { n: number }) => s + x.n, 0)).toBe(byProject.total.n);
    const whole = (await as('auditor')(RESULTS, { w: demo.waveId, g: 'organisation' })).data!.surveyResults;
    expect(whole.rows).toHaveLength(1);
    expect(whole.rows[0]).toMatchObject({ label: '全部', n: byProject.total.n, nps: byProject.total.nps });
  });

  it('counts only responses to the wave\'s pinned version', async () => {
    // given detractors answering a different version within the same wave
    const before = (await as('manager')(RESULTS, { w: small.waveId, g: 'organisation' })).data!.surveyResults.total;
    const [{ id: stray }] = await t.em().execute<{ id: number }[]>(`insert into questionnaire_version (organisation_id, questionnaire_id, version, schema, status, created_by, created_at) select organisation_id, questionnaire_id, 2, schema, 'draft', 'x', now() from questionnaire_version where id = ? returning id`, [small.versionId]);
    await insertResponses(t.em(), { waveId: small.waveId, versionId: stray }, ids.HD01, [0, 0, 0, 0], '2026-02-01');
    // then the figures stay those of version 1
    expect((await as('manager')(RESULTS, { w: small.waveId, g: 'organisation' })).data!.surveyResults.total).toEqual(before);
  });
});

describe('key drivers of a wave', () => {
  it('finds 环境品质, 服务响应 and 费用透明 as the key drivers, 费用透明 to improve, weights summing to R²', async () => {
    const k = (await as('manager')(DRIVERS, { w: demo.waveId })).data!.keyDrivers;
    expect(k).toMatchObject({ __typename: 'KeyDriverAnalysis', questionnaireCode: 'SV-RESIDENT', version: 1, projectId: null });
    const total = (await as('manager')(RESULTS, { w: demo.waveId, g: 'organisation' })).data!.surveyResults.total.n;
    expect(k.n).toBeLessThan(total); // listwise: households that skipped a driver question are left out
    expect(k.n).toBeGreaterThan(total * 0.8);
    const ranked = [...k.drivers].sort((a: { importance: number }, b: { importance: number }) => b.importance - a.importance).map((d: { name: string }) => d.name);
    expect(ranked.slice(0, 3).sort()).toEqual(['服务响应', '环境品质', '费用透明'].sort());
    expect(k.drivers.reduce((s: number, d: { weight: number }) => s + d.weight, 0)).toBeCloseTo(k.rSquared, 8);
    expect(k.drivers.find((d: { name: string }) => d.name === '费用透明').quadrant).toBe('improve');
    expect(k.drivers.find((d: { name: string }) => d.name === '环境品质').quadrant).toBe('strength');
  });

  it('analyses one project, and refuses too few responses with a typed error', async () => {
    const one = (await as('manager')(DRIVERS, { w: demo.waveId, p: ids.HD02 })).data!.keyDrivers;
    expect(one).toMatchObject({ __typename: 'KeyDriverAnalysis', projectId: ids.HD02 });
    expect(one.n).toBeGreaterThan(400);
    expect((await as('manager')(DRIVERS, { w: small.waveId })).data!.keyDrivers).toMatchObject({ __typename: 'TooFewResponsesError', code: 'survey_results.too_few_responses', n: 0, required: 30 });
  });
});

describe('who sees survey results', () => {
  it('shows a project manager their project only; other projects and organisations answer like missing ones; inspectors may not read', async () => {
    const mine = (await as('pm-hd02')(RESULTS, { w: demo.waveId, g: 'project' })).data!.surveyResults;
    expect(mine.rows.map((x: { label: string }) => x.label)).toEqual(['HD02']);
    expect(mine.total.n).toBe(mine.rows[0].n);
    expect((await as('pm-hd02')(RESULTS, { w: demo.waveId, p: ids.HD01 })).data!.surveyResults).toMatchObject({ __typename: 'NotFoundError', code: 'survey_results.project_not_found' });
    expect((await as('pm-hd02')(DRIVERS, { w: demo.waveId, p: ids.HD01 })).data!.keyDrivers).toMatchObject({ __typename: 'NotFoundError' });
    expect((await as('manager')(RESULTS, { w: otherOrgWave })).data!.surveyResults).toEqual({ __typename: 'NotFoundError', code: 'survey_results.wave_not_found' });
    expect((await as('manager')(RESULTS, { w: 999_999 })).data!.surveyResults).toEqual({ __typename: 'NotFoundError', code: 'survey_results.wave_not_found' });
    expect((await as('inspector')(RESULTS, { w: demo.waveId })).data!.surveyResults).toMatchObject({ __typename: 'ForbiddenError' });
  });
});
