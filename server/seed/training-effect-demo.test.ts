import { startTestApp, type TestApp } from '../../test/harness.ts';
import { seed } from '../bootstrap.ts';
import { SYSTEM_ACTOR } from '../../domain/shared/access.ts';
import { deployShippedWorkflows } from '../../domain/findings/rectification.service.ts';
import { seedTrainingEffectDemo } from './training-effect-demo.ts';

let t: TestApp;
let manager: string;
const lines: string[] = [];

beforeAll(async () => {
  t = await startTestApp({ demoUsers: false });
  await seed(t.app, () => {});
  await deployShippedWorkflows(t.em(), SYSTEM_ACTOR);
  await seedTrainingEffectDemo(t.app, (line) => lines.push(line));
  manager = await t.login('manager');
}, 300_000); // a whole first start: every edition imported
afterAll(() => t.close());

const EFFECT = `query($id: Int!) { trainingEffect(trainingId: $id, tier: "daily") { __typename ... on TrainingEffect { code projectId trainingTitle before { from to } after { from to }
  rows { projectCode code level before { applicable passed inspections rate smallSample } after { applicable passed inspections rate } changePoints significant } weeks { week rate phase } } ... on Error { message } } }`;

describe('the training-effect demo of a first start', () => {
  it('gives HD01\'s reception instruction exactly 76 % before and 93 % after the 26 sessions, judged into findings', async () => {
    // given the demo's training (the one with the most sessions)
    const [training] = await t.em().execute<{ id: number; code: string; sessions: string }[]>(`select tr.id, tr.code, (select count(*) from training_session s where s.training_id = tr.id) as sessions from training tr order by 3 desc, 1 limit 1`);
    expect(Number(training.sessions)).toBe(26);
    expect(training.code).toMatch(/^M01\.P01\.W\d{3}$/);
    // when its effect is evaluated with the default windows (30 days either side)
    const effect = (await t.gql(EFFECT, { id: training.id }, manager)).data.trainingEffect;
    expect(effect.__typename).toBe('TrainingEffect');
    const hd01 = effect.rows.find((r: { projectCode: string; level: string }) => r.projectCode === 'HD01' && r.level === 'project');
    // then the rates are the source's, exactly, on real samples
    expect(hd01.before.rate).toBe(0.76);
    expect(hd01.after.rate).toBe(0.93);
    expect(hd01.before.passed / hd01.before.applicable).toBe(0.76);
    expect(hd01.after.passed / hd01.after.applicable).toBe(0.93);
    expect(hd01.before.inspections).toBeGreaterThanOrEqual(10);
    expect(hd01.after.inspections).toBeGreaterThanOrEqual(10);
    expect(hd01.changePoints).toBe(17);
    expect(hd01.significant).toBe(true);
    expect(effect.weeks.some((w: { phase: string }) => w.phase === 'before')).toBe(true);
    expect(effect.weeks.some((w: { phase: string }) => w.phase === 'after')).toBe(true);
    // the failures are real findings of the judged inspections
    const [{ n }] = await t.em().execute<{ n: string }[]>(`select count(*) as n from finding f join inspection i on i.id = f.inspection_id where i.client_submission_id like 'effect-demo-%' and i.tier = 'daily'`);
    expect(Number(n)).toBe(hd01.before.applicable - hd01.before.passed + hd01.after.applicable - hd01.after.passed);
    expect(lines.join('\n')).toMatch(/training effect demo: training \d+, HD01 M01\.P01\.W\d{3} trained in 26 sessions/);
  });

  it('runs only once', async () => {
    const count = async () => (await t.em().execute<{ n: string }[]>(`select (select count(*) from training) + (select count(*) from training_session) + (select count(*) from inspection) as n`))[0].n;
    const before = await count();
    await seedTrainingEffectDemo(t.app, (line) => lines.push(line));
    expect(await count()).toBe(before);
  });
});
