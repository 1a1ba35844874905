import { ApiClient, freshStore, startServer, type ServerProcess, type Store, tearDown, signedIn } from './server-process.ts';

/**
 * The fast paths of issue 18 in the real server process (`npm start`'s command on a fresh store,
 * over HTTP): the memo of rendered `checklistById` answers serves the same bytes to callers who may
 * see the checklist and never to one who may not, even once warmed; `standard(code)`, read in one
 * trip with the caller's settings, answers each caller and shows a newly published version at once.
 * The response cache is off (RESPONSE_CACHE_TTL_MS=0) so every repeat reaches the memo and the
 * resolvers rather than a per-caller cached answer.
 */
let store: Store;
let server: ServerProcess;

beforeAll(async () => {
  store = await freshStore();
  server = await startServer(store, { RESPONSE_CACHE_TTL_MS: '0' });
  // a first start imports the library and plays the demo activity: slow on a busy machine
  await server.ready(400_000);
}, 420_000);

afterAll(() => tearDown(server, store));

const as = (username: string): Promise<ApiClient> => signedIn(server, username);

/** The raw bytes of a GraphQL answer (the memo's unit), with the status. */
async function rawAnswer(client: ApiClient, query: string): Promise<{ status: number; text: string }> {
  const response = await fetch(`${client.base}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${client.token}` },
    body: JSON.stringify({ query }),
    signal: AbortSignal.timeout(30_000),
  });
  return { status: response.status, text: await response.text() };
}

const BY_ID = (id: string) => `{ checklistById(id: "${id}") { __typename ... on Checklist { id edition itemCount items { code version title } } ... on Error { message } } }`;
const STANDARD = (code: string) => `{ standard(code: "${code}") { __typename ... on Standard { code publishedVersion current { version } latestPublished { version contentHash } } ... on Error { message } } }`;
const CODE = 'M03.P01.W002';

describe(`fast paths in the real server process (${process.env.TEST_DATABASE_URL ? 'PostgreSQL' : 'embedded PGlite'})`, () => {
  it('serves a memoised checklist only to callers who may see it, the same bytes each time', async () => {
    // given a checklist of HN02 (the pilot company's inspector works there; pm2 holds HD01 only)
    const inspector = await as('inspector');
    const admin = await as('admin');
    const pm2 = await as('pm2');
    const otherCompany = await as('yj-inspector');
    const hn02 = (await admin.gql('{ projects(first: 100) { ... on ProjectConnection { nodes { id code } } } }')).data.projects.nodes.find((p: { code: string }) => p.code === 'HN02');
    const checklist = (await inspector.gql(`{ checklist(projectId: ${hn02.id}, tier: daily) { __typename ... on Checklist { id } ... on Error { message } } }`)).data.checklist;
    expect(checklist.__typename).toBe('Checklist');
    const query = BY_ID(checklist.id);

    // when the inspector asks for it repeatedly (the first answer warms the memo), and the administrator too
    const first = await rawAnswer(inspector, query);
    const repeats = [];
    for (let i = 0; i < 4; i++) repeats.push(await rawAnswer(inspector, query), await rawAnswer(admin, query));
    // then every answer is the same bytes, a checklist with its items
    expect(first.status).toBe(200);
    const answer = JSON.parse(first.text).data.checklistById;
    expect(answer).toMatchObject({ __typename: 'Checklist', id: checklist.id });
    expect(answer.items.length).toBe(answer.itemCount);
    expect(answer.items.length).toBeGreaterThan(0);
    for (const repeat of repeats) expect(repeat).toEqual(first);

    // when callers who may not see it ask for the same text after the memo is warm, interleaved with allowed ones
    for (let i = 0; i < 3; i++) {
      for (const denied of [pm2, otherCompany]) {
        const refused = await rawAnswer(denied, query);
        // then each gets the typed refusal, never the memoised checklist
        expect(refused.text === first.text).toBe(false);
        expect(JSON.parse(refused.text).data.checklistById).toEqual({ __typename: 'NotFoundError', message: expect.any(String) });
      }
      expect(await rawAnswer(inspector, query)).toEqual(first);
    }
  });

  it('answers standard(code) for callers of both companies and shows a new publication on the next read', async () => {
    // given an inspector of each company
    const inspector = await as('inspector');
    const otherCompany = await as('yj-inspector');
    const before = (await inspector.gql(STANDARD(CODE))).data.standard;
    expect(before).toMatchObject({ __typename: 'Standard', code: CODE, publishedVersion: 2, current: { version: 2 }, latestPublished: { version: 2 } });
    // when both ask repeatedly, then each gets the published version every time
    for (let i = 0; i < 3; i++) {
      expect((await inspector.gql(STANDARD(CODE))).data.standard).toEqual(before);
      expect((await otherCompany.gql(STANDARD(CODE))).data.standard).toMatchObject({ __typename: 'Standard', code: CODE, publishedVersion: 2, current: { version: 2 } });
    }

    // when a revision is written, submitted and published by a second quality manager
    const manager = await as('manager');
    const reviewer = await as('reviewer');
    const VERSION = '__typename ... on StandardVersion { version status } ... on Error { message }';
    expect((await manager.gql(`mutation { createDraft(code: "${CODE}", note: "快路径测试") { ${VERSION} } }`)).data.createDraft).toMatchObject({ version: 3, status: 'draft' });
    const draft = (await manager.gql(`{ standard(code: "${CODE}") { ... on Standard { draft { revision schema } } } }`)).data.standard.draft;
    draft.schema.title = `${draft.schema.title}（修订）`;
    expect((await manager.gql('mutation ($s: JSON!, $r: Int!) { updateDraft(code: "' + CODE + '", schema: $s, expectedRevision: $r) { __typename ... on Error { message } } }', { s: draft.schema, r: draft.revision })).data.updateDraft.__typename).not.toMatch(/Error$/);
    expect((await manager.gql(`mutation { submitForReview(code: "${CODE}", note: "请审核") { ${VERSION} } }`)).data.submitForReview).toMatchObject({ status: 'in_review' });
    expect((await reviewer.gql(`mutation { publish(code: "${CODE}", note: "同意") { ${VERSION} } }`)).data.publish).toMatchObject({ version: 3, status: 'published' });

    // then the very next read of each caller shows version 3 published, with a new content hash
    // (`current` stays the version pinned in the newest edition until an edition takes the new one)
    for (const caller of [inspector, otherCompany]) {
      const after = (await caller.gql(STANDARD(CODE))).data.standard;
      expect(after).toMatchObject({ __typename: 'Standard', code: CODE, publishedVersion: 3, current: { version: 2 }, latestPublished: { version: 3 } });
      expect(after.latestPublished.contentHash).not.toBe(before.latestPublished.contentHash);
    }
  });
});
