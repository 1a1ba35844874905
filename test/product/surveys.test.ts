import { todayInChina } from '../../domain/checklists/checklist.service.ts';
import { annualQuestionnaireV1 } from '../../server/seed/survey-demo.ts';
import { ApiClient, freshStore, startServer, type ServerProcess, type Store, tearDown, signedIn } from './server-process.ts';

/**
 * Surveys in the product as people run them: the real server process on a fresh store, whose first
 * start seeded the annual questionnaire and its wave; over HTTP the quality manager writes and
 * publishes a questionnaire, opens a wave, generates links, and a household answers one without an
 * account — once.
 */
let store: Store;
let server: ServerProcess;
const today = todayInChina();
const inDays = (n: number) => new Date(Date.parse(`${today}T00:00:00Z`) + n * 86_400_000).toISOString().slice(0, 10);
const ERR = '... on ValidationError { code issues { pointer code } } ... on Error { __typename code }';

beforeAll(async () => {
  store = await freshStore();
  server = await startServer(store);
  await server.printed(/created the questionnaire SV-ANNUAL/, 300_000);
  await server.printed(/demo activity: \d+ inspections/, 300_000);
  await server.ready(300_000);
}, 360_000);

afterAll(() => tearDown(server, store));

describe('surveys over HTTP on the running product', () => {
  it('seeds the annual questionnaire (v1, v2 published) and the 2026 wave pinned to v2', async () => {
    const manager = await signedIn(server, 'manager');
    const waves = (await manager.gql('{ surveyWaves { ... on QuerySurveyWavesSuccess { data { name version { version status } questionnaire { code title versions { version status } } } } } }')).data.surveyWaves.data;
    expect(waves).toEqual([{ name: '2026年度满意度调查', version: { version: 2, status: 'published' }, questionnaire: { code: 'SV-ANNUAL', title: '年度业主满意度调查', versions: [{ version: 1, status: 'published' }, { version: 2, status: 'published' }] } }]);
  });

  it('creates, publishes, sends links and takes one anonymous answer per link', async () => {
    // given the quality manager's questionnaire, published, and a wave of this week
    const manager = await signedIn(server, 'manager');
    const created = (await manager.gql(`mutation ($s: JSON!) { createQuestionnaire(code: "SV-PRODUCT", title: "产品测试问卷", schema: $s) { __typename ${ERR} } }`, { s: annualQuestionnaireV1() })).data.createQuestionnaire;
    expect(created.__typename).toBe('Questionnaire');
    expect((await manager.gql(`mutation { publishQuestionnaire(code: "SV-PRODUCT") { __typename ... on Questionnaire { latestPublished { version } } ${ERR} } }`)).data.publishQuestionnaire).toEqual({ __typename: 'Questionnaire', latestPublished: { version: 1 } });
    const wave = (await manager.gql(`mutation ($o: String!, $c: String!) { createSurveyWave(questionnaireCode: "SV-PRODUCT", version: 1, name: "产品测试调查", opensOn: $o, closesOn: $c) { __typename ... on SurveyWave { id } ${ERR} } }`, { o: today, c: inDays(7) })).data.createSurveyWave;
    const project = (await manager.gql('{ projects(first: 50) { ... on ProjectConnection { nodes { id code } } } }')).data.projects.nodes.find((p: { code: string }) => p.code === 'HD01');
    const links = (await manager.gql(`mutation ($w: Int!, $p: Int!) { generateSurveyLinks(waveId: $w, projectId: $p, count: 3) { __typename ... on SurveyLinks { tokens csv } ${ERR} } }`, { w: wave.id, p: project.id })).data.generateSurveyLinks;
    expect(links.tokens).toHaveLength(3);
    expect(links.csv).toContain(`${server.base}/s/${links.tokens[0]}`);

    // when a household opens the link (no account) and answers, twice
    const page = await fetch(`${server.base}/s/${links.tokens[0]}`, { redirect: 'manual' });
    expect([page.status, page.headers.get('location')]).toEqual([302, `/admin/s/${links.tokens[0]}`]);
    expect((await fetch(`${server.base}/admin/s/${links.tokens[0]}`)).headers.get('content-type')).toMatch(/text\/html/);
    const household = new ApiClient(server.base);
    const form = (await household.gql(`query ($t: String!) { surveyByToken(token: $t) { __typename ... on PublicSurvey { questionnaireTitle projectName answered } ${ERR} } }`, { t: links.tokens[0] })).data.surveyByToken;
    const answers = { overall: 5, recommend: 10, environment: 4, comment: '保洁阿姨很认真' };
    const submit = `mutation ($t: String!, $a: JSON!) { submitSurveyResponse(token: $t, answers: $a) { __typename ${ERR} } }`;
    const first = (await household.gql(submit, { t: links.tokens[0], a: answers })).data.submitSurveyResponse;
    const second = (await household.gql(submit, { t: links.tokens[0], a: answers })).data.submitSurveyResponse;
    const bad = (await household.gql(submit, { t: links.tokens[1], a: { overall: 6 } })).data.submitSurveyResponse;
    const unknown = (await household.gql(submit, { t: 'B'.repeat(22), a: answers })).data.submitSurveyResponse;

    // then one response stored; the others refused with typed errors
    expect(form).toMatchObject({ __typename: 'PublicSurvey', questionnaireTitle: '产品测试问卷', answered: false });
    expect(first.__typename).toBe('SurveySubmission');
    expect(second).toEqual({ __typename: 'ConflictError', code: 'survey.link_used' });
    expect(bad.issues.map((i: { pointer: string }) => i.pointer).sort()).toEqual(['/answers/overall', '/answers/recommend']);
    expect(unknown).toEqual({ __typename: 'NotFoundError', code: 'survey.link_unknown' });
    const counts = (await manager.gql('query ($id: Int!) { surveyWave(id: $id) { ... on SurveyWave { projects { project { code } links responses } } } }', { id: wave.id })).data.surveyWave.projects;
    expect(counts).toEqual([{ project: { code: 'HD01' }, links: 3, responses: 1 }]);
  });
});
