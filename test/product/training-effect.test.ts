import { ApiClient, freshStore, startServer, type ServerProcess, type Store, tearDown, signedIn } from './server-process.ts';

/**
 * The effect evaluation in the product as a user runs it: the real server process on a fresh store,
 * whose first start seeded the training-effect demo (HD01's reception instruction, 26 sessions, daily
 * inspections judged by the real service); over HTTP the quality manager reads 76 % → 93 % with the
 * samples the start printed, and a frontline employee is refused.
 */
let store: Store;
let server: ServerProcess;
const LINE = /training effect demo: training (\d+), HD01 (M01\.P01\.W\d{3}) trained in 26 sessions (\S+)…(\S+) with 14 scenario assessments \(\d+ findings\); executed (\d+)\/(\d+) \((\d+) inspections\) before, (\d+)\/(\d+) \((\d+) inspections\) after, in (\d+) ms/;

const as = (username: string): Promise<ApiClient> => signedIn(server, username);

beforeAll(async () => {
  store = await freshStore();
  server = await startServer(store);
  await server.printed(LINE, 300_000);
  await server.ready(300_000);
}, 360_000);

afterAll(() => tearDown(server, store));

const EFFECT = `query($id: Int!) { trainingEffect(trainingId: $id, tier: "daily") { __typename ... on TrainingEffect { code before { from to } after { from to }
  rows { projectCode level before { applicable passed inspections rate } after { applicable passed inspections rate } changePoints significant } weeks { phase } } ... on Error { message } } }`;

describe('the effect evaluation over HTTP on the running product', () => {
  it('gives the first start\'s demo training exactly 76 % before and 93 % after, on the samples it printed', async () => {
    // given the demo the first start printed
    const m = server.output().match(LINE)!;
    const [trainingId, , , , bPassed, bApplicable, bInspections, aPassed, aApplicable, aInspections] = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10].map((i) => Number(m[i]));
    expect(bPassed / bApplicable).toBe(0.76);
    expect(aPassed / aApplicable).toBe(0.93);
    // when the quality manager evaluates the training (30 days either side by default)
    const result = (await (await as('manager')).gql(EFFECT, { id: trainingId })).data!.trainingEffect;
    // then the chart's bars are the source's, with the printed sample sizes
    expect(result.code).toBe(m[2]);
    const hd01 = result.rows.find((r: { projectCode: string; level: string }) => r.projectCode === 'HD01' && r.level === 'project');
    expect(hd01).toEqual({ projectCode: 'HD01', level: 'project', before: { applicable: bApplicable, passed: bPassed, inspections: bInspections, rate: 0.76 }, after: { applicable: aApplicable, passed: aPassed, inspections: aInspections, rate: 0.93 }, changePoints: 17, significant: true });
    expect(result.before.to < m[3]).toBe(true);
    expect(result.after.from > m[4]).toBe(true);
    expect(result.weeks.map((w: { phase: string }) => w.phase)).toEqual(expect.arrayContaining(['before', 'after']));
    // and someone without readTraining is refused
    expect((await (await as('frontline')).gql(EFFECT, { id: trainingId })).data!.trainingEffect.__typename).toBe('ForbiddenError');
  });
});
