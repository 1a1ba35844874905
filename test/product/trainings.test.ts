import { freshStore, startServer, type ServerProcess, type Store, tearDown, signedIn } from './server-process.ts';

/**
 * Trainings in the product as people run them: the real server process on a fresh store, whose
 * first start opened the demo training of the 2026-Q4 revision of the hotline instruction; over
 * HTTP the quality manager opens a training of the current version, invites a person, records
 * attendance, and the attendee takes the quiz — answers for another version are refused.
 */
let store: Store;
let server: ServerProcess;
const CODE = 'M01.P02.W006';
const ERR = '... on ValidationError { code issues { pointer code } } ... on Error { __typename code }';
const TRAINING = `query ($id: Int!) { training(id: $id) { __typename ... on Training { id version baseVersion material { kind text } quiz { id options answer }
  sessions { id project { code } attendance { username version present } } attempts { username score maxScore version } } ${ERR} } }`;

beforeAll(async () => {
  store = await freshStore();
  server = await startServer(store);
  await server.printed(/opened the training of M01\.P02\.W006 v2/, 300_000);
  await server.printed(/demo activity: \d+ inspections/, 300_000);
  await server.ready(300_000);
}, 360_000);

afterAll(() => tearDown(server, store));

describe('trainings over HTTP on the running product', () => {
  it('seeds the training of the 2026-Q4 revision with sessions, attendance and scores', async () => {
    const manager = await signedIn(server, 'manager');
    // (the demo's rectifications that chose training as prevention opened trainings of current versions too)
    const list = (await manager.gql(`{ trainings(code: "${CODE}") { ... on TrainingConnection { nodes { id version baseVersion } } } }`)).data.trainings.nodes;
    expect(list).toContainEqual({ id: expect.any(Number), version: 2, baseVersion: 1 });
    const demo = (await manager.gql(TRAINING, { id: list.find((x: { version: number }) => x.version === 2).id })).data.training;
    expect(demo.material.map((p: { kind: string; text: string }) => `${p.kind}|${p.text}`)).toContain('tightened|检查项「人工坐席平均接通时长」的上限由 20秒 收紧为 15秒');
    expect(demo.sessions.map((s: { project: { code: string } | null }) => s.project?.code ?? null)).toEqual(['HD01', null]);
    expect(demo.sessions.flatMap((s: { attendance: { username: string; version: number; present: boolean }[] }) => s.attendance.map((a) => [a.username, a.version, a.present]))).toEqual([
      ['inspector', 2, true], ['pm2', 2, true], ['auditor', 2, false], ['frontline', 2, true],
    ]);
    expect(demo.attempts.map((a: { username: string; score: number }) => [a.username, a.score]).sort()).toEqual([['inspector', demo.quiz.length - 1], ['pm2', demo.quiz.length]]);
  });

  it('opens a training of the current version, records attendance and scores the attendee\'s quiz', async () => {
    const manager = await signedIn(server, 'manager');
    const opened = (await manager.gql(`mutation { openTraining(code: "${CODE}", version: 3) { __typename ... on OpenedTraining { reused training { id version baseVersion quiz { id options answer } } } ${ERR} } }`)).data.openTraining;
    expect(opened).toMatchObject({ __typename: 'OpenedTraining', training: { version: 3, baseVersion: 2 } });
    const training = opened.training;
    const session = (await manager.gql(`mutation ($id: Int!) { scheduleTrainingSession(trainingId: $id, startsAt: "2026-12-10T01:00:00Z", place: "线上会议", trainer: "陈静") { __typename ... on TrainingSession { id } ${ERR} } }`, { id: training.id })).data.scheduleTrainingSession;
    const invited = (await manager.gql(`mutation ($s: Int!) { inviteToTrainingSession(sessionId: $s, usernames: ["frontline"]) { __typename ... on MutationInviteToTrainingSessionSuccess { data { username version } } ${ERR} } }`, { s: session.id })).data.inviteToTrainingSession;
    expect(invited.data).toContainEqual({ username: 'frontline', version: 3 });
    expect((await manager.gql(`mutation ($s: Int!) { recordTrainingAttendance(sessionId: $s, username: "frontline", present: true) { __typename ... on TrainingAttendance { present version } ${ERR} } }`, { s: session.id })).data.recordTrainingAttendance).toEqual({ __typename: 'TrainingAttendance', present: true, version: 3 });

    const attendee = await signedIn(server, 'frontline');
    const seen = (await attendee.gql(TRAINING, { id: training.id })).data.training;
    expect(seen.quiz.every((q: { answer: number | null }) => q.answer === null)).toBe(true);
    const answers = Object.fromEntries(training.quiz.map((q: { id: string; answer: number }) => [q.id, q.answer]));
    const SUBMIT = `mutation ($id: Int!, $v: Int!, $a: JSON!) { submitQuiz(trainingId: $id, version: $v, answers: $a) { __typename ... on QuizAttempt { score maxScore version } ${ERR} } }`;
    expect((await attendee.gql(SUBMIT, { id: training.id, v: 2, a: answers })).data.submitQuiz).toMatchObject({ __typename: 'ValidationError', code: 'training.wrong_version' });
    expect((await attendee.gql(SUBMIT, { id: training.id, v: 3, a: answers })).data.submitQuiz).toEqual({ __typename: 'QuizAttempt', score: training.quiz.length, maxScore: training.quiz.length, version: 3 });
    expect((await manager.gql(TRAINING, { id: training.id })).data.training.attempts).toContainEqual({ username: 'frontline', score: training.quiz.length, maxScore: training.quiz.length, version: 3 });
  });
});
