import { startTestApp, type TestApp } from '../../test/harness.ts';
import { seed } from '../bootstrap.ts';
import { todayInChina } from '../../domain/checklists/checklist.service.ts';
import { annualQuestionnaireV1 } from '../seed/survey-demo.ts';

/**
 * Surveys through the API on a real database: questionnaires versioned (draft, publish, diff),
 * waves pinning a published version, single-use links, and answering without an account.
 */
let t: TestApp;
const tokens: Record<string, string> = {};
const as = (who: string | null) => (query: string, variables?: Record<string, unknown>) => t.gql(query, variables, who ? tokens[who] : undefined);
const anonymous = as(null);
const today = todayInChina();
const shift = (days: number) => new Date(Date.parse(`${today}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);

const ERR = '... on ValidationError { code issues { pointer code message } } ... on Error { __typename code message }';
const Q_FIELDS = 'code title versions { version status schema publishedBy } draft { version } latestPublished { version }';
const QUESTIONNAIRES = `{ questionnaires { __typename ... on QueryQuestionnairesSuccess { data { ${Q_FIELDS} } } ${ERR} } }`;
const CREATE = `mutation ($c: String!, $t: String!, $s: JSON!) { createQuestionnaire(code: $c, title: $t, schema: $s) { __typename ... on Questionnaire { ${Q_FIELDS} } ${ERR} } }`;
const SAVE = `mutation ($c: String!, $s: JSON!) { saveQuestionnaireDraft(code: $c, schema: $s) { __typename ... on Questionnaire { ${Q_FIELDS} } ${ERR} } }`;
const PUBLISH = `mutation ($c: String!) { publishQuestionnaire(code: $c) { __typename ... on Questionnaire { ${Q_FIELDS} } ${ERR} } }`;
const DIFF = `query ($c: String!, $f: Int!, $t: Int!) { questionnaireDiff(code: $c, from: $f, to: $t) { __typename ... on QuestionnaireDiff { changes { kind pointer item summaryZh } patch } ${ERR} } }`;
const WAVE = `mutation ($c: String!, $v: Int!, $n: String!, $o: String!, $e: String!) { createSurveyWave(questionnaireCode: $c, version: $v, name: $n, opensOn: $o, closesOn: $e) { __typename ... on SurveyWave { id name version { version } } ${ERR} } }`;
const WAVES = `{ surveyWaves { __typename ... on QuerySurveyWavesSuccess { data { id name opensOn closesOn version { version } questionnaire { code } projects { project { code } links responses } } } ${ERR} } }`;
const LINKS = `mutation ($w: Int!, $p: Int!, $n: Int!) { generateSurveyLinks(waveId: $w, projectId: $p, count: $n) { __typename ... on SurveyLinks { tokens csv project { code } } ${ERR} } }`;
const BY_TOKEN = `query ($t: String!) { surveyByToken(token: $t) { __typename ... on PublicSurvey { waveName questionnaireTitle projectName answered schema } ${ERR} } }`;
const SUBMIT = `mutation ($t: String!, $a: JSON!) { submitSurveyResponse(token: $t, answers: $a) { __typename ... on SurveySubmission { submittedAt } ${ERR} } }`;

type Questionnaire = { code: string; versions: { version: number; status: string; schema: Record<string, unknown> }[]; draft: { version: number } | null; latestPublished: { version: number } | null };
const good = { overall: 4, recommend: 9, environment: 5, safety: 4, maintenance: 3, response: 4, transparency: 2, community: 4, comment: '电梯维修太慢' };

async function projectId(code: string): Promise<number> {
  const rows = await t.em().execute<{ id: number }[]>('select id from project where code = ?', [code]);
  return Number(rows[0].id);
}
async function responsesOf(waveId: number): Promise<{ nps: number | null; link_id: number | null; answers: Record<string, unknown> }[]> {
  return t.em().execute('select nps, link_id, answers from survey_response where wave_id = ? order by id', [waveId]);
}
async function newWave(who: string, code: string, version: number, opensOn: string, closesOn: string): Promise<number> {
  const response = await as(who)(WAVE, { c: code, v: version, n: `测试调查 ${opensOn}`, o: opensOn, e: closesOn });
  expect(response.errors).toBeUndefined();
  const result = response.data!.createSurveyWave;
  expect(result.__typename).toBe('SurveyWave');
  return result.id;
}
async function links(who: string, waveId: number, project: string, n: number): Promise<string[]> {
  const result = (await as(who)(LINKS, { w: waveId, p: await projectId(project), n })).data!.generateSurveyLinks;
  expect(result.__typename).toBe('SurveyLinks');
  return result.tokens;
}

beforeAll(async () => {
  t = await startTestApp({ demoUsers: false });
  await seed(t.app, () => {});
  for (const who of ['manager', 'pm', 'auditor', 'inspector', 'yj-admin']) tokens[who] = await t.login(who);
}, 240_000);
afterAll(async () => {
  await t?.close();
});

describe('questionnaires versioned like standards', () => {
  it('seeds the annual questionnaire with two published versions whose diff shows the reworded and the added question', async () => {
    // given the first start / when the manager lists the questionnaires and compares v1 with v2
    const list = (await as('manager')(QUESTIONNAIRES)).data!.questionnaires.data as Questionnaire[];
    const diff = (await as('manager')(DIFF, { c: 'SV-ANNUAL', f: 1, t: 2 })).data!.questionnaireDiff;
    // then
    expect(list.map((q) => [q.code, q.versions.map((v) => `${v.version}:${v.status}`)])).toEqual([['SV-ANNUAL', ['1:published', '2:published']]]);
    expect(diff.changes.map((c: { kind: string; item: string }) => [c.kind, c.item])).toEqual(expect.arrayContaining([['text-changed', 'response'], ['item-added', 'parking']]));
    expect(diff.patch.length).toBeGreaterThan(0);
  });

  it('edits a draft in place, publishes it immutable, and opens the next version on the next edit', async () => {
    // given a new questionnaire (v1 draft)
    const created = (await as('manager')(CREATE, { c: 'SV-TEST', t: '测试问卷', s: annualQuestionnaireV1() })).data!.createQuestionnaire;
    expect(created.versions).toMatchObject([{ version: 1, status: 'draft' }]);
    // when the draft is edited, then published, then edited again
    const edited = { ...annualQuestionnaireV1(), title: '测试问卷（修订）' };
    const saved = (await as('manager')(SAVE, { c: 'SV-TEST', s: edited })).data!.saveQuestionnaireDraft as Questionnaire;
    const published = (await as('manager')(PUBLISH, { c: 'SV-TEST' })).data!.publishQuestionnaire as Questionnaire;
    const next = (await as('manager')(SAVE, { c: 'SV-TEST', s: annualQuestionnaireV1() })).data!.saveQuestionnaireDraft as Questionnaire;
    const again = (await as('manager')(PUBLISH, { c: 'SV-TEST' })).data!.publishQuestionnaire;
    const nothing = (await as('manager')(PUBLISH, { c: 'SV-TEST' })).data!.publishQuestionnaire;
    // then
    expect(saved.versions.map((v) => [v.version, v.status, v.schema.title])).toEqual([[1, 'draft', '测试问卷（修订）']]);
    expect(published.latestPublished).toEqual({ version: 1 });
    expect(published.draft).toBeNull();
    expect(next.versions.map((v) => [v.version, v.status, v.schema.title])).toEqual([[1, 'published', '测试问卷（修订）'], [2, 'draft', '年度业主满意度调查']]);
    expect(again.latestPublished).toEqual({ version: 2 });
    expect(nothing).toMatchObject({ __typename: 'ConflictError', code: 'survey.no_draft' });
    const audit = await t.em().execute<{ action: string }[]>(`select action from audit_event where subject_key = 'SV-TEST' order by seq`);
    expect(audit.map((a) => a.action)).toEqual(['questionnaire.created', 'questionnaire.draft_saved', 'questionnaire.published', 'questionnaire.draft_saved', 'questionnaire.published']);
  });

  it('refuses a schema that breaks the questionnaire rules, naming where, and stores nothing', async () => {
    // given two overall questions, a driver without its name, an NPS on the wrong scale
    const schema = annualQuestionnaireV1() as { properties: Record<string, Record<string, unknown>> };
    schema.properties.overall2 = { type: 'integer', title: '再问一次', minimum: 1, maximum: 5, 'x-role': 'overall' };
    delete schema.properties.safety['x-driver'];
    schema.properties.recommend.maximum = 5;
    // when
    const result = (await as('manager')(CREATE, { c: 'SV-BAD', t: '坏问卷', s: schema })).data!.createQuestionnaire;
    // then
    expect(result.__typename).toBe('ValidationError');
    expect(result.issues.map((i: { pointer: string; code: string }) => [i.pointer, i.code])).toEqual(expect.arrayContaining([
      ['/schema/properties/recommend', 'survey.scale_rule'], ['/schema/properties/safety/x-driver', 'survey.driver_missing'], ['/schema/properties', 'survey.overall_count'],
    ]));
    expect((await as('manager')(QUESTIONNAIRES)).data!.questionnaires.data.map((q: Questionnaire) => q.code)).not.toContain('SV-BAD');
  });

  it('lets auditors and project managers read but not change; inspectors see nothing', async () => {
    expect((await as('auditor')(QUESTIONNAIRES)).data!.questionnaires.__typename).toBe('QueryQuestionnairesSuccess');
    expect((await as('pm')(CREATE, { c: 'SV-PM', t: 'x', s: annualQuestionnaireV1() })).data!.createQuestionnaire.__typename).toBe('ForbiddenError');
    expect((await as('inspector')(QUESTIONNAIRES)).data!.questionnaires.__typename).toBe('ForbiddenError');
  });
});

describe('waves and single-use links, answered without an account', () => {
  let waveId: number;
  let tokensOfWave: string[];

  beforeAll(async () => {
    waveId = await newWave('manager', 'SV-ANNUAL', 2, shift(-3), shift(10));
    tokensOfWave = await links('manager', waveId, 'HD01', 4);
  });

  it('pins only a published version', async () => {
    await as('manager')(SAVE, { c: 'SV-ANNUAL', s: annualQuestionnaireV1() });
    const result = (await as('manager')(WAVE, { c: 'SV-ANNUAL', v: 3, n: '草稿调查', o: shift(0), e: shift(1) })).data!.createSurveyWave;
    expect(result).toMatchObject({ __typename: 'ConflictError', code: 'survey.not_published' });
  });

  it('returns the tokens once (128-bit base64url) with a CSV for the sender; only hashes are stored', async () => {
    const result = (await as('manager')(LINKS, { w: waveId, p: await projectId('HD02'), n: 2 })).data!.generateSurveyLinks;
    expect(result.tokens.every((x: string) => /^[A-Za-z0-9_-]{22}$/.test(x))).toBe(true);
    expect(result.csv.trim().split('\r\n')).toEqual(['project_code,project_name,url', ...result.tokens.map((x: string) => expect.stringMatching(new RegExp(`^HD02,[^,]+,http://localhost/s/${x}$`)))]);
    const stored = await t.em().execute<{ token_hash: string }[]>('select token_hash from survey_link where wave_id = ?', [waveId]);
    expect(stored.some((r) => result.tokens.includes(r.token_hash))).toBe(false);
    expect(stored.every((r) => /^[0-9a-f]{64}$/.test(r.token_hash))).toBe(true);
  });

  it('opens the pinned version by token and stores one response with its NPS; a second submission is refused', async () => {
    // given a link / when a household opens it, submits, and submits again
    const form = (await anonymous(BY_TOKEN, { t: tokensOfWave[0] })).data!.surveyByToken;
    const first = (await anonymous(SUBMIT, { t: tokensOfWave[0], a: good })).data!.submitSurveyResponse;
    const second = (await anonymous(SUBMIT, { t: tokensOfWave[0], a: good })).data!.submitSurveyResponse;
    const reopened = (await anonymous(BY_TOKEN, { t: tokensOfWave[0] })).data!.surveyByToken;
    // then
    expect(form).toMatchObject({ __typename: 'PublicSurvey', questionnaireTitle: '年度业主满意度调查', answered: false });
    expect(Object.keys(form.schema.properties)).toContain('parking');
    expect(first.__typename).toBe('SurveySubmission');
    expect(second).toMatchObject({ __typename: 'ConflictError', code: 'survey.link_used' });
    expect(reopened.answered).toBe(true);
    const stored = await responsesOf(waveId);
    expect(stored).toHaveLength(1);
    expect(stored[0]).toMatchObject({ nps: 9, answers: good });
  });

  it('stores exactly one response when the same link is submitted twice at once', async () => {
    const [a, b] = await Promise.all([anonymous(SUBMIT, { t: tokensOfWave[1], a: good }), anonymous(SUBMIT, { t: tokensOfWave[1], a: { ...good, overall: 1 } })]);
    const kinds = [a.data!.submitSurveyResponse.__typename, b.data!.submitSurveyResponse.__typename].sort();
    expect(kinds).toEqual(['ConflictError', 'SurveySubmission']);
    const rows = await t.em().execute<{ n: string }[]>('select count(*) n from survey_response r join survey_link l on l.id = r.link_id where l.wave_id = ? and l.used_at is not null', [waveId]);
    expect(Number(rows[0].n)).toBe(2);
  });

  it('refuses answers that do not fit the pinned version, naming each, and keeps the link unused', async () => {
    const result = (await anonymous(SUBMIT, { t: tokensOfWave[2], a: { overall: 7, safety: '好', extra: 1 } })).data!.submitSurveyResponse;
    expect(result).toMatchObject({ __typename: 'ValidationError', code: 'survey.answers_invalid', issues: [{ pointer: '/answers/extra', code: 'survey.answer_unknown' }] });
    const wrong = (await anonymous(SUBMIT, { t: tokensOfWave[2], a: { overall: 7, safety: '好' } })).data!.submitSurveyResponse;
    expect(wrong.issues.map((i: { pointer: string }) => i.pointer).sort()).toEqual(['/answers/overall', '/answers/recommend', '/answers/safety']);
    const fine = (await anonymous(SUBMIT, { t: tokensOfWave[2], a: { overall: 3, recommend: 0 } })).data!.submitSurveyResponse;
    expect(fine.__typename).toBe('SurveySubmission');
  });

  it('answers a wrong, a malformed and an unknown token alike', async () => {
    const flipped = tokensOfWave[3].slice(0, -1) + (tokensOfWave[3].endsWith('A') ? 'B' : 'A');
    const results = [];
    for (const token of [flipped, 'not-a-token', 'A'.repeat(22)]) results.push((await anonymous(BY_TOKEN, { t: token })).data!.surveyByToken);
    for (const token of [flipped, 'x']) results.push((await anonymous(SUBMIT, { t: token, a: good })).data!.submitSurveyResponse);
    expect(new Set(results.map((r) => JSON.stringify(r))).size).toBe(1);
    expect(results[0]).toMatchObject({ __typename: 'NotFoundError', code: 'survey.link_unknown' });
  });

  it('refuses links outside the wave\'s dates', async () => {
    const past = await newWave('manager', 'SV-ANNUAL', 2, shift(-30), shift(-1));
    const future = await newWave('manager', 'SV-ANNUAL', 1, shift(1), shift(30));
    for (const w of [past, future]) {
      const [token] = await links('manager', w, 'HD01', 1);
      expect((await anonymous(SUBMIT, { t: token, a: good })).data!.submitSurveyResponse).toMatchObject({ __typename: 'ConflictError', code: 'survey.wave_not_open' });
      expect((await anonymous(BY_TOKEN, { t: token })).data!.surveyByToken.code).toBe('survey.wave_not_open');
      expect(await responsesOf(w)).toEqual([]);
    }
  });

  it('hides one organisation\'s questionnaires, waves and projects from another', async () => {
    const theirs = (await as('yj-admin')(WAVES)).data!.surveyWaves.data as { id: number }[];
    expect(theirs.map((w) => w.id)).not.toContain(waveId);
    expect((await as('yj-admin')(`query ($id: Int!) { surveyWave(id: $id) { __typename ${ERR} } }`, { id: waveId })).data!.surveyWave.__typename).toBe('NotFoundError');
    expect((await as('yj-admin')(DIFF, { c: 'SV-ANNUAL', f: 1, t: 2 })).data!.questionnaireDiff.__typename).toBe('NotFoundError');
    expect((await as('yj-admin')(LINKS, { w: waveId, p: await projectId('HD01'), n: 1 })).data!.generateSurveyLinks.__typename).toBe('NotFoundError');
    // their own wave cannot send links to our project either
    await as('yj-admin')(CREATE, { c: 'SV-YJ', t: '悦居问卷', s: annualQuestionnaireV1() });
    await as('yj-admin')(PUBLISH, { c: 'SV-YJ' });
    const yjWave = await newWave('yj-admin', 'SV-YJ', 1, shift(0), shift(5));
    expect((await as('yj-admin')(LINKS, { w: yjWave, p: await projectId('HD01'), n: 1 })).data!.generateSurveyLinks.__typename).toBe('NotFoundError');
    // and a response through their link lands in their organisation
    const [token] = await links('yj-admin', yjWave, 'CD01', 1);
    expect((await anonymous(SUBMIT, { t: token, a: good })).data!.submitSurveyResponse.__typename).toBe('SurveySubmission');
    const rows = await t.em().execute<{ organisation_id: number }[]>('select organisation_id from survey_response where wave_id = ?', [yjWave]);
    expect(rows.map((r) => Number(r.organisation_id))).toEqual([2]);
    // the wave list counts links and responses per project
    const ours = ((await as('manager')(WAVES)).data!.surveyWaves.data as { id: number; projects: { project: { code: string }; links: number; responses: number }[] }[]).find((w) => w.id === waveId)!;
    expect(ours.projects).toEqual([{ project: { code: 'HD01' }, links: 4, responses: 3 }, { project: { code: 'HD02' }, links: 2, responses: 0 }]);
  });
});
