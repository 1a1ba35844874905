import { ApiClient, freshStore, startServer, type ServerProcess, type Store, tearDown, signedIn } from './server-process.ts';

/**
 * Document control on the real server process (`npm start`'s command on a fresh store, first start
 * with the shipped library and demo users): a quality manager revises a standard and submits it
 * with a note; publishing it themselves is refused; a second quality manager reads the note and
 * publishes; the audit trail keeps both notes and the chain verifies. The imported history carries
 * the editions' own dates and authors.
 */
let store: Store;
let server: ServerProcess;

beforeAll(async () => {
  store = await freshStore();
  server = await startServer(store);
  // a first start imports three editions of the library: give it time on a shared machine
  await server.ready(280_000);
}, 300_000);

afterAll(() => tearDown(server, store));

const CODE = 'M03.P01.W002';
const VERSION = '... on StandardVersion { version status submittedBy submitNote publishedBy publishNote mayPublish } ... on Error { __typename code message }';

const as = (username: string): Promise<ApiClient> => signedIn(server, username);

describe(`four-eyes publication over HTTP (${process.env.TEST_DATABASE_URL ? 'PostgreSQL' : 'embedded PGlite'})`, () => {
  it('refuses the author\'s own publication and takes a second quality manager\'s, keeping both notes', async () => {
    // given the manager's revision of an instruction, submitted with a note
    const manager = await as('manager');
    const reviewer = await as('reviewer');
    const admin = await as('admin');
    const draft = (await manager.gql(`mutation { createDraft(code: "${CODE}", note: "增加午间清洁") { ${VERSION} } }`)).data.createDraft;
    expect(draft).toMatchObject({ version: 3, status: 'draft' });
    const submitted = (await manager.gql(`mutation { submitForReview(code: "${CODE}", note: "请审核午间清洁要求") { ${VERSION} } }`)).data.submitForReview;
    expect(submitted).toMatchObject({ status: 'in_review', submittedBy: 'manager', submitNote: '请审核午间清洁要求', mayPublish: false });

    // when the manager publishes it: refused, nothing stored
    const own = (await manager.gql(`mutation { publish(code: "${CODE}", note: "自行发布") { ${VERSION} } }`)).data.publish;
    expect(own).toMatchObject({ __typename: 'ForbiddenError', code: 'standard.four_eyes' });
    expect((await admin.gql(`{ standard(code: "${CODE}") { ... on Standard { publishedVersion draft { status } } } }`)).data.standard).toEqual({ publishedVersion: 2, draft: { status: 'in_review' } });

    // then the reviewer sees the note and publishes with a decision note
    expect((await reviewer.gql(`{ standard(code: "${CODE}") { ... on Standard { draft { submitNote mayPublish } } } }`)).data.standard.draft).toEqual({ submitNote: '请审核午间清洁要求', mayPublish: true });
    const published = (await reviewer.gql(`mutation { publish(code: "${CODE}", note: "同意，自下月起执行") { ${VERSION} } }`)).data.publish;
    expect(published).toMatchObject({ version: 3, status: 'published', publishedBy: 'reviewer', submitNote: '请审核午间清洁要求', publishNote: '同意，自下月起执行' });

    // the audit trail keeps who did what with which note, and the chain verifies
    const trail = (await admin.gql(`{ auditTrail(code: "${CODE}") { ... on AuditEventConnection { nodes { actor action version note } } } }`)).data.auditTrail.nodes;
    expect(trail.slice(-3)).toEqual([
      { actor: 'manager', action: 'standard.draft.created', version: 3, note: null },
      { actor: 'manager', action: 'standard.submitted', version: 3, note: '请审核午间清洁要求' },
      { actor: 'reviewer', action: 'standard.published', version: 3, note: '同意，自下月起执行' },
    ]);
    expect((await admin.gql('{ verifyAuditChain { ... on AuditChainReport { ok } } }')).data.verifyAuditChain.ok).toBe(true);
  });

  it('shows the imported history with the editions\' dates and authors', async () => {
    // given / when
    const auditor = await as('auditor');
    const versions = (await auditor.gql(`{ standard(code: "${CODE}") { ... on Standard { versions { version author publishedBy publishedAt } } } }`)).data.standard.versions;
    // then versions 1 and 2 come from editions 2026-Q3 and 2027-Q1, not from the first start
    expect(versions.slice(0, 2)).toEqual([
      { version: 1, author: '刘建国（品质部经理）', publishedBy: '刘建国（品质部经理）', publishedAt: '2026-07-01T00:00:00.000Z' },
      { version: 2, author: expect.stringMatching(/[\u4e00-\u9fa5]/), publishedBy: '刘建国（品质部经理）', publishedAt: '2026-12-01T00:00:00.000Z' },
    ]);
  });
});
