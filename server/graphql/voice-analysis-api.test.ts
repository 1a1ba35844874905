import { startTestApp, type TestApp } from '../../test/harness.ts';
import { SYSTEM_ACTOR, systemFor } from '../../domain/shared/access.ts';
import { ensureSampleProjects } from '../../domain/projects/project.service.ts';
import { SAMPLE_PROJECTS } from '../../domain/projects/sample-projects.ts';
import { createOrganisation } from '../../domain/people/organisation.service.ts';
import { grantRole } from '../../domain/people/people.service.ts';
import { createUser, DEMO_PASSWORD } from '../../domain/users/user.service.ts';
import { MODEL_VERSION } from '../../domain/voice/analysis/analyze.ts';
import { DEFAULT_LIMITS } from '../../domain/shared/limits.ts';

/**
 * The analyser through the API on a real database (PGlite, or PostgreSQL with TEST_DATABASE_URL):
 * what a text is about and how urgent it is, with repetition counted from the stored feedback of a
 * project the caller reads — and nothing of another organisation's or another project's.
 */
let t: TestApp;
const tokens: Record<string, string> = {};
const ids: Record<string, number> = {};
const ANALYSIS = `query ($text: String!, $projectId: ID) { feedbackAnalysis(text: $text, projectId: $projectId) {
  __typename
  ... on VoiceAnalysis { module touchpoints problemType problemTypeLabel { zh en } sentiment intensity repetition priority unclassified modelVersion }
  ... on ValidationError { code message issues { pointer message } }
  ... on Error { code message } } }`;
const analyse = async (who: string, text: string, projectId?: number | string) => (await t.gql(ANALYSIS, { text, projectId }, tokens[who])).data!.feedbackAnalysis;

const LIFT = '电梯又坏了，老人只能爬楼，再不修我就打12345投诉！';

async function storeFeedback(projectId: number, problemType: string, daysAgo: number): Promise<void> {
  await t.em().execute(
    `insert into feedback (organisation_id, project_id, channel, received_at, text, touchpoints, problem_type, sentiment, intensity, repetition, priority, model_version, created_by, created_at)
     select organisation_id, id, 'hotline', now() - make_interval(days => ?), '电梯坏了', '[]', ?, 'negative', 2, 0, 'P2', 'test', 'admin', now() from project where id = ?`,
    [daysAgo, problemType, projectId],
  );
}

beforeAll(async () => {
  t = await startTestApp();
  await ensureSampleProjects(t.em());
  const other = await createOrganisation(t.em(), SYSTEM_ACTOR, { code: 'yueju', name: '悦居物业' });
  await ensureSampleProjects(t.em(), other.id, [{ ...SAMPLE_PROJECTS[0], code: 'YJ01', name: '悦居花园', region: '西南区域' }]);
  await createUser(t.em(), systemFor(other.id), { username: 'yj-admin', password: DEMO_PASSWORD, roles: ['admin'] });
  const rows = await t.em().execute<{ code: string; id: number }[]>('select code, id from project order by id');
  for (const r of rows) ids[r.code] = r.id;
  // a project manager of one project only
  await createUser(t.em(), systemFor(1), { username: 'pm-one', password: DEMO_PASSWORD, roles: [], rolesLater: true });
  await grantRole({ em: t.em(), actor: systemFor(1), limits: DEFAULT_LIMITS }, { username: 'pm-one', role: 'project_manager', projectCode: SAMPLE_PROJECTS[0].code });
  // the lift failed three times at the first project this month, once two months ago; one noise complaint
  const first = ids[SAMPLE_PROJECTS[0].code];
  for (const days of [1, 5, 12]) await storeFeedback(first, 'facility_fault', days);
  await storeFeedback(first, 'facility_fault', 60);
  await storeFeedback(first, 'noise', 2);
  await storeFeedback(ids.YJ01, 'facility_fault', 1);
  for (const u of ['admin', 'manager', 'inspector', 'pm-one', 'yj-admin']) tokens[u] = await t.login(u);
}, 300_000);
afterAll(() => t?.close());

describe('feedbackAnalysis', () => {
  it('reads a text: module, touchpoints, problem type with its labels, sentiment, intensity, priority, model', async () => {
    // given a complaint threatening to escalate / when the manager asks without a project / then a strong facility fault, P1
    expect(await analyse('manager', LIFT)).toEqual({
      __typename: 'VoiceAnalysis', module: 'M05', touchpoints: ['TP-140'], problemType: 'facility_fault', problemTypeLabel: { zh: '设施设备故障', en: 'Facility faults' },
      sentiment: 'negative', intensity: 3, repetition: 0, priority: 'P1', unclassified: null, modelVersion: MODEL_VERSION,
    });
    expect(await analyse('manager', '谢谢保洁阿姨，楼道每天都很干净')).toMatchObject({ problemType: 'praise', module: null, sentiment: 'positive', intensity: 0, priority: 'P4' });
  });

  it('counts repetition in the 30 days before now at the project named, which raises the priority', async () => {
    // given three faults at the first project in the last 30 days, one older, and a noise complaint
    const first = ids[SAMPLE_PROJECTS[0].code];
    const mild = '楼道灯有一盏不亮了';
    // when a mild fault is analysed without a project / then routine
    expect(await analyse('manager', mild)).toMatchObject({ problemType: 'facility_fault', intensity: 1, repetition: 0, priority: 'P3' });
    // when at the first project / then three faults this month (the one of two months ago and the noise complaint do not count): 1 × 2 + 3 / 2 → P2
    expect(await analyse('manager', mild, first)).toMatchObject({ problemType: 'facility_fault', repetition: 3, priority: 'P2' });
    expect(await analyse('pm-one', mild, String(first))).toMatchObject({ repetition: 3 });
    // another project of the organisation has none
    expect(await analyse('manager', mild, ids[SAMPLE_PROJECTS[1].code])).toMatchObject({ repetition: 0 });
  });

  it('answers a project of another organisation or outside the caller\'s reach like a missing one', async () => {
    const missing = await analyse('manager', LIFT, 999_999);
    expect(missing).toMatchObject({ __typename: 'NotFoundError', code: 'project.not_found' });
    expect(await analyse('manager', LIFT, ids.YJ01)).toMatchObject({ __typename: 'NotFoundError', code: 'project.not_found' });
    expect(await analyse('yj-admin', LIFT, ids[SAMPLE_PROJECTS[0].code])).toMatchObject({ __typename: 'NotFoundError', code: 'project.not_found' });
    expect(await analyse('pm-one', LIFT, ids[SAMPLE_PROJECTS[1].code])).toMatchObject({ __typename: 'NotFoundError', code: 'project.not_found' });
    expect(await analyse('manager', LIFT, 'HD01')).toMatchObject({ __typename: 'NotFoundError' });
    // the other organisation sees its own repetition only
    expect(await analyse('yj-admin', '电梯坏了好几天', ids.YJ01)).toMatchObject({ problemType: 'facility_fault', repetition: 1 });
  });

  it('needs readFeedback: an inspector is refused', async () => {
    expect(await analyse('inspector', LIFT)).toMatchObject({ __typename: 'ForbiddenError' });
    expect((await t.gql(ANALYSIS, { text: LIFT })).data!.feedbackAnalysis).toMatchObject({ __typename: 'ForbiddenError' });
  });

  it('refuses empty and over-long text with typed errors naming /text; unclassifiable text answers why', async () => {
    expect(await analyse('manager', '   ')).toMatchObject({ __typename: 'ValidationError', code: 'analysis.empty', issues: [{ pointer: '/text' }] });
    const tooLong = await analyse('manager', '电'.repeat(2001));
    expect(tooLong).toMatchObject({ __typename: 'ValidationError', code: 'analysis.too_long', issues: [{ pointer: '/text', message: 'must be at most 2000 characters' }] });
    expect(tooLong.message).toBe('The text has 2001 characters; feedback is analysed up to 2000');
    expect(await analyse('manager', 'the lift is broken')).toMatchObject({ unclassified: 'no_chinese', problemType: null, problemTypeLabel: null, priority: 'P3' });
    expect(await analyse('manager', '\u0001\u0002\u0003二进制')).toMatchObject({ unclassified: 'binary' });
    expect(await analyse('manager', '你好')).toMatchObject({ unclassified: 'no_signal' });
  });

  it('speaks Chinese to a Chinese client', async () => {
    const zh = (await t.gql(ANALYSIS, { text: '' }, tokens.manager, 'zh-CN')).data!.feedbackAnalysis;
    expect(zh).toMatchObject({ code: 'analysis.empty', message: '待分析的文本为空', issues: [{ pointer: '/text', message: '必须包含文字' }] });
  });
});
