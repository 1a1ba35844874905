import { readFileSync } from 'node:fs';
import { freshStore, ApiClient, startServer, type ServerProcess, type Store, tearDown, signedIn } from './server-process.ts';

/**
 * The customer's voice in the product as a user runs it: the real server process (`npm start`'s
 * command) on a fresh store, whose first start seeded three months of demo feedback; over HTTP a
 * quality manager records an item, imports a call centre's export (multipart upload), lists,
 * reads the heat map's feedback source and the rising clusters; the second organisation sees none of it.
 */
let store: Store;
let server: ServerProcess;
const chinaDay = (d: Date) => new Date(d.getTime() + 8 * 3_600_000).toISOString().slice(0, 10);

const as = (username: string): Promise<ApiClient> => signedIn(server, username);

async function upload(client: ApiClient, name: string, bytes: Uint8Array) {
  const form = new FormData();
  form.append('operations', JSON.stringify({ query: 'mutation ($f: File!) { importFeedback(file: $f) { __typename ... on FeedbackImportReport { rows accepted refused duplicates imported items { row status feedbackId } } ... on Error { code } } }', variables: { f: null } }));
  form.append('map', JSON.stringify({ 0: ['variables.f'] }));
  form.append('0', new Blob([new Uint8Array(bytes)], { type: 'text/csv' }), name);
  const response = await fetch(`${server.base}/graphql`, { method: 'POST', headers: { authorization: `Bearer ${client.token}` }, body: form, signal: AbortSignal.timeout(60_000) });
  return ((await response.json()) as { data: { importFeedback: any } }).data.importFeedback;
}

const LIST = `query ($f: FeedbackFilter, $first: Int) { feedback(filter: $f, first: $first) { __typename ... on FeedbackConnection { totalCount nodes { id text project { code } problemType priority modelVersion } } ... on Error { code } } }`;

beforeAll(async () => {
  store = await freshStore();
  server = await startServer(store);
  await server.printed(/demo activity: \d+ inspections/, 300_000);
  await server.ready(300_000);
}, 360_000);

afterAll(() => tearDown(server, store));

describe('the customer\'s voice over HTTP on the running product', () => {
  it('records, imports, lists, maps and clusters feedback, each organisation its own', async () => {
    // given the first start's demo feedback, seeded in seconds
    const [, seeded, ms] = /seeded (\d+) demo feedback items over 90 days in (\d+) ms/.exec(server.output())!;
    expect(Number(seeded)).toBeGreaterThan(8000);
    expect(Number(ms)).toBeLessThan(60_000);
    const manager = await as('manager');
    const projects = (await manager.gql('query { projects(first: 100) { ... on ProjectConnection { nodes { id code } } } }')).data.projects.nodes as { id: number; code: string }[];
    const hd01 = (await manager.gql(LIST, { f: { projectId: projects.find((p) => p.code === 'HD01')!.id }, first: 1 })).data.feedback;
    expect(hd01.totalCount).toBeGreaterThan(400);
    expect(hd01.nodes[0].project.code).toBe('HD01');

    // when the manager records an item and imports an export
    const hd02 = projects.find((p) => p.code === 'HD02')!.id;
    const recorded = (await manager.gql(`mutation ($i: RecordFeedbackInput!) { recordFeedback(input: $i) { __typename ... on Feedback { id priority modelVersion project { code } } ... on Error { code } } }`,
      { i: { projectId: hd02, channel: 'visit', receivedAt: new Date(Date.now() - 3_600_000).toISOString(), text: '地下车库B2的灯坏了三天了，没人来修', sourceId: 'HTTP-1' } })).data.recordFeedback;
    expect(recorded).toMatchObject({ __typename: 'Feedback', project: { code: 'HD02' } });
    const report = await upload(manager, 'call-centre-export.csv', readFileSync(new URL('../fixtures/call-centre-export.csv', import.meta.url)));
    expect(report).toMatchObject({ rows: 6, accepted: 6, refused: 0, imported: 6 });
    expect(await upload(manager, 'call-centre-export.csv', readFileSync(new URL('../fixtures/call-centre-export.csv', import.meta.url)))).toMatchObject({ duplicates: 6, imported: 0 });

    // then they are listed with their analysis
    const imported = (await manager.gql(LIST, { f: { search: 'GD20261101-0002' } })).data.feedback.nodes;
    expect(imported).toHaveLength(1);
    expect(imported[0].modelVersion).toBe(recorded.modelVersion);

    // the heat map counts feedback by touchpoint or module, and the clusters show the demo's story
    const to = chinaDay(new Date());
    const from = chinaDay(new Date(Date.now() - 29 * 86_400_000));
    const heat = (await manager.gql(`query ($f: String, $t: String) { heatMapRows(from: $f, to: $t, source: "feedback") { code feedback touchpoints { touchpoint count } } }`, { f: from, t: to })).data.heatMapRows as { code: string; feedback: number }[];
    expect(heat.find((r) => r.code === 'HD01')!.feedback).toBeGreaterThan(100);
    const clusters = (await manager.gql(`query ($f: String!, $t: String!) { feedbackClusters(from: $f, to: $t) { ... on QueryFeedbackClustersSuccess { data { key projectId projectIds count previousCount } } } }`, { f: from, t: to })).data.feedbackClusters.data as { key: string; projectId: number | null; projectIds: number[] }[];
    const hd01Id = projects.find((p) => p.code === 'HD01')!.id;
    expect(clusters.some((c) => c.projectId === hd01Id)).toBe(true);
    expect(clusters.some((c) => c.projectId === null && c.projectIds.length >= 3)).toBe(true);

    // and the second organisation sees only its own
    const theirs = await as('yj-admin');
    const list = (await theirs.gql(LIST, { first: 500 })).data.feedback;
    expect(list.totalCount).toBeGreaterThan(0);
    expect(list.nodes.every((n: { project: { code: string } }) => /^(CD|WH)/.test(n.project.code))).toBe(true);
    expect((await theirs.gql(`query ($id: Int!) { feedbackItem(id: $id) { __typename } }`, { id: recorded.id })).data.feedbackItem.__typename).toBe('NotFoundError');
    expect((await theirs.gql(`query ($f: String!, $t: String!) { feedbackClusters(from: $f, to: $t) { ... on QueryFeedbackClustersSuccess { data { key } } } }`, { f: from, t: to })).data.feedbackClusters.data).toEqual([]);
  });
});
