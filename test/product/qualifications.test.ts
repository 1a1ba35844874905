import { solidPng } from '../../server/seed/png.ts';
import { ApiClient, eventually, freshStore, startServer, type ServerProcess, type Store, tearDown, signedIn } from './server-process.ts';

/**
 * Coaching and qualifications in the product as a user runs it: the real server process on a fresh
 * store, whose first start seeded coaching records and a certificate expiring soon; the daily
 * expiry-warnings job runs from the job queue at start, so the holder and the managers of their
 * projects find one warning each; a coaching visit recorded over HTTP with a photo the server serves.
 */
let store: Store;
let server: ServerProcess;

const as = (username: string): Promise<ApiClient> => signedIn(server, username);

const WARNINGS = '{ myQualificationWarnings { __typename ... on QueryMyQualificationWarningsSuccess { data { holder certificate threshold } } } }';
const warningsOf = async (client: ApiClient) => ((await client.gql(WARNINGS)).data.myQualificationWarnings.data as { holder: string; certificate: string; threshold: string }[]).map((w) => `${w.holder}:${w.certificate}:${w.threshold}`);

beforeAll(async () => {
  store = await freshStore();
  server = await startServer(store);
  await server.printed(/seeded 4 coaching records/, 300_000);
  await server.ready(300_000);
}, 360_000);

afterAll(() => tearDown(server, store));

describe('coaching and qualifications over HTTP on the running product', () => {
  it('warns the holder of a certificate expiring soon and the manager of their project, once, from the job queue', async () => {
    const inspector = await as('inspector');
    // the warnings job runs through the queue after start: poll until it did
    const mine = await eventually('the expiry warning', async () => {
      const list = await warningsOf(inspector);
      return list.length > 0 ? list : undefined;
    }, 60_000);
    expect(mine).toEqual(['inspector:内审员证:30d']);
    // pm2 manages HD01, one of the inspector's projects
    expect(await warningsOf(await as('pm2'))).toEqual(['inspector:内审员证:30d']);
    // a person with no warning sees none
    expect(await warningsOf(await as('auditor'))).toEqual([]);
  });

  it('lists the demo coaching records and records a visit with a photo', async () => {
    const inspector = await as('inspector');
    const LIST = '{ coachings(first: 10) { ... on CoachingConnection { totalCount nodes { id code version photos project { code } } } } }';
    const demo = (await inspector.gql(LIST)).data.coachings;
    expect(demo.totalCount).toBe(4);
    const withPhoto = demo.nodes.find((n: { photos: string[] }) => n.photos.length > 0);
    const served = await fetch(`${server.base}/photos/${withPhoto.photos[0]}`, { headers: { authorization: `Bearer ${inspector.token}` } });
    expect(served.status).toBe(200);
    expect(served.headers.get('content-type')).toBe('image/png');
    const photo = await inspector.upload(solidPng(64, 48, [30, 110, 190]));
    const project = demo.nodes.find((n: { project: { code: string } }) => n.project.code === 'HD01');
    const recorded = (await inspector.gql('mutation ($i: RecordCoachingInput!) { recordCoaching(input: $i) { __typename ... on Coaching { code version photos } ... on Error { message } } }',
      { i: { projectId: Number((await inspector.gql('{ coaching(id: ' + project.id + ') { ... on Coaching { projectId } } }')).data.coaching.projectId), code: 'M03.P06.W025', coachedOn: new Date(Date.now() + 8 * 3_600_000).toISOString().slice(0, 10), notes: '产品测试：复查', photos: [photo] } })).data.recordCoaching;
    expect(recorded).toMatchObject({ __typename: 'Coaching', code: 'M03.P06.W025', photos: [photo] });
    expect(recorded.version).toBeGreaterThan(0);
    expect((await inspector.gql(LIST)).data.coachings.totalCount).toBe(5);
  });
});
