import { RESULTS, DRIVERS } from '../survey-results.ts';
import { ApiClient, freshStore, startServer, type ServerProcess, type Store, signedIn, stopServer, tearDown } from './server-process.ts';

/**
 * Survey results in the product as a user runs it: the real server process on a fresh store, whose
 * first start seeded the demo wave's ~12,000 responses; over HTTP the quality manager reads NPS by
 * project with intervals and trends and the key drivers, a project manager only their project;
 * after a restart the same wave gives the same results (computed from its pinned version).
 */
let store: Store;
let server: ServerProcess;
let waveId: number;

const as = (username: string): Promise<ApiClient> => signedIn(server, username);

beforeAll(async () => {
  store = await freshStore();
  server = await startServer(store);
  await server.printed(/demo survey responses: \d+ for wave \d+ in \d+ ms/, 300_000);
  await server.ready();
}, 360_000);

afterAll(() => tearDown(server, store));

describe('survey results over HTTP on the running product', () => {
  it('seeds the demo responses fast on first start and answers NPS and key drivers from them; the same after a restart', async () => {
    // given the first start's demo responses (how long seeding took is printed, not asserted: it is the machine's load)
    const [, count, wave] = server.output().match(/demo survey responses: (\d+) for wave (\d+) in (\d+) ms/)!.map(Number);
    waveId = wave;
    expect(count).toBeGreaterThan(11_000);
    // when the quality manager reads the results
    const manager = await as('manager');
    const results = (await manager.gql(RESULTS, { w: waveId, g: 'project', grain: 'month' })).data.surveyResults;
    // then every project has its NPS with n and interval, and the whole adds up to the seeded responses
    expect(results).toMatchObject({ __typename: 'SurveyResults', version: 2 });
    expect(results.rows).toHaveLength(18);
    expect(results.total.n).toBe(count);
    for (const row of results.rows) expect(row.ciLow < row.nps && row.nps < row.ciHigh).toBe(true);
    const improving = results.rows.find((r: { label: string }) => r.label === 'HB01');
    expect(improving.trend[0].nps).toBeLessThan(0);
    expect(improving.trend.at(-1).nps).toBeGreaterThan(improving.trend[0].nps + 25);
    const drivers = (await manager.gql(DRIVERS, { w: waveId })).data.keyDrivers;
    const ranked = [...drivers.drivers].sort((a: { importance: number }, b: { importance: number }) => b.importance - a.importance).map((d: { name: string }) => d.name);
    expect(ranked.slice(0, 3).sort()).toEqual(['服务响应', '环境品质', '费用透明'].sort());
    // a project manager of HD01 sees that project only
    const pm2 = await as('pm2');
    expect((await pm2.gql(RESULTS, { w: waveId })).data.surveyResults.rows.map((r: { label: string }) => r.label)).toEqual(['HD01']);

    // when the server restarts on the same store
    await stopServer(server);
    server = await startServer(store);
    await server.ready();
    // then nothing is seeded twice and the results are the same
    const again = await as('manager');
    expect((await again.gql(RESULTS, { w: waveId, g: 'project', grain: 'month' })).data.surveyResults).toEqual(results);
    expect((await again.gql(DRIVERS, { w: waveId })).data.keyDrivers).toEqual(drivers);
  });
});
