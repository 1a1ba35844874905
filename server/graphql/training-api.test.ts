import { startTestApp, type TestApp } from '../../test/harness.ts';
import { seed } from '../bootstrap.ts';
import { SERVICE_ACTIONS } from '../../domain/workflows/actions.service.ts';
import { organisationActor } from '../../domain/shared/access.ts';

/**
 * Trainings (标准培训) through the API on a real database: material and quiz from the diff of a
 * published version, sessions with invitations by project role and by name, attendance pinned to
 * the version, quiz scoring, answers for another version refused, organisations kept apart.
 */
let t: TestApp;
const tokens: Record<string, string> = {};
const as = (who: string) => (query: string, variables?: Record<string, unknown>) => t.gql(query, variables, tokens[who]);
const CODE = 'M01.P02.W006';

const ERR = '... on ValidationError { code issues { pointer code } } ... on Error { __typename code message }';
const T_FIELDS = 'id code version baseVersion title material { pointer kind text } quiz { id prompt options answer pointer }';
const OPEN = `mutation ($c: String!, $v: Int!) { openTraining(code: $c, version: $v) { __typename ... on OpenedTraining { reused training { ${T_FIELDS} } } ${ERR} } }`;
const TRAINING = `query ($id: Int!) { training(id: $id) { __typename ... on Training { ${T_FIELDS} sessions { id place project { code } attendance { username role code version present } } attempts { username score maxScore version } } ${ERR} } }`;
const LIST = `query ($c: String, $n: Int, $a: String) { trainings(code: $c, first: $n, after: $a) { __typename ... on TrainingConnection { totalCount nodes { id code version } pageInfo { hasNextPage endCursor } } ${ERR} } }`;
const SCHEDULE = `mutation ($id: Int!, $at: DateTime!, $p: String!, $tr: String!, $pr: Int) { scheduleTrainingSession(trainingId: $id, startsAt: $at, place: $p, trainer: $tr, projectId: $pr) { __typename ... on TrainingSession { id } ${ERR} } }`;
const INVITE = `mutation ($s: Int!, $p: Int, $r: String, $u: [String!]) { inviteToTrainingSession(sessionId: $s, projectId: $p, role: $r, usernames: $u) { __typename ... on MutationInviteToTrainingSessionSuccess { data { username role code version present } } ${ERR} } }`;
const ATTEND = `mutation ($s: Int!, $u: String!, $p: Boolean!) { recordTrainingAttendance(sessionId: $s, username: $u, present: $p) { __typename ... on TrainingAttendance { username present version } ${ERR} } }`;
const SUBMIT = `mutation ($id: Int!, $v: Int!, $a: JSON!) { submitQuiz(trainingId: $id, version: $v, answers: $a) { __typename ... on QuizAttempt { score maxScore code version } ${ERR} } }`;
const MINE = `{ myTrainings { __typename ... on QueryMyTrainingsSuccess { data { training { id version quiz { id answer } } invitation { code version present } attempts { score } } } ${ERR} } }`;
const VERSION = '... on StandardVersion { version status schema } ... on Error { __typename message }';

type Question = { id: string; prompt: string; options: string[]; answer: number | null; pointer: string };
type Training = { id: number; version: number; baseVersion: number | null; material: { pointer: string; kind: string; text: string }[]; quiz: Question[] };

async function projectId(code: string): Promise<number> {
  return Number((await t.em().execute<{ id: number }[]>('select id from project where code = ?', [code]))[0].id);
}
async function published(code: string): Promise<{ version: number; schema: Record<string, any> }> {
  const [row] = await t.em().execute<{ published_version: number }[]>('select published_version from standard_document where code = ?', [code]);
  const [v] = await t.em().execute<{ schema_json: string }[]>('select schema_json from standard_version where code = ? and version = ?', [code, row.published_version]);
  return { version: Number(row.published_version), schema: JSON.parse(v.schema_json) };
}
/** Publishes a new version of `code` made by `change` from the published one (the manager writes, the reviewer approves). */
async function revise(code: string, change: (schema: Record<string, any>) => void): Promise<number> {
  const { schema } = await published(code);
  change(schema);
  const draft = (await as('manager')(`mutation ($c: String!) { createDraft(code: $c) { __typename ${VERSION} } }`, { c: code })).data.createDraft;
  const rev = (await t.em().execute<{ revision: number }[]>('select revision from standard_version where code = ? and version = ?', [code, draft.version]))[0].revision;
  expect((await as('manager')(`mutation ($c: String!, $s: JSON!, $r: Int!) { updateDraft(code: $c, schema: $s, expectedRevision: $r) { __typename ${VERSION} } }`, { c: code, s: schema, r: rev })).data.updateDraft.__typename).toBe('StandardVersion');
  await as('manager')(`mutation ($c: String!) { submitForReview(code: $c) { __typename ${VERSION} } }`, { c: code });
  const done = (await as('reviewer')(`mutation ($c: String!) { publish(code: $c, note: "培训测试") { __typename ${VERSION} } }`, { c: code })).data.publish;
  expect(done).toMatchObject({ __typename: 'StandardVersion', status: 'published' });
  return done.version;
}
async function open(code: string, version: number, who = 'manager'): Promise<Training> {
  const result = (await as(who)(OPEN, { c: code, v: version })).data.openTraining;
  expect(result.__typename).toBe('OpenedTraining');
  return result.training;
}

let revised: Training;
let v: number;

beforeAll(async () => {
  t = await startTestApp({ demoUsers: false });
  await seed(t.app, () => {});
  for (const who of ['manager', 'reviewer', 'pm2', 'inspector', 'frontline', 'committee', 'yj-manager']) tokens[who] = await t.login(who);
  v = await revise(CODE, (s) => {
    s.properties.answerSeconds.maximum = 10;
    s.properties.callbackWithin24h = { title: '未接来电24小时内回拨', type: 'boolean', const: true, 'x-check': { ...s.properties.abandonRate['x-check'], unit: undefined } };
    delete s.properties.callbackWithin24h['x-check'].unit;
    s['x-standard'].body.steps[1] = '核实来电人姓名、项目、楼栋房号和联系电话，并在工单中勾选已核对。';
  });
  revised = await open(CODE, v);
}, 300_000);
afterAll(async () => {
  await t?.close();
});

describe('trainings', () => {
  it('writes the material from what changed: the tightened limit, the added item and the reworded step, in words', () => {
    expect(revised).toMatchObject({ version: v, baseVersion: v - 1 });
    const texts = revised.material.map((p) => `${p.kind}|${p.text}`);
    expect(texts).toContain('tightened|检查项「人工坐席平均接通时长」的上限由 15秒 收紧为 10秒');
    expect(texts.some((x) => x.startsWith('added|新增检查项「未接来电24小时内回拨」'))).toBe(true);
    expect(texts).toContain('reworded|作业步骤第2条改为：「核实来电人姓名、项目、楼栋房号和联系电话，并在工单中勾选已核对。」（原为：「核实来电人姓名、项目、楼栋房号和联系电话；系统按来电号码带出业主档案的，仍须口头核对一次。」）');
    // grouped by item: each item's points together
    const pointers = revised.material.map((p) => p.pointer);
    expect(pointers.filter((p, i) => i > 0 && p !== pointers[i - 1]).length).toBe(new Set(pointers).size - 1);
  });

  it('generates the quiz from the changed items, with the new value right and the old one wrong', () => {
    expect(revised.quiz.length).toBeGreaterThanOrEqual(3);
    expect(revised.quiz.length).toBeLessThanOrEqual(10);
    const limit = revised.quiz.find((q) => q.pointer === 'answerSeconds/maximum')!;
    expect(limit.prompt).toBe('新版本中「人工坐席平均接通时长」的上限是？');
    expect(limit.options[limit.answer!]).toBe('10秒');
    expect(limit.options).toContain('15秒');
    const added = revised.quiz.find((q) => q.prompt === '新版本新增了哪个检查项？')!;
    expect(added.options[added.answer!]).toBe('未接来电24小时内回拨');
    const step = revised.quiz.find((q) => q.pointer === 'x-standard/body/steps/1')!;
    expect(step.options[step.answer!]).toContain('勾选已核对');
  });

  it('reuses the open training of a version, lists trainings by code and refuses an unpublished or unknown version', async () => {
    expect((await as('manager')(OPEN, { c: CODE, v })).data.openTraining).toMatchObject({ reused: true, training: { id: revised.id } });
    // the demo's training of the 2026-Q4 revision comes after it (newest first)
    const first = (await as('manager')(LIST, { c: CODE, n: 1 })).data.trainings;
    expect(first).toMatchObject({ totalCount: 2, nodes: [{ id: revised.id, code: CODE, version: v }], pageInfo: { hasNextPage: true } });
    const second = (await as('manager')(LIST, { c: CODE, n: 1, a: first.pageInfo.endCursor })).data.trainings;
    expect(second).toMatchObject({ nodes: [{ code: CODE, version: 2 }], pageInfo: { hasNextPage: false } });
    expect((await as('manager')(OPEN, { c: CODE, v: v + 1 })).data.openTraining.__typename).toBe('NotFoundError');
    expect((await as('pm2')(OPEN, { c: CODE, v })).data.openTraining.__typename).toBe('ForbiddenError');
    expect((await as('manager')(OPEN, { c: 'M01.P02', v: 1 })).data.openTraining.__typename).toBe('ConflictError');
  });

  it('invites by project and role and by name, pins attendance to the version, and shows project roles their projects\' sessions only', async () => {
    const hd01 = await projectId('HD01');
    const s1 = (await as('manager')(SCHEDULE, { id: revised.id, at: '2026-12-10T09:00:00+08:00', p: '总部培训室', tr: '陈静', pr: hd01 })).data.scheduleTrainingSession.id;
    const s2 = (await as('manager')(SCHEDULE, { id: revised.id, at: '2026-12-11T09:00:00+08:00', p: '线上会议', tr: '陈静' })).data.scheduleTrainingSession.id;
    const invited = (await as('manager')(INVITE, { s: s1, p: hd01, r: 'project_manager', u: ['frontline'] })).data.inviteToTrainingSession.data;
    expect(invited).toEqual([
      { username: 'frontline', role: 'invited', code: CODE, version: v, present: null },
      { username: 'pm2', role: 'project_manager', code: CODE, version: v, present: null },
    ]);
    expect((await as('manager')(INVITE, { s: s2, u: ['nobody-here'] })).data.inviteToTrainingSession).toMatchObject({ __typename: 'ValidationError', issues: [{ pointer: '/usernames/0' }] });
    expect((await as('manager')(ATTEND, { s: s1, u: 'pm2', p: true })).data.recordTrainingAttendance).toEqual({ __typename: 'TrainingAttendance', username: 'pm2', present: true, version: v });
    expect((await as('manager')(ATTEND, { s: s1, u: 'frontline', p: false })).data.recordTrainingAttendance.present).toBe(false);
    // a newer version does not move the attendance: it stays pinned to the version trained
    const next = await revise(CODE, (s) => { s.properties.abandonRate.maximum = 4; });
    const seen = (await as('manager')(TRAINING, { id: revised.id })).data.training;
    expect(seen.sessions.map((s: { place: string }) => s.place)).toEqual(['总部培训室', '线上会议']);
    expect(seen.sessions[0].attendance.map((a: { version: number; present: boolean }) => [a.version, a.present])).toEqual([[v, false], [v, true]]);
    expect(next).toBe(v + 1);
    // the project manager sees the session of their project only, and no right answers
    const pm = (await as('pm2')(TRAINING, { id: revised.id })).data.training;
    expect(pm.sessions.map((s: { project: { code: string } }) => s.project.code)).toEqual(['HD01']);
    expect(pm.quiz.every((q: Question) => q.answer === null)).toBe(true);
  });

  it('scores an attendee\'s quiz, refuses answers for another version and stores nothing then', async () => {
    const answers = Object.fromEntries(revised.quiz.map((q, i) => [q.id, i === 0 ? (q.answer! + 1) % q.options.length : q.answer]));
    const wrongVersion = (await as('frontline')(SUBMIT, { id: revised.id, v: v - 1, a: answers })).data.submitQuiz;
    expect(wrongVersion).toMatchObject({ __typename: 'ValidationError', code: 'training.wrong_version', issues: [{ pointer: '/version' }] });
    expect((await t.em().execute('select id from quiz_attempt where training_id = ?', [revised.id]))).toHaveLength(0);
    const missing = (await as('frontline')(SUBMIT, { id: revised.id, v, a: { q1: 0 } })).data.submitQuiz;
    expect(missing).toMatchObject({ __typename: 'ValidationError', issues: expect.arrayContaining([{ pointer: '/answers/q2', code: 'training.answer_missing' }]) });
    const scored = (await as('frontline')(SUBMIT, { id: revised.id, v, a: answers })).data.submitQuiz;
    expect(scored).toEqual({ __typename: 'QuizAttempt', score: revised.quiz.length - 1, maxScore: revised.quiz.length, code: CODE, version: v });
    const mine = (await as('frontline')(MINE)).data.myTrainings.data.filter((x: { training: { id: number } }) => x.training.id === revised.id);
    expect(mine).toEqual([{ training: { id: revised.id, version: v, quiz: revised.quiz.map((q) => ({ id: q.id, answer: null })) }, invitation: { code: CODE, version: v, present: false }, attempts: [{ score: revised.quiz.length - 1 }] }]);
    // someone not invited cannot see or take it
    expect((await as('committee')(SUBMIT, { id: revised.id, v, a: answers })).data.submitQuiz.__typename).toBe('NotFoundError');
    const all = (await as('manager')(TRAINING, { id: revised.id })).data.training.attempts;
    expect(all).toEqual([{ username: 'frontline', score: revised.quiz.length - 1, maxScore: revised.quiz.length, version: v }]);
  });

  it('answers another organisation\'s training like a missing one', async () => {
    expect((await as('yj-manager')(TRAINING, { id: revised.id })).data.training.__typename).toBe('NotFoundError');
    expect((await as('yj-manager')(LIST, {})).data.trainings.nodes.map((n: { id: number }) => n.id)).not.toContain(revised.id);
    expect((await as('yj-manager')(SCHEDULE, { id: revised.id, at: '2026-12-10T09:00:00Z', p: 'x', tr: 'y' })).data.scheduleTrainingSession.__typename).toBe('NotFoundError');
  });

  it('a first version\'s material is its items, and the rectification\'s training prevention opens or reuses a training of the current version', async () => {
    const actor = organisationActor('manager', ['quality_manager']);
    const { em } = t.app.context(actor);
    const effect = { kind: 'service' as const, task: 'training', action: 'openTraining', variables: { code: 'M01.P01.W001', findingId: 1 } };
    const ctx = { em, instanceId: 1, actor, limits: t.app.limits, startWorkflow: async () => 0 };
    const first = await em.transactional((tx) => SERVICE_ACTIONS.openTraining({ ...ctx, em: tx }, effect as never));
    const again = await em.transactional((tx) => SERVICE_ACTIONS.openTraining({ ...ctx, em: tx }, effect as never));
    expect(again).toEqual({ ...first, reused: true });
    const training = (await as('manager')(TRAINING, { id: first.trainingId })).data.training;
    expect(training).toMatchObject({ code: 'M01.P01.W001', version: first.version });
    if (training.baseVersion === null) expect(training.material.every((p: { kind: string }) => ['item', 'step'].includes(p.kind))).toBe(true);
    expect(training.quiz.length).toBeGreaterThanOrEqual(3);
  });
});
